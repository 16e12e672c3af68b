# Hasila: every target sets itself up on a fresh machine (see README.md).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup report test lint format extract evaluate browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers report

browser:
	bash scripts/install_browser.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q

extract: $(STAMP)
	$(BIN)/python -m helpers extract seeds --out out

evaluate: extract
	$(BIN)/python -m helpers evaluate out/mentions.csv tests/fixtures/gold/seed_casualties.csv --corpus seeds --non-casualty tests/fixtures/gold/seed_non_casualty_numbers.csv

clean:
	rm -rf $(VENV) out .pytest_cache
