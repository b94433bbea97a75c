"""The two pipeline stages: `PolicyStage` (outer: redact, screen, restore) and `OutputCheckStage`
(inner, right before the terminal: mask or block secrets/PII the model itself produced, before
anything could be cached).

Request-log annotation: `call.attrs["policy"]` holds counts per `TYPE:action` (answer-side ones
prefixed `output:`), never values. The pseudonym mapping lives in a local variable of one call and in
`call.prepared`, which the repeat fast path (shared/cache/repeat.py) keeps in memory for an exact repeat.
"""

from __future__ import annotations

import asyncio

from shared import lazy_re as re  # compiled on first use: cold start
from shared.errors import PolicyViolation
from shared.pipeline import Call, Handler, Outcome, PreparedInput
from shared.policy.body import TextSlot, map_response, map_stream, request_parts, stored_texts
from shared.policy.detectors import Finding
from shared.policy.engine import PolicyEngine, Redaction
from shared.policy.profiles import PolicySettings, Profile
from shared.policy.pseudonymize import Pseudonymizer
from shared.policy.remote import RemoteRecognizer
from shared.providers.base import GeminiBody

__all__ = ["INJECTION", "OutputCheckStage", "OutputStream", "PolicyStage", "blocked"]

INJECTION = "PROMPT_INJECTION"
_OUTPUT_TAIL = 64  # stream text held back so an entity split across chunks is seen whole
# counts per `TYPE:action`: a plain dict (a Counter costs ~1.5 µs to build, three per request)
Counts = dict[str, int]


def blocked(policy: str, detector: str, where: str = "request") -> PolicyViolation:
    return PolicyViolation(
        f"the {where} was blocked by policy `{policy}`: detector `{detector}` matched",
        policy=policy,
        detector=detector,
    )


def _record(call: Call, counts: Counts) -> None:
    if counts:
        merged = call.attrs.setdefault("policy", {})
        for key, value in counts.items():
            merged[key] = merged.get(key, 0) + value


class PolicyStage:
    """Outer stage: pseudonymize the request, screen injection; restore placeholders in the answer."""

    def __init__(
        self, engine: PolicyEngine, offload_bytes: int = 65536, recognizer: RemoteRecognizer | None = None
    ) -> None:
        self._engine = engine
        self._offload = offload_bytes
        self._recognizer = recognizer

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        settings: PolicySettings = call.tenant.policy
        pseudonyms = Pseudonymizer()
        counts: Counts = {}
        try:
            with call.timings.span("policy"):
                # the one walk of the body (and of what is stored beside it); screen and redact share it
                parts = request_parts(call.body)
                if call.stored:
                    parts += stored_texts(call.stored)
                extra: list[list[Finding]] = [[] for _ in parts]
                if self._recognizer is not None and parts and not settings.resolved.inactive:
                    extra = await self._recognizer.find([part.text for _, part in parts])
                if sum(len(part.text) for _, part in parts) >= self._offload:
                    await asyncio.to_thread(
                        self._prepare, call.body, parts, settings, pseudonyms, counts, extra
                    )
                else:
                    self._prepare(call.body, parts, settings, pseudonyms, counts, extra)
        finally:
            _record(call, counts)
        if self._recognizer is None:  # a remote recognizer's findings are not reproducible: never reused
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
        body: GeminiBody,
        parts: list[tuple[str, TextSlot]],
        settings: PolicySettings,
        pseudonyms: Pseudonymizer,
        counts: Counts,
        extra: list[list[Finding]],
    ) -> None:
        profile = settings.resolved
        if settings.injection_action != "off":
            self._screen(parts, settings, profile, counts)
        if settings.model_armor is not None and settings.model_armor.config():
            body.pop("model_armor_config", None)
            body["modelArmorConfig"] = settings.model_armor.config()
        if profile.inactive:
            return
        for _, part in parts:
            pseudonyms.reserve(part.text)
        for (_, part), found in zip(parts, extra, strict=True):
            result = self._engine.redact(
                part.text,
                profile,
                pseudonyms,
                counts,
                found,
                regions=settings.phone_regions,
                recognizer=settings.name_recognizer,
            )
            if result.blocked is not None:
                raise blocked(profile.name, result.blocked.type)
            part.write(result.text)

    def _screen(
        self,
        parts: list[tuple[str, TextSlot]],
        settings: PolicySettings,
        profile: Profile,
        counts: Counts,
    ) -> None:
        texts = (part.text for role, part in parts if role == "user")
        hosts = settings.allowed_hosts
        score = max((self._engine.screen(text, hosts).score for text in texts), default=0.0)
        if score >= settings.injection_threshold:
            key = f"{INJECTION}:{settings.injection_action}"
            counts[key] = counts.get(key, 0) + 1
            if settings.injection_action == "block":
                raise blocked(profile.name, INJECTION)


Links = tuple[str, frozenset[str]]  # (output_links action, allowed hosts)
_URL_END = re.compile(r"[\s)\]>\"']")


class OutputStream:
    """Masks (or blocks) findings in streamed answer text, holding back a short tail so that a value
    split across chunks is checked whole before any of it is emitted (and an unfinished URL)."""

    def __init__(
        self,
        engine: PolicyEngine,
        profile: Profile,
        counts: Counts,
        links: Links | None = None,
        recognizer: bool = False,
    ) -> None:
        self._engine = engine
        self._profile = profile
        self._counts = counts
        self._links = links
        self._recognizer = recognizer
        self._held = ""
        self._detectors = engine.of_types(profile.output_types)  # only what the profile acts on in answers
        if not recognizer:
            self._detectors = engine.without_recognizer(self._detectors)

    def feed(self, piece: str) -> str:
        text = self._held + piece
        cut = len(text) - _OUTPUT_TAIL
        if cut <= 0:
            # all of it is held: a finding or a URL can only move the cut left of 0, so the scan
            # could change nothing (a short answer is scanned once, at `flush`, not at every chunk)
            self._held = text
            return ""
        for finding in self._engine.scan(text, detectors=self._detectors):
            if finding.end > cut:
                cut = min(cut, finding.start)
        if self._links is not None:
            url = text.rfind("http", 0, len(text))
            if url != -1 and url < cut and _URL_END.search(text, url) is None:
                cut = url  # a URL still being streamed: held until it ends
        self._held = text[cut:]
        return self._check(text[:cut])

    def flush(self) -> str:
        text, self._held = self._held, ""
        return self._check(text)

    def _check(self, text: str) -> str:
        if not text:
            return text
        return check_answer(self._engine, text, self._profile, self._counts, self._links, self._recognizer)


def check_answer(
    engine: PolicyEngine,
    text: str,
    profile: Profile,
    counts: Counts,
    links: Links | None = None,
    recognizer: bool = False,
) -> str:
    local: Counts = {}
    result: Redaction = engine.check_output(text, profile, local, links, recognizer)
    for key, value in local.items():
        key = f"output:{key}"
        counts[key] = counts.get(key, 0) + value
    if result.blocked is not None:
        raise blocked(profile.name, result.blocked.type, where="model's answer")
    return result.text


class OutputCheckStage:
    """Inner stage: the model's own answer, checked per the profile's `output` actions."""

    def __init__(self, engine: PolicyEngine) -> None:
        self._engine = engine

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        outcome = await next_handler(call)
        settings: PolicySettings = call.tenant.policy
        profile = settings.resolved
        if not profile.output_types or call.operation != "generate":
            return outcome
        links: Links | None = None
        if settings.output_links != "allow":
            links = (settings.output_links, settings.allowed_hosts)
        names = settings.name_recognizer
        counts: Counts = {}
        if outcome.response is not None:
            try:
                with call.timings.span("policy"):
                    outcome.response = map_response(
                        outcome.response,
                        lambda text: check_answer(self._engine, text, profile, counts, links, names),
                    )
            finally:
                _record(call, counts)
        if outcome.chunks is not None:  # the counts are recorded when the stream ends, however it ends
            outcome.chunks = map_stream(
                outcome.chunks,
                lambda: OutputStream(self._engine, profile, counts, links, names),
                lambda text: check_answer(self._engine, text, profile, counts, links, names),
                done=lambda: _record(call, counts),
            )
        return outcome
