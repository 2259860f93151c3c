# Two commands for a fresh machine (only Python 3.11+ and make needed):
#   make site   sets everything up, checks the content and builds the site (and handbooks) into _build/
#   make test   sets everything up and runs the tests
# and for developers:
#   make lint   ruff (lint and format) and mypy, as CI runs them
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: site test lint check constraints clean

# Installed with constraints.txt: the exact versions CI tested, so a new upstream release cannot
# change a fresh install unnoticed. `make constraints` writes it anew after a deliberate upgrade.
$(BIN)/geletterdheid: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,lint,notebooks]"
	@touch $@

site: $(BIN)/geletterdheid
	$(BIN)/geletterdheid check
	$(BIN)/geletterdheid build --out _build

test: $(BIN)/geletterdheid
	$(BIN)/python -m pytest

# All three run, so one report shows every kind of problem; any failure fails the target.
lint: $(BIN)/geletterdheid
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

check: $(BIN)/geletterdheid
	$(BIN)/geletterdheid check

# After upgrading on purpose: a fresh venv from pyproject.toml alone, frozen (without the project).
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --upgrade pip
	.venv-constraints/bin/python -m pip install --quiet -e ".[test,lint,notebooks]"
	( echo '# Exact versions that make and CI install (pip install -c constraints.txt -e ".[test,lint,notebooks]").'; \
	  echo '# Written by make constraints from a fresh venv; upgrade on purpose, then run make lint test.'; \
	  .venv-constraints/bin/python -m pip freeze --exclude-editable ) > constraints.txt
	rm -rf .venv-constraints

clean:
	rm -rf _build .pytest_cache
