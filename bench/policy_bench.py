"""Policy benchmark: dev and blind results side by side. `make bench-policy [CORPUS=path]`.

PII: recall per type and language, precision of masked spans, look-alike false positives under the
`standard` and `strict` profiles. Injection: recall and benign-flagged rate at the default threshold,
ROC-AUC, recall at <= 5 % benign flagged, per attack family, benign kind and language (EN and non-EN
separately). Timing: redaction per KB, 2 KB dense/prose prompts, and the policy stage's work for a
typical request (screen + redact).

Blind sets (`bench/policy/blind-*/`, written independently of the detectors) are reported as
aggregate numbers only: this script never prints their texts, ids or misses.
PII records: {"id", "text", "entities": [{"type", "value"}], "non_entities": [{"type", "value"}]}.
Injection records: {"id", "text", "label": "attack"|"benign", "family"|"kind", "lang"}.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from bench.policy.metrics import (
    InjectionResult,
    PiiResult,
    evaluate_injection,
    evaluate_pii,
    load_jsonl,
    occurrences,
    overlaps,
)
from dev.injection.devsplit import INDEPENDENT, half
from shared.policy.detectors import Detector, ScanWords
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine
from shared.policy.profiles import BUILTIN_PROFILES, Action, PolicySettings
from shared.policy.pseudonymize import Pseudonymizer

HERE = Path(__file__).resolve().parent / "policy"
DEFAULT = HERE / "corpus.jsonl"
DEV_PII = tuple(HERE / f"holdout{n}.jsonl" for n in ("", "2", "3", "4", "5"))
DEV_INJECTION = (HERE / "injection_legacy.jsonl", HERE / "injection_dev.jsonl", HERE / "injection_dev2.jsonl")
DEV_REGISTERS = HERE / "injection_dev3.jsonl"  # held-out seeds of dev/injection/registers.py: its own column
DEV_STYLES = HERE / "injection_dev4.jsonl"  # held-out styles of dev/injection/breadth.py: its own column
DEV_PLAIN = HERE / "injection_dev5.jsonl"  # held-out styles of dev/injection/plain.py: its own column
DEV6_INJECTION = HERE / "dev-2026-12-03" / "injection.jsonl"  # independent; its tuning half is trained on
BLIND = sorted(HERE.glob("blind-*"))[-1] if sorted(HERE.glob("blind-*")) else None
CHECKSUM_FORMAT = {
    "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "PASSPORT", "DATE_OF_BIRTH", "IP_ADDRESS",
    "GOOGLE_API_KEY", "GCP_PRIVATE_KEY", "AWS_ACCESS_KEY", "JWT", "URL_TOKEN", "SECRET",
}  # fmt: skip
TYPICAL = (  # a typical support request: what the policy stage sees on most calls
    "You are a support assistant for a retail bank. Summarise the customer's message below in two "
    "sentences and suggest the next best action. Customer message: I moved house last month and my "
    "statements still go to the old address; I updated it in the app but nothing changed."
)
PROSE = (
    "Hi team, please review the attached quarterly summary before Thursday's planning session. Revenue "
    "grew in every region except the north-east, where two large renewals slipped into next quarter. "
    "Support tickets fell by eleven percent after the new onboarding flow shipped, and churn held flat. "
    "For questions about the forecast model, write to forecast.owner@example.com or call +44 20 7946 0958. "
    "We still need decisions on three items: the hiring plan for the platform group, the budget for the "
    "partner program, and whether the pricing change goes out in March or waits for the annual review. "
)


def _frac(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.3f}" if total else "-"


def pii(engine: PolicyEngine, records: list[dict[str, object]]) -> PiiResult:
    profiles = {
        name: (lambda kind, p=BUILTIN_PROFILES[name]: p.action(kind) != Action.ALLOW)
        for name in ("standard", "strict")
    }
    return evaluate_pii(lambda t: [(f.type, f.start, f.end) for f in engine.scan(t)], records, profiles)


def print_pii(results: dict[str, PiiResult]) -> None:
    names = list(results)
    print("### PII recall per type (every detector counts as masking)\n")
    print("| type | " + " | ".join(names) + " | target |")
    print("|---|" + "---:|" * len(names) + "---:|")
    kinds = sorted(set().union(*(r.total for r in results.values())))
    for kind in kinds:
        cells = [_frac(r.found[kind], r.total[kind]) for r in results.values()]
        target = "0.99" if kind in CHECKSUM_FORMAT else "0.90"
        print(f"| {kind} | " + " | ".join(cells) + f" | {target} |")
    for label, group in (("checksum/format types", CHECKSUM_FORMAT), ("names + addresses", None)):
        cells = []
        for r in results.values():
            keys = [k for k in r.total if (k in CHECKSUM_FORMAT) == (group is not None)]
            cells.append(_frac(sum(r.found[k] for k in keys), sum(r.total[k] for k in keys)))
        print(f"| **{label}** | " + " | ".join(cells) + " | |")
    cells = [_frac(sum(r.found.values()), sum(r.total.values())) for r in results.values()]
    print("| **all** | " + " | ".join(cells) + " | |")
    print("\n### PII recall per language\n")
    print("| lang | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for lang in sorted(set().union(*(r.lang_total for r in results.values()))):
        print(
            f"| {lang} | "
            + " | ".join(_frac(r.lang_found[lang], r.lang_total[lang]) for r in results.values())
            + " |"
        )
    print("\n### Look-alikes masked (false positives), per profile\n")
    heads = [f"{n} standard | {n} strict" for n in names]
    print("| look-alike | " + " | ".join(heads) + " |")
    print("|---|" + "---:|---:|" * len(names))
    for kind in sorted(set().union(*(r.neg_total for r in results.values()))):
        cells = [
            " | ".join(_frac(r.neg_hit[p][kind], r.neg_total[kind]) for p in ("standard", "strict"))
            for r in results.values()
        ]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    cells = []
    for r in results.values():
        n = sum(r.neg_total.values())
        cells.append(
            f"{_frac(sum(r.neg_hit['standard'].values()), n)} | {_frac(sum(r.neg_hit['strict'].values()), n)}"
        )
    print("| **all** | " + " | ".join(cells) + " |")
    print(
        "| precision of masked spans (all detectors) | "
        + " | ".join(f"{r.precision:.3f} | " for r in results.values())
    )


def tuning_halves() -> dict[str, list[dict[str, object]]]:
    """The tuning ("train") half of every independent dev set's PII file (`bench/policy/dev-*/pii*.jsonl`),
    by name. Only these are listed in detail: held-out halves and blind sets are aggregates only, so
    this never reads a held-out record or a `blind-*` directory."""
    out: dict[str, list[dict[str, object]]] = {}
    for path in sorted(HERE.glob("dev-*/pii*.jsonl")):
        if "blind" in str(path.relative_to(HERE)):  # never: a blind set is run by the lead only
            continue
        out[f"{path.parent.name[-5:]} tuning half"] = half("train", path)
    return out


def _detector_name(detector: Detector) -> str:
    return getattr(detector.scan, "__name__", "?").lstrip("_") or "?"


def _masking_detectors(pool: tuple[Detector, ...], text: str, kind: str, start: int, end: int) -> str:
    """The detectors whose own findings include the engine's kept finding (type, start, end)."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    names = [
        _detector_name(d)
        for d in pool
        if d.type == kind
        and any((f.start, f.end) == (start, end) for f in d.scan(text, lower, ScanWords(text.split())))
    ]
    return "+".join(dict.fromkeys(names)) or "(union/extra)"


def false_positives(engine: PolicyEngine, pool: tuple[Detector, ...], only: str | None) -> None:
    """Each look-alike a profile masks on the dev sets' tuning halves: set, record id, look-alike label,
    the finding's type and detector, profiles acting on it, the masked span; then counts per detector x
    label. Tuning halves only (see `tuning_halves`)."""
    acting = {
        name: {kind for kind in {d.type for d in pool} if BUILTIN_PROFILES[name].action(kind) != Action.ALLOW}
        for name in ("standard", "strict")
    }
    groups: Counter[tuple[str, str, str]] = Counter()
    per_set: Counter[tuple[str, str]] = Counter()
    print("| set | id | look-alike | value | finding | detector | profiles | masked span |")
    print("|---|---|---|---|---|---|---|---|")
    for set_name, records in tuning_halves().items():
        if only and only not in set_name:
            continue
        for rec in records:
            text = str(rec["text"])
            findings = engine.scan(text, detectors=pool)
            labeled = [s for ent in rec.get("entities", []) for s in occurrences(text, ent["value"])]  # type: ignore[attr-defined]
            for neg in rec.get("non_entities", []):  # type: ignore[attr-defined]
                spans = [
                    s
                    for s in occurrences(text, neg["value"])
                    if not any(a <= s[0] and s[1] <= b for a, b in labeled)
                ]
                hits = [f for f in findings if any(overlaps((f.start, f.end), s) for s in spans)]
                for f in hits:
                    profiles = [p for p, kinds in acting.items() if f.type in kinds]
                    if not profiles:
                        continue
                    detector = _masking_detectors(pool, text, f.type, f.start, f.end)
                    for p in profiles:
                        per_set[(set_name, p)] += 1
                    groups[(detector, f.type, neg["type"])] += 1
                    span = text[f.start : f.end].replace("|", "\\|").replace("\n", "\\n")
                    value = str(neg["value"]).replace("|", "\\|")
                    print(
                        f"| {set_name} | {rec.get('id')} | {neg['type']} | {value} | {f.type} | "
                        f"{detector} | {'/'.join(profiles)} | {span[:120]} |"
                    )
    print("\n| detector | finding | look-alike label | hits |\n|---|---|---|---:|")
    for (detector, kind, label), n in groups.most_common():
        print(f"| {detector} | {kind} | {label} | {n} |")
    print("\n(hits count findings: two findings on one look-alike count twice; the bench counts it once)")


def injection(engine: PolicyEngine, records: list[dict[str, object]]) -> InjectionResult:
    return evaluate_injection(lambda t: engine.screen(t).score, records, PolicySettings().injection_threshold)


def print_injection(results: dict[str, InjectionResult]) -> None:
    names = list(results)
    threshold = next(iter(results.values())).threshold
    print(f"### Prompt injection (threshold {threshold})\n")
    print("| metric | " + " | ".join(names) + " | target |")
    print("|---|" + "---:|" * len(names) + "---:|")

    def row(label: str, cells: list[str], target: str = "") -> None:
        print(f"| {label} | " + " | ".join(cells) + f" | {target} |")

    rs = list(results.values())
    row("attacks + benign", [f"{len(r.attack_scores)} + {len(r.benign_scores)}" for r in rs])
    row("recall", [f"{r.recall():.3f}" for r in rs], ">= 0.80")
    row("benign flagged", [f"{r.flagged():.3f}" for r in rs], "<= 0.05")
    row("precision", [f"{r.precision():.3f}" for r in rs])
    row("ROC-AUC", [f"{r.auc():.3f}" for r in rs], ">= 0.90")
    row("recall at <= 5 % benign flagged (threshold)", [
        "{:.3f} (> {:.3f})".format(*r.recall_at_fpr(0.05)) for r in rs
    ])  # fmt: skip
    row("attacks scoring exactly 0", [str(sum(s == 0 for s in r.attack_scores)) for r in rs])
    for group in ("en", "non-en"):
        cells = []
        for r in rs:
            pos, neg = r.scores_by_group.get(group, ([], []))
            sub = InjectionResult(r.threshold, list(pos), list(neg))
            cells.append(
                f"{sub.recall():.3f} / {sub.flagged():.3f} / {sub.auc():.3f} ({len(pos)}+{len(neg)})"
            )
        row(f"{group.upper()}: recall / flagged / ROC-AUC", cells)
    for title, attr in (("attack family: caught", "by_family"), ("benign kind: flagged", "by_kind")):
        print(f"\n| {title} | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        keys = sorted(set().union(*(getattr(r, attr) for r in rs)))
        for key in keys:
            cells = [_frac(*getattr(r, attr)[key]) if key in getattr(r, attr) else "" for r in rs]
            print(f"| {key} | " + " | ".join(cells) + " |")
    print("\n| language: attacks caught / benign flagged | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for lang in sorted(set().union(*(r.by_lang for r in rs))):
        cells = []
        for r in rs:
            c = r.by_lang.get(lang)
            cells.append(f"{_frac(c[0], c[1])} / {_frac(c[2], c[3])}" if c else "")
        print(f"| {lang} | " + " | ".join(cells) + " |")


def _two_kb(text: str) -> str:
    while len(text.encode()) < 2048:
        text += text
    return text.encode()[:2048].decode(errors="ignore")


def _clock(
    engine: PolicyEngine, prompt: str, n: int, screen: bool = False
) -> tuple[list[float], list[float]]:
    """Wall and thread-CPU milliseconds per redaction (and injection screen, with `screen`) of `prompt`."""
    profile = BUILTIN_PROFILES["standard"]
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.thread_time()
        if screen:
            engine.screen(prompt)
        engine.redact(prompt, profile, Pseudonymizer(), recognizer=True)  # runs if the engine has it
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def timings(engine: PolicyEngine, records: list[dict[str, object]], rounds: int) -> None:
    per_kb: list[float] = []
    for _ in range(rounds):
        for rec in records:
            text = str(rec["text"])
            wall, _ = _clock(engine, text, 1)
            per_kb.append(wall[0] / (len(text.encode()) / 1024))
    q = statistics.quantiles
    print("\n### Cost\n\n| metric | value |\n|---|---:|")
    print(
        f"| redaction ms per KB, p50 / p99 | {statistics.median(per_kb):.3f} / {q(per_kb, n=100)[98]:.3f} |"
    )
    dense = _two_kb("\n".join(str(rec["text"]) for rec in records[:40]))  # consecutive corpus records
    cases = (
        ("redaction of 2 KB of corpus records (dense PII)", dense, False),
        ("redaction of 2 KB of prose, 2 values/para", _two_kb(PROSE), False),
        ("policy stage, typical request (screen + redact, 330 B)", TYPICAL, True),
        ("policy stage, 2 KB prose (screen + redact)", _two_kb(PROSE), True),
        ("policy stage, 2 KB dense PII (screen + redact)", dense, True),
    )
    for label, prompt, screen in cases:
        wall, cpu = _clock(engine, prompt, rounds * 100, screen)
        print(
            f"| {label}: wall ms p50 / p99; CPU ms p50 | {statistics.median(wall):.3f} / "
            f"{q(wall, n=100)[98]:.3f}; {statistics.median(cpu):.3f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=os.environ.get("CORPUS") or str(DEFAULT))
    parser.add_argument("--blind", default=str(BLIND) if BLIND else None, help="directory of the blind sets")
    parser.add_argument("--rounds", type=int, default=5, help="timing passes over the corpus")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument(
        "--no-blind",
        action="store_true",
        default=bool(os.environ.get("NO_BLIND")),
        help="dev sets only, while developing (or NO_BLIND=1): a blind set is run once, at the end",
    )
    parser.add_argument("--misses", action="store_true", help="list the dev records that were missed")
    parser.add_argument(
        "--name-recognizer",
        action="store_true",
        help="with the statistical name recognizer (a tenant's opt-in `policy.name_recognizer`)",
    )
    parser.add_argument(
        "--false-positives",
        nargs="?",
        const="",
        metavar="SET",
        help="list each masked look-alike of the dev sets' tuning halves (optionally of one, e.g. 12-06) "
        "with its detector and span, then counts per detector x label; held-out halves and blind sets "
        "are never listed",
    )
    args = parser.parse_args()
    engine = PolicyEngine() if args.name_recognizer else PolicyEngine(EXISTING_DETECTORS)
    print(f"name recognizer: {'on' if args.name_recognizer else 'off (the default)'}")
    if args.false_positives is not None:
        pool = engine.of_types(frozenset(d.type for d in EXISTING_DETECTORS))  # all the engine's detectors
        false_positives(engine, pool, args.false_positives or None)
        return
    records = load_jsonl(Path(args.corpus))
    dev_pii = records + [r for path in DEV_PII if path.exists() for r in load_jsonl(path)]
    dev_inj = [r for path in DEV_INJECTION if path.exists() for r in load_jsonl(path)]
    pii_sets = {f"dev ({len(dev_pii)} records)": pii(engine, dev_pii)}
    independent_pii = INDEPENDENT.parent / "pii.jsonl"
    if independent_pii.exists():  # written by a helper who had not read the detectors (dev: tuned on)
        pii_sets["dev-2026-11-30"] = pii(engine, load_jsonl(independent_pii))
    own_pii = HERE / "dev-2026-12-01" / "pii.jsonl"
    if own_pii.exists():  # written by the name scorer's author after reading dev-2026-11-30: dev
        pii_sets["dev-2026-12-01"] = pii(engine, load_jsonl(own_pii))
    fresh = HERE / "dev-2026-12-02" / "pii_dev.jsonl"
    if fresh.exists():  # written independently of the detectors; tuned on one half only (by id hash)
        pii_sets["dev-2026-12-02"] = pii(engine, load_jsonl(fresh))
        pii_sets["12-02 tuning half"] = pii(engine, half("train", fresh))
        pii_sets["12-02 held-out half"] = pii(engine, half("held-out", fresh))
    fresh7 = HERE / "dev-2026-12-04" / "pii.jsonl"
    if fresh7.exists():  # written independently of the detectors; tuned on one half only (by id hash)
        pii_sets["12-04 tuning half"] = pii(engine, half("train", fresh7))
        pii_sets["12-04 held-out half"] = pii(engine, half("held-out", fresh7))
    fresh8 = HERE / "dev-2026-12-05" / "pii.jsonl"
    if fresh8.exists():  # names, addresses and their look-alikes, written independently; split by id hash
        pii_sets["12-05 tuning half"] = pii(engine, half("train", fresh8))
        pii_sets["12-05 held-out half"] = pii(engine, half("held-out", fresh8))
    fresh9 = HERE / "dev-2026-12-06" / "pii.jsonl"
    if fresh9.exists():  # names, addresses, look-alikes in many forms (training data), written independently
        pii_sets["12-06 tuning half"] = pii(engine, half("train", fresh9))
        pii_sets["12-06 held-out half"] = pii(engine, half("held-out", fresh9))
    fresh10 = HERE / "dev-2026-12-07" / "pii.jsonl"
    if fresh10.exists():  # secrets, URL tokens and their look-alikes, written independently; split by id hash
        pii_sets["12-07 tuning half"] = pii(engine, half("train", fresh10))
        pii_sets["12-07 held-out half"] = pii(engine, half("held-out", fresh10))
    fresh11 = HERE / "dev-2026-12-10" / "pii.jsonl"
    if fresh11.exists():  # all 15 types and look-alikes, written independently; split by id hash
        pii_sets["12-10 tuning half"] = pii(engine, half("train", fresh11))
        pii_sets["12-10 held-out half"] = pii(engine, half("held-out", fresh11))
    fresh12 = HERE / "dev-2026-12-11" / "pii.jsonl"
    # real values in look-alike clothing beside true look-alikes, written blind; split by id hash
    if fresh12.exists():
        pii_sets["12-11 tuning half"] = pii(engine, half("train", fresh12))
        pii_sets["12-11 held-out half"] = pii(engine, half("held-out", fresh12))
    fresh13 = HERE / "dev-2026-12-12" / "pii.jsonl"
    # real secrets and URL tokens beside random-looking look-alikes, written blind; split by id hash
    if fresh13.exists():
        pii_sets["12-12 tuning half"] = pii(engine, half("train", fresh13))
        pii_sets["12-12 held-out half"] = pii(engine, half("held-out", fresh13))
    inj_sets = {"dev": injection(engine, dev_inj)}
    if DEV_REGISTERS.exists():
        inj_sets["dev registers"] = injection(engine, load_jsonl(DEV_REGISTERS))
    if DEV_STYLES.exists():
        inj_sets["dev held-out styles"] = injection(engine, load_jsonl(DEV_STYLES))
    if INDEPENDENT.exists():  # written by a helper who had not read the detectors; half trains the model
        inj_sets["dev-2026-11-30"] = injection(engine, load_jsonl(INDEPENDENT))
        inj_sets["its held-out half"] = injection(engine, half("held-out"))
    if DEV_PLAIN.exists():
        inj_sets["dev held-out plain styles"] = injection(engine, load_jsonl(DEV_PLAIN))
    if DEV6_INJECTION.exists():  # written independently of the detectors; split by id hash
        inj_sets["12-03 tuning half"] = injection(engine, half("train", DEV6_INJECTION))
        inj_sets["12-03 held-out half"] = injection(engine, half("held-out", DEV6_INJECTION))
    blind = Path(args.blind) if args.blind and not args.no_blind else None
    if blind is not None and (blind / "pii.jsonl").exists():
        blind_pii = load_jsonl(blind / "pii.jsonl")
        pii_sets[f"blind ({len(blind_pii)} records)"] = pii(engine, blind_pii)
    if blind is not None and (blind / "injection.jsonl").exists():
        inj_sets["blind"] = injection(engine, load_jsonl(blind / "injection.jsonl"))
    print(f"dev PII: {args.corpus} + holdouts; dev injection: {', '.join(p.name for p in DEV_INJECTION)}")
    print(f"blind: {blind if blind is not None and blind.exists() else 'none found'}\n")
    print_pii(pii_sets)
    print()
    print_injection(inj_sets)
    if not args.no_timing:
        timings(engine, records, args.rounds)
    print(f"\nload average during the run: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    if args.misses:  # dev only: blind misses are never printed
        dev = next(iter(pii_sets.values()))
        print("\nmissed (dev PII):", *dev.misses, sep="\n  ")
        for name in [n for n in inj_sets if n != "blind"]:
            print(f"\nmissed or flagged ({name} injection):", *inj_sets[name].misses, sep="\n  ")


if __name__ == "__main__":
    main()
