# Two entry points: `make run` (set up, then process corpus/ into output/)
# and `make test` (set up, then run the test suite). Both work on a fresh
# machine with Python 3.10+; `make test` also installs Debian's Chromium
# for the browser tests when it is missing.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup run test browser eval clean-output

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all]'
	rm -f $(VENV)/.installed-*
	touch $@

run: setup
	$(BIN)/vnie run corpus/ -o output/

# Chromium from Debian's packages, for the tests that open generated pages.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: setup browser
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/vnie run corpus/ corpus-dev/ -o output/eval/
	$(BIN)/vnie eval output/eval/ --gold gold/ --floors gold/floors.json

clean-output:
	rm -rf output/*.jsonl output/.vnie-*
