# The handbook's task runner. `make serve` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.13, the CPython minor that Pyodide 0.29 embeds: native tests and the browser agree.
PYTHON_BOOT ?= $(shell pyenv which python3.13 2>/dev/null || command -v python3.13 2>/dev/null || echo python3.13)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null)
PYTEST_WORKERS ?= 2

.PHONY: help setup serve build test test-fast lint bench pdf clean

help:
	@echo "make serve   set up, build and serve the handbook on http://$(HOST):$(PORT)"
	@echo "make test    set up and run every test (unit, property, doctest, site, Pyodide, browser, PDF)"
	@echo "make build   build the static site into site/, with the whole handbook as site/handbook.pdf"
	@echo "make pdf     the same as make build (kept for habit)"
	@echo "make bench   print timing ratios measured in one run"
	@echo "make lint    ruff, mypy and tsc (the JavaScript's JSDoc types)"

$(VENV)/.installed: pyproject.toml
	@$(PYTHON_BOOT) -c 'import sys; assert sys.version_info[:2] == (3, 13), "Python 3.13 is required (pyenv install 3.13)"'
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

# The dev server rebuilds pages on every edit but not the PDF (it takes Chromium ~10 s): it serves
# the one `make build` wrote when the server started (HANDBOOK_PDF, copied in by docs_build/hooks.py).
serve: build
	HANDBOOK_PDF="$(CURDIR)/site/handbook.pdf" $(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT)

# The static site in site/, handbook.pdf included (Start here links to it).
build: setup
	$(VENV)/bin/mkdocs build --strict --site-dir site
	CHROMIUM="$(CHROMIUM)" $(PY) -m docs_build.pdf site

# Lint first: a type error in the JavaScript fails the run before the slow layers start.
test: setup lint
	CHROMIUM="$(CHROMIUM)" $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

test-fast: setup
	$(PY) -m pytest -m "not browser and not pdf and not site and not pyodide"

lint: setup
	$(VENV)/bin/ruff check calculators docs_build tests
	$(VENV)/bin/ruff format --check calculators docs_build tests
	$(VENV)/bin/mypy
	node_modules/.bin/tsc --noEmit -p tsconfig.json
	node_modules/.bin/tsc --noEmit -p tsconfig.worker.json

pdf: build

bench: setup
	CHROMIUM="$(CHROMIUM)" $(PY) -m tests.bench

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache .hypothesis
