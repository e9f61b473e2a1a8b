# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test bench clean

setup: $(STAMP)

# Re-install only when the dependency declaration or the lock changes.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/roledata run --raw raw --warehouse warehouse

test: setup
	$(BIN)/python -m pytest

# Throughput and memory at 1,000 and 10,000 pages (about 10 minutes); add --huge for 100,000.
bench: setup
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) warehouse/roledata.duckdb warehouse/snapshots warehouse/.roledata warehouse/.roledata-*
