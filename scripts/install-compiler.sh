#!/bin/sh
# Installs a C compiler (for the compiled fingerprint scan, newscrawl/fingerprint/_native.c) where it is missing.
set -e
command -v cc >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc >/dev/null
else
    echo "no C compiler found: install one (e.g. 'apt-get install gcc'); without it fingerprints come from pure Python, slower" >&2
fi
