# peelstats: the two commands a newcomer needs are `make report` and `make test` (see README).
# PEELSTATS_MIRROR=<folder or URL laid out like shared/data> makes every command work offline.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PEELSTATS_MIRROR

.PHONY: install dev data report test test-fast lint bench lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install leaves the package uncompiled, and where PYTHONDONTWRITEBYTECODE is set (CI machines) every
# command would compile it again: compiled once here, as `pip install .` does.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q peelstats
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q peelstats
	touch $@

install: $(VENV)/.core  ## the library, CLI and report machinery
dev: $(VENV)/.dev       ## plus test and lint tools

data: install           ## fetch every source (publisher or mirror) and build the tidy dataset
	$(BIN)/peelstats fetch
	$(BIN)/peelstats build

report: data            ## the main job: the evidence report for the West Mercia letter (YE March 2018)
	$(BIN)/peelstats report

lint: dev
	$(BIN)/ruff check peelstats tests benchmarks
	$(BIN)/mypy

test: dev lint          ## lint, then every test (the slowest listed at the end)
	$(BIN)/python -m pytest --durations=15

test-fast: dev          ## the everyday run: every test but the slow ones (notebooks, reports, installs)
	$(BIN)/python -m pytest -m "not slow" --durations=10

bench: dev data         ## speed figures (printed, not asserted)
	$(BIN)/python benchmarks/bench_data.py
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_report_floor.py
	$(BIN)/python benchmarks/bench_claims.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_policeuk.py

$(VENV)/.lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[lab]'
	touch $@

lab: $(VENV)/.lab data  ## JupyterLab on the notebooks/ folder; their key figures (JSON) go to reports/lab/
	mkdir -p reports/lab
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf data/processed reports .pytest_cache
