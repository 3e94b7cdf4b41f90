# Two commands on a fresh machine: `make demo` (the main job) and `make test`.
# Both install first when needed: `.venv` with the project and its extras.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test demo bench clean

install: $(STAMP)

# Quiet unless it fails: pip's and setuptools' chatter goes to $(VENV)/install.log, shown on error.
# setup.py and the C source: pip install -e builds the compiled scan (newscrawl/fingerprint/_native.c).
$(STAMP): pyproject.toml setup.py newscrawl/fingerprint/_native.c
	@echo "installing .venv (log: $(VENV)/install.log)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@sh scripts/install-missing.sh gcc "the compiled fingerprint scan" cc
	@{ $(BIN)/python -m pip install -q --upgrade pip && \
	   $(BIN)/python -m pip install -q -e '.[test,redis,scrapyd,bench,monitoring]'; } > $(VENV)/install.log 2>&1 \
	   || { cat $(VENV)/install.log; echo "make install failed (log above: $(VENV)/install.log)"; exit 1; }
	@sh scripts/install-missing.sh redis-server "the Redis tests" redis-server
	@sh scripts/install-missing.sh chromium "the report's browser test" chromium chromium-browser google-chrome
	@touch $(STAMP)

test: install
	$(BIN)/python -m pytest -q

demo: install
	$(BIN)/python scripts/demo.py

bench: install
	$(BIN)/python bench/extraction.py --data ../shared/bench/article-extraction-benchmark
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/dedup.py

# Everything a run leaves: the venv, build files (and the compiled C module), crawl output (NEWSCRAWL_OUTPUT_DIR's default), the store.
clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache demo-output output .newscrawl
	rm -f newscrawl/fingerprint/_native*.so
