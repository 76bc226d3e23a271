# One command per task, the same for people and CI. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What `make install` leaves behind, so that a second `make test` goes straight to pytest:
# Debian packages checked, the Compose schema fetched, the Kafka jars resolved.
SYSTEM_STAMP := .cache/system-deps.installed
COMPOSE_SCHEMA := .cache/compose-spec/compose-spec.json
BROKER_POM := services/newswire_dev/broker/resources/pom.xml
# Local broker, Maven artifacts and demo output stay inside the project.
export NEWSWIRE_CACHE_DIR ?= $(CURDIR)/.cache/newswire
SAMPLE := examples/sample-dump.txt
JARS_STAMP := $(NEWSWIRE_CACHE_DIR)/kafka-jars.resolved
INSTALLED := $(STAMP) $(SYSTEM_STAMP) $(COMPOSE_SCHEMA) $(JARS_STAMP)

.PHONY: help
help: ## List every task
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(SYSTEM_STAMP): deploy/local/install-system-deps.sh
	@bash deploy/local/install-system-deps.sh
	@mkdir -p $(@D) && touch $@

$(STAMP): pyproject.toml | $(SYSTEM_STAMP)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "newswire needs Python 3.11+ ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

$(COMPOSE_SCHEMA): | $(SYSTEM_STAMP)
	@bash scripts/fetch_compose_schema.sh

$(JARS_STAMP): $(STAMP) $(BROKER_POM) | $(SYSTEM_STAMP)
	$(BIN)/python -c 'from newswire_dev.broker.artifacts import ensure_classpath, check_java; \
		from newswire.settings import Settings; check_java(); \
		print("kafka jars:", ensure_classpath(Settings().cache_dir))'
	@mkdir -p $(@D) && touch $@

.PHONY: install
install: $(INSTALLED) ## Create .venv with newswire and its dev tools; resolve the Kafka broker jars

.PHONY: system-deps
system-deps: ## Install Java 17 and Maven from Debian when absent (needs root)
	bash deploy/local/install-system-deps.sh

.PHONY: demo
demo: install ## Run the main job on the bundled sample dump (embedded local broker)
	@mkdir -p out
	$(BIN)/newswire run $(SAMPLE) --out out/sample-events.jsonl
	@echo "events written to out/sample-events.jsonl; the first three:"
	@head -n 3 out/sample-events.jsonl | $(BIN)/python -c 'import sys, json; from newswire.cli.tail import human; [print("  ", human(json.loads(l))) for l in sys.stdin]'

# Tests that read the real sample (../shared/samples/, outside the repository) skip without it;
# TEST_SAMPLES_DIR=DIR reads it from DIR instead.
.PHONY: test
test: $(INSTALLED) ## Run every test (unit and integration; starts its own broker)
	@set +e; $(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests (exit 5), treated as success"; rc=0; fi; exit $$rc

.PHONY: test-unit
test-unit: $(STAMP) $(SYSTEM_STAMP) $(COMPOSE_SCHEMA) ## Run the tests that need no broker (-m "not integration")
	$(BIN)/python -m pytest -m "not integration"

.PHONY: test-faults
RUNS ?= 5
test-faults: $(INSTALLED) ## The broker fault tests RUNS times over (default 5), to see how often they fail
	@failed=0; for run in $$(seq $(RUNS)); do \
	  if $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_newswire/stream/test_faults.py; \
	  then echo "run $$run: passed"; else failed=$$((failed + 1)); echo "run $$run: FAILED"; fi; \
	done; echo "test-faults: $$failed of $(RUNS) runs failed"; [ $$failed -eq 0 ]

.PHONY: bench-core
bench-core: $(STAMP) ## Core benchmarks: parse vs regex floor, enrichment, dedup quality, near-stage ceiling (bench/results/)
	$(BIN)/python -m bench.parse_throughput
	$(BIN)/python -m bench.enrich_quality
	$(BIN)/python -m bench.dedup_quality
	$(BIN)/python -m bench.near_ceiling
	$(BIN)/python -m bench.near_memory

.PHONY: bench-quality
bench-quality: $(STAMP) ## Enrichment on real annotated corpora (../shared/data): P/R, errors in bench/results/errors/; quotes
	$(BIN)/python -m bench.enrich_real --errors bench/results/errors
	$(BIN)/python -m bench.quotes_real
	$(BIN)/python -m bench.report

.PHONY: bench
bench: bench-core ## Everything: core benchmarks, end to end and state cost on a local broker, report (bench/README.md)
	$(BIN)/python -m bench.e2e
	$(BIN)/python -m bench.drain
	$(BIN)/python -m bench.state
	$(BIN)/python -m bench.profile
	$(BIN)/python -m bench.report

.PHONY: bench-compare
bench-compare: $(STAMP) ## Before/after, core, events and end to end: make bench-compare BEFORE=<commit> [AFTER=HEAD]
	$(BIN)/python -m bench.compare --before $(BEFORE) --after $(or $(AFTER),HEAD)
	$(BIN)/python -m bench.report

.PHONY: bench-parse-speed
bench-parse-speed: $(STAMP) ## `newswire parse` CPU, two commits alternately: make bench-parse-speed BEFORE=<commit> [AFTER=HEAD]
	$(BIN)/python -m bench.parse_speed --before $(BEFORE) --after $(or $(AFTER),HEAD)
	$(BIN)/python -m bench.report

.PHONY: bench-profile
bench-profile: $(STAMP) ## A worker's CPU by stage (py-spy), before and after: make bench-profile [BEFORE=<commit>]
	$(BIN)/python -m bench.profile $(if $(BEFORE),--before $(BEFORE))
	$(BIN)/python -m bench.report

.PHONY: gazetteer
gazetteer: $(STAMP) ## Rebuild the enrichment gazetteer from its data packages
	$(BIN)/python scripts/build_gazetteer.py

.PHONY: given-names
given-names: $(STAMP) ## Rebuild the given names the English and the Kazakh people rules know
	$(BIN)/python scripts/build_given_names.py

.PHONY: lint
lint: $(STAMP) ## ruff, and mypy (--strict on services/, relaxed on tests/ and bench/)
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
