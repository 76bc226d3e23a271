# One command per task, the same for people and CI. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Local broker, Maven artifacts and demo output stay inside the project.
export NEWSWIRE_CACHE_DIR ?= $(CURDIR)/.cache/newswire
SAMPLE := examples/sample-dump.txt

.PHONY: help
help: ## List every task
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "newswire needs Python 3.11+ ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

.PHONY: install
install: $(STAMP) ## Create .venv with newswire and its dev tools; resolve the Kafka broker jars
	@bash deploy/local/install-system-deps.sh
	@bash scripts/fetch_compose_schema.sh
	$(BIN)/python -c 'from newswire.devtools.broker.artifacts import ensure_classpath, check_java; \
		from newswire.settings import Settings; check_java(); \
		print("kafka jars:", ensure_classpath(Settings().cache_dir))'

.PHONY: system-deps
system-deps: ## Install Java 17 and Maven from Debian when absent (needs root)
	bash deploy/local/install-system-deps.sh

.PHONY: demo
demo: install ## Run the main job on the bundled sample dump (embedded local broker)
	@mkdir -p out
	$(BIN)/newswire run $(SAMPLE) --out out/sample-events.jsonl
	@echo "events written to out/sample-events.jsonl; the first three:"
	@head -n 3 out/sample-events.jsonl | $(BIN)/python -c 'import sys, json; from newswire.cli.tail import human; [print("  ", human(json.loads(l))) for l in sys.stdin]'

.PHONY: test
test: install ## Run every test (unit and integration; starts its own broker)
	@set +e; $(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests (exit 5), treated as success"; rc=0; fi; exit $$rc

.PHONY: bench-core
bench-core: $(STAMP) ## Core benchmarks: parse vs regex floor, enrichment, dedup quality (bench/results/)
	$(BIN)/python -m bench.parse_throughput
	$(BIN)/python -m bench.enrich_quality
	$(BIN)/python -m bench.dedup_quality

.PHONY: bench
bench: bench-core ## Everything: core benchmarks, end to end on a local broker, report (bench/results/latest.*)
	$(BIN)/python -m bench.e2e
	$(BIN)/python -m bench.report

.PHONY: bench-compare
bench-compare: $(STAMP) ## End to end before/after: make bench-compare BEFORE=<commit> [AFTER=HEAD] (bench/results/compare.json)
	$(BIN)/python -m bench.compare --before $(BEFORE) --after $(or $(AFTER),HEAD)

.PHONY: gazetteer
gazetteer: $(STAMP) ## Rebuild the enrichment gazetteer from its data packages
	$(BIN)/python scripts/build_gazetteer.py

.PHONY: lint
lint: $(STAMP) ## ruff and mypy --strict on services/
	$(BIN)/ruff check services tests bench scripts
	$(BIN)/ruff format --check services tests bench scripts
	$(BIN)/mypy

.PHONY: format
format: $(STAMP) ## Apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix services tests bench scripts
	$(BIN)/ruff format services tests bench scripts

.PHONY: broker-stop
broker-stop: $(STAMP) ## Stop the local broker started by `make demo`
	$(BIN)/newswire broker stop

.PHONY: clean
clean: ## Remove the venv and caches (stops the local broker first)
	-[ -x $(BIN)/newswire ] && $(BIN)/newswire broker stop
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis

.PHONY: schema
schema: $(STAMP) ## Regenerate schemas/ from the ArticleEvent model
	$(BIN)/python -c 'from pathlib import Path; from newswire.core import schema; print(schema.write(Path("schemas")))'
