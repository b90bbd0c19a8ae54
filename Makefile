# Two commands do all the set-up: `make demo` and `make test` (each builds .venv if needed).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SC     := $(BIN)/stakecli
EXAMPLES := examples/vendor-renewal examples/partnership examples/conflicting-kpis examples/product-team

.PHONY: demo test lint fmt golden bench schemas docs clean wheelhouse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . --group dev
	touch $@ $(VENV)/.runtime

# Wheels of the build backend and every dependency: the pre-commit test installs the hook offline.
$(VENV)/wheelhouse: pyproject.toml | $(VENV)/.dev
	$(BIN)/python -m pip wheel --quiet -w $@ . hatchling
	rm -f $@/stakecli-*.whl
	touch $@

wheelhouse: $(VENV)/wheelhouse

demo: $(VENV)/.runtime
	@echo "== stakecli validate $(EXAMPLES)"
	$(SC) validate $(EXAMPLES)
	@echo "== stakecli validate examples/mistakes   (a register with deliberate mistakes)"
	-$(SC) validate examples/mistakes
	@echo "== stakecli stakeholders examples/vendor-renewal   (salience, grid, engagement gaps)"
	$(SC) stakeholders examples/vendor-renewal
	@echo "== stakecli negotiation examples/vendor-renewal   (BATNA, ZOPA, proposals, sensitivity)"
	$(SC) negotiation examples/vendor-renewal
	@echo "== stakecli frontier examples/vendor-renewal   (Pareto frontier, Nash, logroll)"
	$(SC) frontier examples/vendor-renewal
	@echo "== stakecli raci examples/partnership"
	$(SC) raci examples/partnership
	@echo "== stakecli engagement examples/product-team   (who haven't we talked to, follow-ups)"
	$(SC) engagement examples/product-team
	@echo "== stakecli calendar examples/product-team -o .demo/product-team.ics   (ceremonies as iCalendar)"
	$(SC) calendar examples/product-team -o .demo/product-team.ics --force
	@echo "== stakecli render examples/product-team -o .demo/product-team   (journey, review agendas, maps)"
	$(SC) render examples/product-team --audience all -o .demo/product-team --force
	@echo "== stakecli render examples/vendor-renewal --audience all -o .demo/vendor-renewal"
	$(SC) render examples/vendor-renewal --audience all -o .demo/vendor-renewal --force
	@ls .demo/vendor-renewal

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: lint $(VENV)/wheelhouse
	$(SC) validate --strict $(EXAMPLES)
	$(SC) render --check --audience all $(EXAMPLES)
	$(BIN)/pytest -q

fmt: $(VENV)/.dev
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

golden: $(VENV)/.dev
	$(BIN)/pytest -q --update-golden
	for ex in $(EXAMPLES); do [ ! -d $$ex ] || $(SC) render --audience all $$ex -o $$ex/docs; done

schemas docs: $(VENV)/.runtime
	for kind in $$($(BIN)/python -c "from stakecli.kinds import NAMES; print(*NAMES)"); do \
	  $(SC) schema $$kind > schemas/$$kind.schema.json; done
	$(SC) rules --format markdown > docs/rules.md
	$(BIN)/python -c "from stakecli.kinds import rule_codes_module as m; print(m(), end='')" \
	  > src/stakecli/rule_codes.py.tmp && mv src/stakecli/rule_codes.py.tmp src/stakecli/rule_codes.py
	$(BIN)/python -m stakecli.cli.completion_index

bench: $(VENV)/.dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
