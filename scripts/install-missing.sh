#!/bin/sh
# Installs a Debian package where none of the commands it provides is found:
#   install-missing.sh PACKAGE "what needs it" COMMAND...
# (redis-server for the Redis tests, chromium for the report's browser test, gcc for the
# compiled fingerprint scan). Without apt-get, it says what to install and goes on.
set -e
package=$1 purpose=$2
shift 2
for name in "$@"; do
    command -v "$name" >/dev/null 2>&1 && exit 0
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
else
    echo "$package not found: install it (e.g. 'apt-get install $package') for $purpose" >&2
fi
