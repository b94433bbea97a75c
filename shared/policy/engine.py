"""The policy engine: run detectors, resolve overlaps, apply a profile's actions to one text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from shared.identity_memo import IdentityMemo
from shared.policy.address_spans import complete_addresses
from shared.policy.detectors import (
    DEFAULT_PHONE_REGIONS,
    DETECTORS,
    Detector,
    Finding,
    ScanWords,
    phone_detector,
)
from shared.policy.examples import drop_examples
from shared.policy.firms import drop_firms
from shared.policy.gate_plan import GatePlan
from shared.policy.injection import InjectionDetector, InjectionScore, LayeredInjectionDetector
from shared.policy.name_fields import FIELD_DETECTORS
from shared.policy.name_forms import FORM_DETECTORS
from shared.policy.name_spans import complete_persons
from shared.policy.name_tables import TABLE_DETECTORS
from shared.policy.names import NAME_DETECTORS
from shared.policy.profiles import Action, Profile
from shared.policy.pseudonymize import Pseudonymizer
from shared.policy.recognizer import RECOGNIZER_DETECTORS
from shared.policy.signals import exfil_links

__all__ = [
    "EXFIL_LINK",
    "EXISTING_DETECTORS",
    "Applied",
    "PolicyEngine",
    "Redaction",
    "exfil_findings",
    "mask_token",
]

EXFIL_LINK = "EXFIL_LINK"  # answer side: a link or image carrying data to a host outside the allow-list


# The rule- and lexicon-based detectors. The default engine adds the statistical name recognizer
# (`recognizer.py`, which proposes its own PERSON spans); `PolicyEngine(EXISTING_DETECTORS)` leaves it
# out (the existing detectors alone, e.g. to compare them). It runs for tenants that opt in
# (`policy.name_recognizer`): the stages pass that flag, and `without_recognizer` serves the others.
EXISTING_DETECTORS: tuple[Detector, ...] = (
    DETECTORS + NAME_DETECTORS + FIELD_DETECTORS + TABLE_DETECTORS + FORM_DETECTORS
)


def exfil_findings(text: str, allowed_hosts: frozenset[str]) -> list[Finding]:
    return [Finding(EXFIL_LINK, start, end, 0.9) for start, end, _ in exfil_links(text, allowed_hosts)]


@dataclass(frozen=True, slots=True)
class Applied:
    """A finding with the action the profile chose for it (offsets into the input text)."""

    type: str
    start: int
    end: int
    action: str
    score: float


@dataclass(slots=True)
class Redaction:
    text: str
    findings: list[Applied] = field(default_factory=list)
    blocked: Applied | None = None

    @property
    def decision(self) -> Literal["allow", "redact", "block"]:
        if self.blocked is not None:
            return "block"
        changed = any(f.action in (Action.REDACT, Action.MASK) for f in self.findings)
        return "redact" if changed else "allow"


def mask_token(kind: str) -> str:
    """The irreversible replacement for a masked value; unlike `[EMAIL_1]` it is never restored."""
    return f"[REDACTED:{kind}]"


def _national_phones(detector: Detector) -> bool:
    """The phone scan that reads national formats by region (`phone_detector`), not a phone column's."""
    return detector.type == "PHONE" and "phone_detector" in getattr(detector.scan, "__qualname__", "")


def _without_recognizer(pool: tuple[Detector, ...]) -> tuple[Detector, ...]:
    return tuple(d for d in pool if all(d is not r for r in RECOGNIZER_DETECTORS))


def _with_links(profile: Profile, action: str) -> Mapping[str, str]:
    return {**profile.output, EXFIL_LINK: action}


# Pools cached per engine: each tenant phone-region set is a pool (with_regions), and its request and
# answer pools have their own plans, so 64 thrashed (a rebuild per request) past ~32 region sets in use.
_POOLS_MAX = 1024


class PolicyEngine:
    """Built once per instance (Runtime.policy); stateless per call, so safe to share."""

    def __init__(
        self,
        detectors: Sequence[Detector] = EXISTING_DETECTORS + RECOGNIZER_DETECTORS,
        injection: InjectionDetector | None = None,
    ) -> None:
        self._detectors = tuple(detectors)
        self._priority = {d.type: d.priority for d in self._detectors}
        self._acting_cache: dict[frozenset[str], tuple[Detector, ...]] = {}
        # pool -> its gate plan: the engine's own pools (all, of_types, with_regions) are cached tuples,
        # so their plans are built once (pools a caller builds per call: bounded, rebuilt when needed)
        self._plans: IdentityMemo[tuple[Detector, ...], GatePlan] = IdentityMemo(_POOLS_MAX)
        # pool -> the pool without the name recognizer: for tenants that do not opt in
        self._plain: IdentityMemo[tuple[Detector, ...], tuple[Detector, ...]] = IdentityMemo(_POOLS_MAX)
        self.injection: InjectionDetector = injection or LayeredInjectionDetector()
        # (profile, link action) -> the answer side's actions with EXFIL_LINK's: a profile is frozen and
        # lives as long as its tenant, so the ~25-entry map is built once, not per answer
        self._output_actions: IdentityMemo[Profile, Mapping[str, str]] = IdentityMemo(_POOLS_MAX)

    def acting(self, actions: Mapping[str, str]) -> tuple[Detector, ...]:
        """The detectors whose type `actions` does something with (not `allow`)."""
        return self.of_types(frozenset(kind for kind, action in actions.items() if action != Action.ALLOW))

    def of_types(self, kinds: frozenset[str]) -> tuple[Detector, ...]:
        """The detectors of `kinds`, cached per set (a frozenset hashes once: `Profile.output_types`)."""
        detectors = self._acting_cache.get(kinds)
        if detectors is None:
            detectors = self._acting_cache[kinds] = tuple(d for d in self._detectors if d.type in kinds)
        return detectors

    def without_recognizer(self, pool: tuple[Detector, ...] | None = None) -> tuple[Detector, ...]:
        """`pool` (default: every detector) without the statistical name recognizer (cached per pool)."""
        return self._plain.get(self._detectors if pool is None else pool, _without_recognizer)

    def plan(self, pool: Sequence[Detector]) -> GatePlan:
        """The gate plan of `pool` (cached for up to _POOLS_MAX tuples; a list may change: planned anew)."""
        if not isinstance(pool, tuple):
            return GatePlan(pool)
        return self._plans.get(pool, GatePlan)

    def scan(
        self, text: str, extra: Sequence[Finding] = (), detectors: Sequence[Detector] | None = None
    ) -> list[Finding]:
        """Every finding (plus `extra`, e.g. a remote recognizer's), overlaps resolved (priority,
        then length), in text order. `detectors` narrows the scan (default: all)."""
        lower = text.lower()
        if len(lower) != len(text):  # a few characters lowercase to two; keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        pool = self._detectors if detectors is None else detectors
        active = self.plan(pool).active(text, lower)
        found: list[Finding] = []
        if active:
            words = ScanWords(text.split())  # the words, and a memo the scan's detectors share
            found = [f for d in active for f in d.scan(text, lower, words)]
            if found:  # both return `found` unchanged when it is empty
                found = drop_examples(text, lower, found)  # "Example: Jane Smith" is not personal data
                found = complete_persons(text, found)  # a name's edges and its other mentions
                found = complete_addresses(text, found)  # an address's segments around it
                found = drop_firms(text, lower, found)  # "Kestrel Point Ltd" is an organization
        found.extend(extra)
        if len(found) < 2:
            return found
        found.sort(key=lambda f: (-self._priority.get(f.type, 0), f.start - f.end, f.start))
        kept: list[Finding] = []  # non-overlapping, in text order
        starts: list[int] = []
        for f in found:
            i = bisect_right(starts, f.start)
            if (i and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end):
                continue  # overlaps a finding that won already
            starts.insert(i, f.start)
            kept.insert(i, f)
        return kept

    def apply(
        self,
        text: str,
        actions: Mapping[str, str],
        pseudonyms: Pseudonymizer | None = None,
        counts: dict[str, int] | None = None,
        stop_at_block: bool = True,
        extra: Sequence[Finding] = (),
        detectors: Sequence[Detector] | None = None,
    ) -> Redaction:
        """Apply `actions` (type -> redact|mask|block|allow). The first `block` stops the work, or,
        with `stop_at_block=False` (the policy:check report), is masked and the scan goes on.
        `detectors` narrows the scan, e.g. to those whose action is not `allow` (nothing to do,
        nothing counted); default: all."""
        if detectors is not None and not detectors and not extra:
            return Redaction(text)
        findings = self.scan(text, extra, detectors)
        if not findings:
            return Redaction(text)
        pieces: list[str] = []
        applied: list[Applied] = []
        cursor = 0
        first_block: Applied | None = None
        for f in findings:
            action = actions.get(f.type, Action.ALLOW)
            item = Applied(f.type, f.start, f.end, str(action), f.score)
            applied.append(item)
            if counts is not None:  # a dict or a Counter
                key = f"{f.type}:{action}"
                counts[key] = counts.get(key, 0) + 1
            if action == Action.BLOCK:
                if stop_at_block:
                    return Redaction(text, applied, blocked=item)
                first_block = first_block or item
            if action == Action.ALLOW:
                continue
            pieces.append(text[cursor : f.start])
            if action == Action.REDACT and pseudonyms is not None:
                pieces.append(pseudonyms.placeholder(f.type, text[f.start : f.end]))
            else:
                pieces.append(mask_token(f.type))
            cursor = f.end
        if cursor == 0:
            return Redaction(text, applied, first_block)
        pieces.append(text[cursor:])
        return Redaction("".join(pieces), applied, first_block)

    def redact(
        self,
        text: str,
        profile: Profile,
        pseudonyms: Pseudonymizer | None,
        counts: dict[str, int] | None = None,
        extra: Sequence[Finding] = (),
        regions: tuple[str, ...] = (),
        recognizer: bool = False,
    ) -> Redaction:
        """The request side: the profile's per-detector actions. `regions`: the tenant's phone
        region hints (national formats without a country code), tried before the defaults.
        `recognizer`: whether the statistical name recognizer runs (a tenant's `name_recognizer`)."""
        detectors = self.with_regions(regions) if regions else None
        if not recognizer:
            detectors = self.without_recognizer(detectors)
        return self.apply(text, profile.actions, pseudonyms, counts, extra=extra, detectors=detectors)

    def with_regions(self, regions: tuple[str, ...]) -> tuple[Detector, ...]:
        """Every detector, the phone one reading national formats of `regions` first (cached)."""
        key = frozenset({"@regions", *regions})
        detectors = self._acting_cache.get(key)
        if detectors is None:
            order = tuple(dict.fromkeys(regions + DEFAULT_PHONE_REGIONS))
            detectors = self._acting_cache[key] = tuple(
                replace(d, scan=phone_detector(order)) if _national_phones(d) else d for d in self._detectors
            )
        return detectors

    def check_output(
        self,
        text: str,
        profile: Profile,
        counts: dict[str, int] | None = None,
        links: tuple[str, frozenset[str]] | None = None,
        recognizer: bool = False,
    ) -> Redaction:
        """The answer side: mask or block what the model itself produced. Only detectors with an
        output action run: the answer is checked for what the profile acts on, nothing else.
        `links` = (action, allowed hosts): links and images that carry data elsewhere (exfiltration)."""
        actions: Mapping[str, str] = profile.output
        extra: list[Finding] = []
        if links is not None and links[0] != "allow":
            extra = exfil_findings(text, links[1])
            actions = self._output_actions.get(profile, lambda p: _with_links(p, links[0]), links[0])
        detectors = self.of_types(profile.output_types)
        if not recognizer:
            detectors = self.without_recognizer(detectors)
        if not detectors and not extra:
            return Redaction(text)
        return self.apply(text, actions, None, counts, extra=extra, detectors=detectors or ())

    def evaluate(self, text: str, profile: Profile, recognizer: bool = False) -> Redaction:
        """Every finding with its action; values are replaced (placeholders or masks), never echoed."""
        detectors = None if recognizer else self.without_recognizer()
        return self.apply(text, profile.actions, Pseudonymizer(), stop_at_block=False, detectors=detectors)

    def screen(self, text: str, allowed_hosts: frozenset[str] = frozenset()) -> InjectionScore:
        return self.injection.score(text, allowed_hosts)
