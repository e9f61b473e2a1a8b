# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The catalog's end-to-end test drives Debian's Chromium: installed here when missing.
CHROMIUM := /usr/bin/chromium
# The format tests render pages into PDFs with a Unicode font (tests/formats_render.py): Debian's DejaVu.
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup browser run test test-fast docs bench accuracy reference clean

setup: $(STAMP)

# Re-install only when the dependency declaration or the lock changes.
$(STAMP): pyproject.toml constraints.txt
	@echo "setup: a virtualenv in $(VENV) with roledata and the versions locked in constraints.txt (pandas, pandera, DuckDB, Prefect, test tools)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

browser: $(CHROMIUM) $(FONT)

$(CHROMIUM):
	@echo "test: installing Debian's chromium package (the catalog's end-to-end test drives a real browser; nothing is downloaded at test time)"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null

$(FONT):
	@echo "test: installing Debian's fonts-dejavu-core (the format tests render pages into PDFs with it)"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null

run: setup
	$(BIN)/roledata run --raw raw --warehouse warehouse

# Two pytest workers (one per core of the CI machine), a test file to each at a time: the tests of a
# file share their module fixtures. TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= 2
test: setup browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# The quick loop while working on parsing and extraction (about 20 seconds): the unit tests only.
test-fast: setup $(FONT)
	$(BIN)/python -m pytest tests/unit -q

# The README's generated blocks (code layout, command synopsis) and the data dictionary, from the code.
docs: setup
	$(BIN)/python docs/readme.py
	$(BIN)/roledata tables > docs/DATA_DICTIONARY.md

# Throughput and memory at 1,000 and 10,000 pages (about 6 minutes), and every table of every page
# compared with benchmarks/digests/ (a speed-up must change no row); add --huge for 100,000 pages.
bench: setup
	$(BIN)/python benchmarks/run.py --digests $(BENCH_ARGS)

# Extraction accuracy against gold answers, one table for every corpus that has them
# (raw/ samples, tests/pages/<name>/ with tests/gold/<name>.json, and $(REALWORLD) when present).
REALWORLD ?= ../shared/realworld
accuracy: setup
	$(BIN)/python benchmarks/accuracy.py --realworld $(REALWORLD) --json benchmarks/accuracy.json

# The occupation and wage tables the package ships (src/roledata/data/reference/), derived from the official
# O*NET, BLS and ESCO files in $(REFERENCE) (each checked against its SHA256SUMS first); nothing is downloaded.
REFERENCE ?= ../shared/reference
reference: setup
	$(BIN)/python -m roledata.reference.build --source $(REFERENCE)

clean:
	rm -rf $(VENV) test-artifacts warehouse/roledata.duckdb warehouse/snapshots warehouse/.roledata warehouse/.roledata-*
