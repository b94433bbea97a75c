"""The output check's stream (`OutputStream`) emits exactly what its earlier form emitted: the same
text at every chunk, the same counts, the same block at the same chunk. The earlier form is kept
here as the reference: it scanned the held text and the new piece at every chunk, also while all of
it was held back (shorter than the tail), where no finding can move the cut."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import orjson
import pytest

from shared.errors import PolicyViolation
from shared.policy import stages
from shared.policy.engine import PolicyEngine
from shared.policy.profiles import resolve_profile
from shared.policy.stages import Links, OutputStream

ENGINE = PolicyEngine()
CORPUS = Path(__file__).parents[2] / "bench" / "policy" / "corpus.jsonl"


class ReferenceStream(OutputStream):
    def feed(self, piece: str) -> str:  # the form before the short-text skip, as it was
        text = self._held + piece
        cut = max(0, len(text) - stages._OUTPUT_TAIL)
        for finding in self._engine.scan(text, detectors=self._detectors):
            if finding.end > cut:
                cut = min(cut, finding.start)
        if self._links is not None:
            url = text.rfind("http", 0, len(text))
            if url != -1 and url < cut and stages._URL_END.search(text, url) is None:
                cut = url
        self._held = text[cut:]
        return self._check(text[:cut])


HANDWRITTEN = [
    "ok",  # shorter than the tail: held to the end
    "Sure: AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ngOnly123 is the key",  # a secret in a short answer
    "Write to ana.ruiz@example.com or call +1 415 555 0134. " * 3,  # PII, past the tail
    "The token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 " + "and then a long tail of words " * 4,
    "See https://evil.example.net/collect?d=" + "x" * 90 + " for the rest",  # a long URL held
    "card 4111 1111 1111 1111 " + "padding " * 10 + "then AIza" + "B" * 35,
]


def texts() -> list[str]:
    rows = [orjson.loads(line)["text"] for line in CORPUS.read_text().splitlines()[:40]]
    return HANDWRITTEN + rows


def pieces(text: str, rng: random.Random) -> list[str]:
    """Random chunk sizes, 1-24 characters: values split across chunk boundaries at every place."""
    out, at = [], 0
    while at < len(text):
        size = rng.randint(1, 24)
        out.append(text[at : at + size])
        at += size
    return out


def run(kind: type[OutputStream], parts: list[str], profile: str, links: Links | None) -> list[object]:
    counts: Counter[str] = Counter()
    stream = kind(ENGINE, resolve_profile(profile), counts, links)
    emitted: list[object] = []
    try:
        for part in parts:
            emitted.append(stream.feed(part))
        emitted.append(stream.flush())
    except PolicyViolation as error:
        emitted.append(("blocked", error.detector, len(emitted)))
    emitted.append(sorted(counts.items()))
    return emitted


@pytest.mark.parametrize("profile", ["standard", "strict"])
@pytest.mark.parametrize("links", [None, ("mask", frozenset({"example.com"}))])
def test_the_stream_emits_what_the_full_rescan_did(profile: str, links: Links | None) -> None:
    rng = random.Random(f"{profile}-{links}")
    blocked = masked = 0
    for text in texts():
        parts = pieces(text, rng)
        expected = run(ReferenceStream, parts, profile, links)
        assert run(OutputStream, parts, profile, links) == expected, (text, parts)
        blocked += isinstance(expected[-2], tuple)
        masked += any(isinstance(e, str) and "[REDACTED" in e for e in expected)
    # the comparison covered streams the check changed, not only clean ones
    assert masked + blocked > 5, (masked, blocked)


def test_a_short_answer_is_scanned_once_at_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    scans: list[str] = []
    scan = ENGINE.scan

    def counted(text: str, *args: object, **kwargs: object) -> object:
        scans.append(text)
        return scan(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ENGINE, "scan", counted)
    stream = OutputStream(ENGINE, resolve_profile("standard"), Counter())
    assert [stream.feed(p) for p in ('{"answer":"stream ', "probe ", "3 ", 'now"}')] == ["", "", "", ""]
    assert scans == []  # nothing scanned while all of it is held
    assert stream.flush() == '{"answer":"stream probe 3 now"}'
    assert len(scans) == 1  # the end's check
