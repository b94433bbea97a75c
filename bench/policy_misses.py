"""Why names and addresses are missed: each missed PERSON / ADDRESS value of the dev sets' halves, by the
stage that lost it. `python -m bench.policy_misses [--list SET] [--name-recognizer]`.

A labeled value is missed when one of its occurrences is not fully covered by the engine's findings
(`bench.policy.metrics.evaluate_pii`). Its first uncovered occurrence is put in one group:

- `other mention`: another occurrence of the same value is covered (the name was found, not here);
- `no candidate`: no finding of any stage overlaps it, and (PERSON) no run the name scorer scored does;
  split by shape: one word or more, any word the lexicon knows as a name, written in capitals;
- `vetoed`: (PERSON) every run the scorer read over it was vetoed (-9: a head word, a place, ...);
- `below the bar`: (PERSON) the scorer scored a run that overlaps it and rejected it;
- `dropped`: a detector found it (overlapping), a later step took it out (`drop_examples`, `drop_firms`);
- `cut short`: a finding of its type lies inside it; `boundary`: one overlaps it and reaches outside;
- `other type`: only findings of another type overlap it (a name inside an address, ...).

Held-out halves are counted only (aggregates, no text, id or value leaves this script); `--list SET`
prints each missed value of one set's TUNING half with its group and context, to read while tuning.
Blind sets are never read.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.policy.metrics import covered, load_jsonl, occurrences, overlaps
from dev.injection.devsplit import half
from shared.policy import person_score
from shared.policy.detectors import Finding, ScanWords
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine

HERE = Path(__file__).resolve().parent / "policy"
WHOLE = ("11-30", "12-01")  # dev sets tuned on whole (not split in halves by `policy_bench`)
KINDS = ("PERSON", "ADDRESS")
GROUPS = (
    "other mention",
    "no candidate",
    "vetoed",
    "below the bar",
    "dropped",
    "cut short",
    "boundary",
    "other type",
)


@dataclass
class Stages:
    """One text's findings at each stage of `PolicyEngine.scan`, and the runs the name scorer scored."""

    raw: list[Finding]
    final: list[Finding]
    scored: list[tuple[int, int, float]] = field(default_factory=list)  # (start, end, hand score)


_SCORED: list[tuple[int, int, float]] | None = None


@contextmanager
def _scored_runs() -> Iterator[None]:
    """`person_score.score_run` recording each run it scores, vetoes (-9) included (the module's own
    global is swapped for the duration; the engine runs unchanged)."""
    original = person_score.score_run

    def recording(text: str, lower: str, start: int, end: int, *args: Any, **kwargs: Any) -> float:
        hand = original(text, lower, start, end, *args, **kwargs)
        if _SCORED is not None:
            _SCORED.append((start, end, hand))
        return hand

    person_score.score_run = recording  # type: ignore[assignment]
    try:
        yield
    finally:
        person_score.score_run = original


def stages(engine: PolicyEngine, text: str) -> Stages:
    """The detectors' findings, the engine's final ones, and the runs the name scorer scored."""
    global _SCORED
    _SCORED = scored = []
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    pool = engine.of_types(frozenset(d.type for d in EXISTING_DETECTORS))  # every detector of the engine
    active = engine.plan(pool).active(text, lower)
    words = ScanWords(text.split())
    with _scored_runs():
        raw = [f for d in active for f in d.scan(text, lower, words)]
    _SCORED = None
    final = engine.scan(text, detectors=pool)  # the engine's own steps after the detectors
    return Stages(raw, final, scored)


def _shape(text: str, value: str) -> str:
    words = [w.strip(".,;:()\"'") for w in value.split()]
    words = [w for w in words if w]
    lex = person_score.lexicon()
    known = any(w in lex.names or w.title() in lex.names for w in words)
    size = "1 word" if len(words) == 1 else "2+ words"
    case = "capitals" if value.isupper() else "lower case" if value.islower() else "capitalized"
    return f"{size}, {'a known name' if known else 'no known name'}, {case}"


def _left_out(text: str, span: tuple[int, int], inside: list[Finding]) -> str:
    """Which side of a value its longest finding leaves out, and what the part left out holds (a line
    break, a comma, a digit): aggregates that say which completion step to look at."""
    best = max(inside, key=lambda f: f.end - f.start)
    before, after = text[span[0] : best.start], text[best.end : span[1]]
    side = "both sides" if before and after else "before" if before else "after"
    part = before + after
    marks = [
        name
        for name, hit in (
            ("line", "\n" in part),
            ("comma", "," in part),
            ("digit", any(c.isdigit() for c in part)),
        )
        if hit
    ]
    return f"{side}, " + ("+".join(marks) if marks else "words only")


def _context(text: str, value: str, span: tuple[int, int]) -> str:
    """The value's size and the class of the word before it (`person_score._kind`: title or kin t,
    person verb b, greeting g, link k, place preposition l, article a, other o; none at a line's start)."""
    size = "1 word" if len(value.split()) == 1 else "2+ words"
    before = text[max(text.rfind("\n", 0, span[0]) + 1, span[0] - 30) : span[0]].split()
    prev = before[-1].lower().strip(".,:;!?\"'()") if before else ""
    return f"{size}, before: {person_score._kind(prev) if prev else 'none'}"


def reason(kind: str, text: str, value: str, found: Stages) -> tuple[str, str] | None:
    """(group, detail) for a missed value, None when it is found."""
    spans = occurrences(text, value)
    masks = [(f.start, f.end) for f in found.final]
    if not spans:
        return ("absent", "")
    missing = [s for s in spans if not covered(s, masks)]
    if not missing:
        return None
    if len(missing) < len(spans):
        return ("other mention", "")
    span = missing[0]
    final = [f for f in found.final if overlaps((f.start, f.end), span)]
    same = [f for f in final if f.type == kind]
    if same:
        if all(span[0] <= f.start and f.end <= span[1] for f in same):
            blocking = sorted({f.type for f in final if f.type != kind})
            detail = (
                f"another finding in it: {'/'.join(blocking)}" if blocking else _left_out(text, span, same)
            )
            return ("cut short", detail)
        return ("boundary", "")
    if final:
        return ("other type", "/".join(sorted({f.type for f in final})))
    if any(f.type == kind and overlaps((f.start, f.end), span) for f in found.raw):
        return ("dropped", "")
    runs = [hand for s, e, hand in found.scored if overlaps((s, e), span)]
    if kind == "PERSON" and runs:
        best = max(runs)
        if best <= -9.0:
            return ("vetoed", "")
        band = "score >= 1" if best >= 1.0 else "score 0..1" if best >= 0 else "score < 0"
        return ("below the bar", f"{band}, {_context(text, value, span)}")
    return ("no candidate", _shape(text, value) if kind == "PERSON" else "")


def count(engine: PolicyEngine, records: list[dict[str, object]], listing: bool = False) -> Counter[str]:
    """Missed values per "KIND group" and "KIND group: detail"; `listing` prints each (tuning only)."""
    out: Counter[str] = Counter()
    for rec in records:
        text = str(rec["text"])
        entities = [e for e in rec.get("entities", []) if e["type"] in KINDS]  # type: ignore[union-attr]
        if not entities:
            continue
        found = stages(engine, text)
        for ent in entities:
            out[f"{ent['type']} total"] += 1
            got = reason(ent["type"], text, ent["value"], found)
            if got is None:
                continue
            group, detail = got
            out[f"{ent['type']} {group}"] += 1
            if detail:
                out[f"{ent['type']} {group}: {detail}"] += 1
            if listing:
                span = occurrences(text, ent["value"])
                at = span[0][0] if span else 0
                context = text[max(0, at - 60) : at + len(ent["value"]) + 60].replace("\n", "⏎")
                print(f"{rec.get('id')}\t{ent['type']}\t{group}\t{detail}\t{ent['value']!r}\t{context!r}")
    return out


PLAIN = PolicyEngine(EXISTING_DETECTORS)


def _sets() -> dict[str, Path]:
    return {
        path.parent.name[-5:]: path
        for path in sorted(HERE.glob("dev-*/pii*.jsonl"))
        if "blind" not in str(path.relative_to(HERE))  # never: a blind set is run by the lead only
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--list", metavar="SET", help="list the misses of one set's tuning half (e.g. 12-06)")
    parser.add_argument("--name-recognizer", action="store_true", help="with the name recognizer (opt-in)")
    args = parser.parse_args()
    engine = PolicyEngine() if args.name_recognizer else PLAIN
    sets = _sets()
    if args.list:
        count(engine, half("train", sets[args.list]), listing=True)
        return
    columns: dict[str, Counter[str]] = {}
    for name, path in sets.items():
        if name in WHOLE:
            columns[f"{name} (dev, whole)"] = count(engine, load_jsonl(path))
            continue
        columns[f"{name} tuning"] = count(engine, half("train", path))
        columns[f"{name} held-out"] = count(engine, half("held-out", path))
    for label in ("tuning", "held-out"):
        columns[f"all {label}"] = sum((c for n, c in columns.items() if n.endswith(f" {label}")), Counter())
    print(f"name recognizer: {'on' if args.name_recognizer else 'off (the default)'}\n")
    print("| missed because | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    keys = sorted({k for c in columns.values() for k in c}, key=_order)
    for key in keys:
        print(f"| {key} | " + " | ".join(str(c[key]) for c in columns.values()) + " |")


def _order(key: str) -> tuple[int, int, str]:
    kind, _, rest = key.partition(" ")
    group = rest.split(":")[0]
    rank = -1 if group == "total" else GROUPS.index(group) if group in GROUPS else len(GROUPS)
    return (KINDS.index(kind), rank, rest)


if __name__ == "__main__":
    main()
