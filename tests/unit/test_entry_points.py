"""main.py loads only the entry point asked for, and the ingress never imports code it does not serve.

Each check runs in a fresh interpreter: `sys.modules` of the test process already holds everything.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINTS = {
    "admin": "functions.admin",
    "generate": "functions.generate",
    "generate_deadletter": "functions.generate",
    "ingress": "functions.ingress",
    "policy": "functions.policy",
}
# What an ingress instance must never load: other functions' services, and heavy libraries that
# only the semantic cache's embedder (built on first semantic lookup) or other tools use.
NOT_FOR_INGRESS = (
    "functions.admin",
    "functions.generate",
    "functions.policy",
    "shared.admin",
    "shared.jobs.worker",
    "shared.jobs.callbacks",
    "shared.jobs.deadletter",
    "shared.jobs.sweeper",
    "shared.policy.service",
    "google.genai",
    "google.cloud.aiplatform",
    "vertexai",
    "torch",
    "sentence_transformers",
    "transformers",
    # the semantic cache's hit decision and word lists: loaded by the first semantic lookup
    "shared.cache.decision",
    "shared.cache.lexicon",
)
# Loaded when their surface is first served (shared/lazy_module.py), not by building the gateway
NOT_BEFORE_FIRST_USE = (
    "shared.dialects.openai",
    "shared.dialects.native",
    "shared.dialects.embeddings",
    "shared.dialects.model_views",
    "shared.dialects.job_views",
    "shared.jobs.service",
    "shared.openapi",
    # provider families other than Vertex AI: built on the first call to one of their targets
    "shared.providers.openai_compat",
    "shared.providers.vertex_endpoint",
    "shared.providers.chat_http",
    "shared.providers.openai_translate",
    # imported by the first retry's backoff (shared/resilience/terminal.py), not at start
    "tenacity",
    # quotas and budgets: built by the first call of a tenant with limits (shared/limits/stage.py)
    "shared.limits.limiter",
    "shared.limits.plan",
    "shared.limits.counter",
)
# Not imported at all by an ingress: Settings reads the environment itself (shared/settings.py)
NEVER_FOR_INGRESS = ("pydantic_settings", "dotenv")


def _modules_after(code: str) -> set[str]:
    env = {
        **os.environ,
        "GATEHOUSE_PROJECT": "entry-points",
        "GATEHOUSE_UPSTREAM_TOKEN": "t",  # no ADC lookup
        "FIRESTORE_EMULATOR_HOST": "127.0.0.1:9",  # anonymous client; nothing connects
    }
    # a module shared.lazy_module created but nobody has read from yet is not loaded: its code has not run
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted({_EXECUTED})))"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


_EXECUTED = "n for n, m in sys.modules.items() if type(m).__name__ != '_LazyModule'"


def test_ingress_instance_loads_only_what_it_serves() -> None:
    loaded = _modules_after(
        "import main\nmain.ingress\nimport gc\nassert gc.isenabled()  # after the start-up imports\n"
        "from functions._instance import runtime\nruntime().gateway"
    )
    assert {"functions.ingress", "shared.gateway", "shared.policy.engine", "shared.cache.stage"} <= loaded
    assert sorted(m for m in loaded if m.startswith(NOT_FOR_INGRESS)) == []
    assert sorted(m for m in loaded if m.startswith(NOT_BEFORE_FIRST_USE)) == []
    assert sorted(m for m in loaded if m.startswith(NEVER_FOR_INGRESS)) == []


def test_other_surfaces_load_when_first_used() -> None:
    """The OpenAI dialect is a module object at once, its code runs on the first attribute read."""
    loaded = _modules_after(
        "import main\nmain.ingress\nfrom functions._instance import runtime\nruntime().gateway\n"
        "from shared.dialects import openai\n"
        "assert type(openai).__name__ == '_LazyModule'\n"
        "assert openai.ChatRequest.__name__ == 'ChatRequest'\n"
        "from shared.surfaces import openai_api\nassert openai_api.openai is openai"
    )
    assert "shared.dialects.openai" in loaded
    assert "shared.dialects.native" not in loaded


def test_the_first_request_path_needs_no_firestore_client_library_and_it_is_warmed_after() -> None:
    """Cold start: keys, tenants, the pepper state and secrets are read over REST, so building the
    gateway imports neither google-cloud-firestore nor grpc; a worker thread imports the client
    library about a second later, for the first write (shared/runtime.py)."""
    code = (
        "import asyncio\nimport main\nmain.ingress\nfrom functions._instance import runtime\n"
        "async def first():\n"
        "    runtime().gateway\n"
        "    print(json.dumps([m for m in ('google.cloud.firestore', 'grpc') if m in sys.modules]))\n"
        "    for _ in range(100):  # at most 10 s\n"
        "        await asyncio.sleep(0.1)\n"
        "        if 'google.cloud.firestore' in sys.modules:\n"
        "            await asyncio.sleep(0.5)  # let the import finish\n"
        "            break\n"
        "asyncio.run(first())"
    )
    env = {**os.environ, "GATEHOUSE_PROJECT": "p", "GATEHOUSE_UPSTREAM_TOKEN": "t"}
    env["FIRESTORE_EMULATOR_HOST"] = "127.0.0.1:9"
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    before, after = (json.loads(line) for line in out.stdout.strip().splitlines()[-2:])
    assert before == []  # not on the first request's path
    assert "google.cloud.firestore" in after  # warmed in the background


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_each_entry_point_imports_only_its_own_module(name: str) -> None:
    loaded = _modules_after(f"import main\nmain.{name}")
    own = ENTRY_POINTS[name]
    assert own in loaded
    assert sorted(m for m in set(ENTRY_POINTS.values()) - {own} if m in loaded) == []
    assert "shared.gateway" not in loaded or name == "ingress"


def test_main_still_reads_like_a_module_of_functions() -> None:
    checks = """
import main
from functions.ingress import ingress
assert main.ingress is ingress and "ingress" in vars(main)  # resolved once, then a plain global
assert set(main.__all__) <= set(dir(main)), dir(main)
assert all(callable(getattr(main, name)) for name in main.__all__)
try:
    main.nope
except AttributeError as error:
    assert "no attribute 'nope'" in str(error)
else:
    raise AssertionError("main.nope resolved")
"""
    loaded = _modules_after(checks)
    assert set(ENTRY_POINTS.values()) <= loaded
    assert set(main_all()) == set(ENTRY_POINTS)


def main_all() -> list[str]:
    """`__all__` as written in main.py, read without importing it here."""
    import ast

    tree = ast.parse((ROOT / "main.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("main.py has no __all__")


def test_the_ingress_parses_no_ca_bundle_at_import() -> None:
    """aiohttp's `ssl=False` context (verifies nothing, never used) skips the CA-bundle load; its
    verifying context reads the hashed CA directory per handshake where that stands for the bundle
    (tests/unit/test_aiohttp_preload.py), else loads the bundle; contexts built later load theirs."""
    checks = """
import ssl
import main
main.ingress
from aiohttp import connector
from shared.aiohttp_preload import lazy_ca_dir
loaded = connector._SSL_CONTEXT_VERIFIED.cert_store_stats()["x509_ca"]
assert loaded == 0 if lazy_ca_dir() else loaded > 0, loaded
assert connector._SSL_CONTEXT_VERIFIED.verify_mode == ssl.CERT_REQUIRED
assert connector._SSL_CONTEXT_UNVERIFIED.cert_store_stats()["x509_ca"] == 0
assert connector._SSL_CONTEXT_UNVERIFIED.verify_mode == ssl.CERT_NONE
assert "set_default_verify_paths" not in ssl.SSLContext.__dict__  # restored
later = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
later.check_hostname = False
later.verify_mode = ssl.CERT_NONE
later.set_default_verify_paths()
assert later.cert_store_stats()["x509_ca"] > 0
"""
    assert "aiohttp" in _modules_after(checks)
