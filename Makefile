# Gatehouse task runner: `make run` and `make test` each work on a fresh machine.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck unit integration e2e install clean bench bench-policy bench-cache bench-chaos

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m dev.launcher

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: install
	$(PY) -m mypy

test: lint typecheck
	$(PY) -m pytest -q -p no:cacheprovider

unit: install
	$(PY) -m pytest -q tests/unit

integration: install
	$(PY) -m pytest -q tests/integration

e2e: install
	$(PY) -m pytest -q tests/e2e

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	@touch $(BENCH_STAMP)

# Benchmarks measure; they never gate. QUICK=1 for a short run.
bench: $(BENCH_STAMP)
	@command -v wrk >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
		apt-get install -y -qq wrk >/dev/null 2>&1; } || echo "wrk not installed: the saturation table is skipped"
	$(PY) -m bench.harness $(if $(QUICK),--quick,)

bench-chaos: $(BENCH_STAMP)
	$(PY) -m bench.chaos_bench

# Policy detectors: recall/precision/false positives on a labeled JSONL corpus, injection P/R, timing.
bench-policy: $(BENCH_STAMP)
	$(PY) -m bench.policy_bench $(if $(CORPUS),--corpus $(CORPUS),)

clean:
	rm -rf $(VENV) .run .pytest_cache .mypy_cache .ruff_cache

# Semantic-cache evaluation against its own Firestore emulator: dev and blind sets side by side, then
# the shadow-calibration report. PAIRS=path for another dev set, BLIND=path for another blind set.
bench-cache: install
	$(PY) bench/cache_bench.py $(if $(PAIRS),--pairs $(PAIRS)) $(if $(BLIND),--blind $(BLIND))
