# EO Explorer QGIS plugin -- developer / CI entry points.
#
#   make install              apt packages, .venv, pip packages (idempotent, stamped)
#   make test                 unit + pytest-qgis tests (headless) + the app tier (real QGIS, Xvfb)
#   make lint                 ruff check + ruff format --check + mypy (config: pyproject.toml)
#   make format               ruff format + ruff check --fix (rewrites files)
#   make bench                python -m tests.bench (BENCH_ARGS="--only pgstac,memory": others)
#   make screenshots          the README's screenshots, taken by the app tier (1366x768, 1920x1080)
#   make package              dist/eo_explorer-<version>.zip
#   make translations         pylupdate5 -> i18n/eo_explorer_{fr,de}.ts
#   make compile-translations lrelease  -> i18n/*.qm
#   make deploy               copy into QGIS profile "eo-explorer" and enable it
#   make run                  deploy, start the sandbox STAC API, start QGIS
#   make clean / distclean    remove build outputs / also the venvs

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PLUGIN_NAME := eo_explorer
VENV        ?= .venv
PY          := $(VENV)/bin/python
RUFF        := $(VENV)/bin/ruff
# Re-runs .ci/install.sh when it changes or when .venv is recreated.
STAMP       := $(VENV)/.eo-explorer-installed

LANGUAGES   := fr de
TS_FILES    := $(foreach l,$(LANGUAGES),i18n/$(PLUGIN_NAME)_$(l).ts)
PYLUPDATE   ?= pylupdate5
LRELEASE    ?= lrelease

LINT_PATHS  := plugin tests $(wildcard __init__.py)

.PHONY: help install test lint format bench package translations compile-translations \
        deploy run clean distclean screenshots

help:
	@sed -n 's/^#   make /  make /p' $(firstword $(MAKEFILE_LIST))

# ------------------------------------------------------------------ install
$(STAMP): .ci/install.sh
	bash .ci/install.sh
	@touch $@

install: $(STAMP)

# ------------------------------------------------------------------ checks
# Wrapper runs: QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/unit tests/qgis tests/app -v
# (tests/app starts the real qgis under xvfb-run, without the offscreen platform).
# exit code 5 (no tests collected) -> loud failure; guarantees a closing summary line.
test: $(STAMP)
	PY=$(PY) bash .ci/pytest.sh tests/unit tests/qgis tests/app -v $(PYTEST_ARGS)

# The app tier's picture flows, their screenshots written over resources/screenshots/
# (palette PNGs): every dock on a 1366x768 laptop and on a 1920x1080 screen.
PICTURES := dock_picture or search_dock_after_a_first_search or delivered_to_the_sandbox_bucket
screenshots: $(STAMP)
	EO_APP_SCREENSHOTS=resources/screenshots PY=$(PY) bash .ci/pytest.sh tests/app -v -k "$(PICTURES)"
	EO_APP_SCREENSHOTS=resources/screenshots EO_APP_SCREEN=1920x1080x24 PY=$(PY) \
	    bash .ci/pytest.sh tests/app -v -k "$(PICTURES)"

lint: $(STAMP)
	$(RUFF) --version
	$(RUFF) check .
	$(RUFF) format --check $(LINT_PATHS)
	$(PY) -m mypy --version
	$(PY) -m mypy

format: $(STAMP)
	$(RUFF) format $(LINT_PATHS)
	$(RUFF) check --fix .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench $(BENCH_ARGS)

# ------------------------------------------------------------------ packaging
package: $(STAMP)
	$(PY) .ci/package.py build --dist dist

# pylupdate5 needs at least one source file; sources are found at run time.
translations: $(STAMP)
	@srcs="$$(find plugin -name '*.py' -not -path '*/__pycache__/*' 2>/dev/null | sort) \
	       $$(ls __init__.py 2>/dev/null) $$(ls ui/*.ui 2>/dev/null)"; \
	srcs="$$(echo $$srcs)"; \
	if [ -z "$$srcs" ]; then echo "translations: no plugin/**/*.py or ui/*.ui yet, nothing to do"; exit 0; fi; \
	echo "+ $(PYLUPDATE) <$$(echo $$srcs | wc -w) files> -ts $(TS_FILES)"; \
	$(PYLUPDATE) -verbose $$srcs -ts $(TS_FILES)

compile-translations: $(STAMP)
	@shopt -s nullglob; ts=(i18n/*.ts); \
	if [ $${#ts[@]} -eq 0 ]; then echo "compile-translations: no i18n/*.ts"; exit 0; fi; \
	for f in "$${ts[@]}"; do echo "+ $(LRELEASE) $$f -qm $${f%.ts}.qm"; $(LRELEASE) "$$f" -qm "$${f%.ts}.qm"; done

# ------------------------------------------------------------------ QGIS
# Real copy of the packaged layout (rebuilt each time) in
# ~/.local/share/QGIS/QGIS3/profiles/eo-explorer/python/plugins/eo_explorer,
# plus [PythonPlugins] eo_explorer=true in that profile's QGIS/QGIS3.ini.
deploy: $(STAMP)
	$(PY) .ci/package.py deploy --profile eo-explorer

run: $(STAMP) deploy
	bash .ci/run-qgis.sh

# ------------------------------------------------------------------ cleanup
clean:
	rm -rf dist build .pytest_cache .ruff_cache .qgis-settings
	rm -f i18n/*.qm
	find . -path ./$(VENV) -prune -o -path ./.git -prune -o \
	     \( -name __pycache__ -type d -prune -exec rm -rf {} + \) -o \
	     \( -name '*.py[co]' -type f -exec rm -f {} + \)

distclean: clean
	rm -rf $(VENV) .venv-qt6 .venv-pgstac
