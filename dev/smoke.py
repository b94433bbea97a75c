"""Smoke test of a deployed Gatehouse: one generate and one stream with the google-genai SDK, one job.

    python -m dev.smoke --url https://gatehouse.example.com --key "$GATEHOUSE_SMOKE_KEY"

Cloud Build runs it after a deploy on main (cloudbuild.yaml, step `smoke`) with the key of a smoke-test
tenant from Secret Manager; it also works against `make run` (--url http://127.0.0.1:8080). Exits
non-zero, naming the step, when any of the three fails. `--expect-native` (Cloud Build with `_NATIVE=1`)
first checks `GET /healthz` says `"policy_modules": "compiled"`: a deploy that shipped the mypyc build
and runs pure Python (the library did not load on the runtime) fails. It checks the instance that
answers, and an instance either loads the build or not for the same bundle and runtime.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx


def generate(url: str, key: str, model: str) -> str:
    from google import genai

    client = genai.Client(api_key=key, http_options={"base_url": url})
    text = client.models.generate_content(model=model, contents="Reply with the word: ready").text
    if not text:
        raise RuntimeError("generate: empty answer")
    return text


def stream(url: str, key: str, model: str) -> int:
    from google import genai

    client = genai.Client(api_key=key, http_options={"base_url": url})
    chunks = [c.text or "" for c in client.models.generate_content_stream(model=model, contents="Count to 5")]
    if not "".join(chunks):
        raise RuntimeError("stream: no text in any chunk")
    return len(chunks)


# Polls come sooner than the server's keep-alive timeout (gunicorn's default is 2 s): a poll on a
# connection the server is closing at that moment fails with "Server disconnected".
POLL_S = 1.0


def _get_json(http: httpx.Client, path: str) -> dict[str, Any]:
    """GET, retried up to twice on a connection error: a status poll is idempotent."""
    for attempt in range(3):
        try:
            return dict(http.get(path).json())
        except httpx.TransportError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def policy_modules(url: str, expected: str = "compiled") -> str:
    with httpx.Client(base_url=url, timeout=30) as http:
        health = _get_json(http, "/healthz")
    modules = str(health.get("policy_modules"))
    if modules != expected:
        raise RuntimeError(
            f"/healthz: policy_modules is {modules!r}, not {expected!r}: see the instance's log"
        )
    return modules


def job_round_trip(url: str, key: str, model: str, timeout_s: float) -> str:
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url, headers=headers, timeout=30) as http:
        submitted = http.post("/v1/jobs", json={"model": model, "prompt": "Reply with the word: done"})
        if submitted.status_code != 202:
            raise RuntimeError(f"job submit: {submitted.status_code} {submitted.text[:200]}")
        job_id = submitted.json()["id"]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            state = _get_json(http, f"/v1/jobs/{job_id}").get("state")
            if state == "done":
                return str(job_id)
            if state in ("failed", "cancelled"):
                raise RuntimeError(f"job {job_id} ended {state}")
            time.sleep(POLL_S)
    raise RuntimeError(f"job {job_id} not done after {timeout_s:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--model", default="gemini-2.5-flash")
    parser.add_argument("--job-timeout", type=float, default=180.0)
    parser.add_argument(
        "--expect-native", action="store_true", help="fail unless the mypyc build runs (_NATIVE=1)"
    )
    args = parser.parse_args(argv)
    steps: list[tuple[str, Callable[[], object]]] = []
    if args.expect_native:
        steps.append(("native", lambda: policy_modules(args.url)))
    steps += [
        ("generate", lambda: generate(args.url, args.key, args.model)),
        ("stream", lambda: stream(args.url, args.key, args.model)),
        ("job", lambda: job_round_trip(args.url, args.key, args.model, args.job_timeout)),
    ]
    for name, step in steps:
        started = time.monotonic()
        try:
            result = step()
        except Exception as error:  # report which step failed, then fail the build
            print(f"smoke {name}: FAILED: {error}", file=sys.stderr)
            return 1
        print(f"smoke {name}: ok in {time.monotonic() - started:.2f}s ({result!s:.60})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
