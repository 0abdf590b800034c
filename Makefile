# policykg: every target sets itself up on a fresh machine (a venv in .venv from pyproject.toml).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test bench install clean-outputs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The main job: ingest corpora/ into the embedded default store (outputs/policykg.db).
run: $(STAMP)
	$(BIN)/policykg ingest corpora/

## The web app on the store `make run` builds: http://127.0.0.1:8765/ (Ctrl-C stops it).
serve: $(STAMP)
	$(BIN)/policykg serve

## The test suite (a few minutes).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Benchmarks: print throughput figures (never run as tests).
bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_tagging.py
	$(BIN)/python bench/bench_graph.py --extractor real
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_pdf_real.py
	$(BIN)/python bench/bench_pdf_tables.py
	$(BIN)/python bench/bench_pdf_speed.py
	$(BIN)/python bench/bench_ocr.py
	$(BIN)/python bench/bench_web.py

clean-outputs:
	rm -rf outputs/*.db outputs/*.db-* outputs/records
