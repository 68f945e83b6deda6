# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: run test test-fast install install-test bench bench-scale train screenshot news-graph vendor-oxigraph clean

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

# The remote-store tests start Debian's OpenLink Virtuoso on loopback; install it the same way.
VIRTUOSO := /usr/bin/virtuoso-t

$(VIRTUOSO):
	-@command -v apt-get >/dev/null && ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq virtuoso-opensource >/dev/null) \
		|| echo "make: could not install virtuoso-opensource; the remote-store tests will be skipped"

test: install-test | $(CHROMIUM) $(VIRTUOSO)
	$(BIN)/python -m pytest

# Everything but the tests marked slow (the 400-article page among them), for a quick round while editing.
test-fast: install-test | $(CHROMIUM)
	$(BIN)/python -m pytest -m "not slow"

# The graph of the first 400 pool articles (../shared/data/news/pool.jsonl, or NEWS_POOL=...):
# the slow browser tests and `make screenshot` use it when it is there (else the tests build
# their own copy once per session). About two minutes on two cores.
NEWS_POOL ?= ../shared/data/news/pool.jsonl
NEWS := $(OUT)/news-400

$(NEWS)/graph.ttl: | install
	mkdir -p $(NEWS)
	head -n 400 $(NEWS_POOL) > $(NEWS)/pool-400.jsonl
	$(BIN)/kg build $(NEWS)/pool-400.jsonl -o $(NEWS)

news-graph: $(NEWS)/graph.ttl

# Accuracy on CoNLL04, CaRB and BBC news (dev, and train where the rules were written), and speed against bare spaCy; figures go to out/bench/.
# The data lives in ../shared/data (set KG_CONLL04_DIR / KG_DATA_DIR to use another folder).
bench: install
	mkdir -p $(OUT)/bench
	$(BIN)/python benchmarks/conll04.py --json $(OUT)/bench/conll04-dev.json
	$(BIN)/python benchmarks/carb.py --out $(OUT)/bench/carb-dev.tsv --json $(OUT)/bench/carb-dev.json
	$(BIN)/python benchmarks/news.py --json $(OUT)/bench/news-dev.json
	$(BIN)/python benchmarks/news.py --split train --json $(OUT)/bench/news-train.json
	$(BIN)/python benchmarks/speed.py --json $(OUT)/bench/speed.json
	$(BIN)/python benchmarks/results.py --bench $(OUT)/bench --out benchmarks/RESULTS.md

# The longer runs: SPARQL on a million triples, the HTML page at 5,000 nodes, one long article,
# local engine against Dask, and pushing a million triples into Virtuoso.
bench-scale: install-test | $(VIRTUOSO)
	mkdir -p $(OUT)/bench
	$(BIN)/python benchmarks/sparql.py --triples 1000000 --json $(OUT)/bench/sparql.json
	$(BIN)/python benchmarks/layout.py --sizes 5000 20000 50000 --json $(OUT)/bench/layout.json
	$(BIN)/python benchmarks/render.py --sizes 500 2000 5000 --baseline-max 500 --json $(OUT)/bench/render.json
	$(BIN)/python benchmarks/memory.py --command extract --sizes-mb 1 5 --json $(OUT)/bench/memory.json
	$(BIN)/python benchmarks/scale.py --store --json $(OUT)/bench/scale.json
	$(BIN)/python benchmarks/push.py --triples 1000000 --json $(OUT)/bench/push.json

# Retrain the pair classifiers (fixed seeds; the same data gives the same files): the news one on
# news train, thresholds chosen on news dev (kg/data/news.json, what kg build uses), and the CoNLL04
# one on CoNLL04 train, thresholds by cross-validation on train (kg/data/relations.json).
train: install
	$(BIN)/python benchmarks/train_news.py
	$(BIN)/python benchmarks/train_conll04.py

# The pictures in the README: the sample's page after physics has settled, and the page of
# 400 pool articles, headless.
SHOT = $(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	--no-first-run --user-data-dir=$$(mktemp -d) --hide-scrollbars --window-size=1400,900 --virtual-time-budget=15000

screenshot: run news-graph install-test | $(CHROMIUM)
	mkdir -p docs
	$(SHOT) --screenshot=docs/graph.png file://$(CURDIR)/$(OUT)/graph.html 2>/dev/null
	$(BIN)/kg render $(NEWS) -o $(NEWS)/graph.html
	$(BIN)/python docs/screenshot.py $(NEWS)/graph.html docs/graph-news.png
	$(BIN)/python docs/screenshot.py $(NEWS)/graph.html docs/graph-news-focus.png '#focus=entity/organization/yukos'

# Oxigraph's WebAssembly build for the page's SPARQL panel, from the npm registry (see
# kg/vendor/oxigraph/README.md): the glue module as it is, the wasm gzipped.
OXIGRAPH_VERSION := 0.5.11
OXIGRAPH := kg/vendor/oxigraph

vendor-oxigraph:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent oxigraph@$(OXIGRAPH_VERSION) >/dev/null && tar xzf oxigraph-$(OXIGRAPH_VERSION).tgz \
		&& cp package/web.js $(CURDIR)/$(OXIGRAPH)/web.js && gzip -9 -n -c package/web_bg.wasm > $(CURDIR)/$(OXIGRAPH)/web_bg.wasm.gz \
		&& sha256sum package/web_bg.wasm && rm -rf $$tmp

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
