# Two commands for a fresh machine (only Python 3.11+ and make needed):
#   make site   sets everything up, checks the content and builds the site (and handbooks) into _build/
#   make test   sets everything up and runs the tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: site test check clean

$(BIN)/geletterdheid: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

site: $(BIN)/geletterdheid
	$(BIN)/geletterdheid check
	$(BIN)/geletterdheid build --out _build

test: $(BIN)/geletterdheid
	$(BIN)/python -m pytest

check: $(BIN)/geletterdheid
	$(BIN)/geletterdheid check

clean:
	rm -rf _build .pytest_cache
