# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: run test install install-test screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files so a second `make` does not reinstall.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Build the sample into out/ (graph.ttl, graph.jsonld, statements.jsonl, graph.html), then ask it a question.
run: install
	$(BIN)/kg build seeds/ -o $(OUT)
	$(BIN)/kg query $(OUT)/graph.ttl --name meetings

# The browser tests drive Debian's Chromium; install it when missing and possible (root or
# sudo), else those tests skip and say why.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo "sudo -n")

$(CHROMIUM):
	-@command -v apt-get >/dev/null && ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null) \
		|| echo "make: could not install chromium; the browser tests will be skipped"

test: install-test | $(CHROMIUM)
	$(BIN)/python -m pytest

# The picture in the README: the sample's page, headless, after physics has settled.
screenshot: run | $(CHROMIUM)
	mkdir -p docs
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
		--no-first-run --user-data-dir=$$(mktemp -d) --hide-scrollbars --window-size=1400,900 \
		--virtual-time-budget=15000 --screenshot=docs/graph.png file://$(CURDIR)/$(OUT)/graph.html 2>/dev/null

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
