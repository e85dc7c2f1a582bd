# Two commands do all set-up on a fresh machine (README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Debian's Chromium renders the HTML report in the tests; a CJK font lets it draw the Chinese.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench lint clean

$(BIN)/portalcrawl: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Serve the bundled demo portal on 127.0.0.1, crawl it into data/portalcrawl.db, print a summary.
demo: $(BIN)/portalcrawl
	$(BIN)/portalcrawl demo

# Debian's Redis: the distributed crawl's tests start their own server on a free port.
REDIS ?= /usr/bin/redis-server

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei

$(REDIS):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server

# Lint, then the whole test suite (real crawls of local servers, real SQLite files, real Chromium, real Redis).
test: $(BIN)/portalcrawl $(CHROMIUM) $(REDIS)
	$(BIN)/ruff check .
	$(BIN)/pytest -q

# The peers for `portalcrawl eval --compare` (an optional extra), then the accuracy benchmark on
# the three labelled sets: the shared Chinese corpus, our hand labels of zh-unlabelled, multi-dev.
PEERS = readability,trafilatura,gne,newspaper4k,htmldate
bench: $(BIN)/portalcrawl
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/portalcrawl eval ../shared/corpus/zh-dev --compare $(PEERS)
	$(BIN)/portalcrawl eval tests/truth/zh-unlabelled.jsonl --compare $(PEERS)
	$(BIN)/portalcrawl eval ../shared/corpus/multi-dev --compare $(PEERS)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
