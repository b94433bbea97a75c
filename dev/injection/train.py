"""Train the injection classifier (dev-only: scikit-learn never ships): `python -m dev.injection.train`.

Reads dev/injection/train.jsonl (from `make_corpus.py`), vectorizes it with the deployed feature
code (`shared.policy.injection.view_features`, `shared.policy.classifier.text_features`), fits two
logistic regressions (fast: the words of the raw text, `--fast-bigrams` adds word bigrams; full:
words, bigrams, named signals and character 3-5-grams) and writes their weights to
shared/policy/injection_model.json. On the dev sets (bench/policy/injection_dev.jsonl +
injection_legacy.jsonl + the held-out half of dev-2026-11-30; never the blind sets) it then sets the
gate (the fast probability above which 99 % of the dev attacks the full model catches lie) and
shifts the full model's bias so the default threshold (0.7) flags at most `--benign-rate` of the pooled
benign texts of every held-out dev set and at most `--worst-rate` of any one of them.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

from dev.injection.devsplit import INDEPENDENT, half
from shared.policy.classifier import (
    CHAR_FLOOR,
    MODEL_PATH,
    WORD_FLOOR,
    load_models,
    text_features,
    training_tokens,
    words_of,
)
from shared.policy.injection import LayeredInjectionDetector, _suspicious, view_features

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "dev" / "injection" / "train.jsonl"
DEV = (
    ROOT / "bench" / "policy" / "injection_dev.jsonl",
    ROOT / "bench" / "policy" / "injection_legacy.jsonl",
)
DEV3 = ROOT / "bench" / "policy" / "injection_dev3.jsonl"  # held-out seeds of registers.py
DEV4 = ROOT / "bench" / "policy" / "injection_dev4.jsonl"  # held-out styles of breadth.py
DEV5 = ROOT / "bench" / "policy" / "injection_dev5.jsonl"  # held-out styles of plain.py
THRESHOLD = 0.7
CUT_MARGIN = 0.002  # logit units under the threshold for the text at the cut (the bias is rounded to 1e-4)
SET_KIND_MIN = 6  # ... and a kind within one set for the per-set cap ("2 of 12": 1 of 6-11, 2 of 12-17)
KIND_MIN = 10  # a benign kind counts for the per-kind cap with at least this many held-out dev texts
# the independent dev sets (written by helpers who had not read the detectors), split by id hash
INDEPENDENT_SETS = (INDEPENDENT, ROOT / "bench" / "policy" / "dev-2026-12-03" / "injection.jsonl")


def rows(path: Path) -> tuple[list[list[str]], list[int]]:
    """Tokens of every screened view of every record (the normalized view of an obfuscated text is
    a second row with the same label)."""
    docs, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for view, named in view_features(rec["text"], frozenset(), chars=True):
            docs.append(training_tokens(text_features(view, named, chars=True)))
            labels.append(int(rec["label"] == "attack"))
    return docs, labels


def matrix(docs: list[list[str]], vocab: dict[str, int], keep: tuple[str, ...]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for tokens in docs:
        # two blocks, each L2-normalized on its own: words/bigrams/signals, and character n-grams
        row: dict[int, float] = {}
        for block in (tuple(k for k in keep if k != "c:"), ("c:",) if "c:" in keep else ()):
            mine = [t for t in tokens if block and t.startswith(block)]
            floor = CHAR_FLOOR if block == ("c:",) else WORD_FLOOR
            weight = 1.0 / math.sqrt(max(len(mine), floor)) if mine else 0.0
            row.update({vocab[t]: weight for t in mine if t in vocab})
        cols = sorted(row)
        indices += cols
        data += [row[c] for c in cols]
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(docs), len(vocab)))


def fit(
    docs: list[list[str]], labels: list[int], keep: tuple[str, ...], c: float, bags: int = 1, oof: bool = True
) -> tuple[dict, np.ndarray | None]:
    """One logistic regression, or (`bags` > 1) the average of the weights of `bags` regressions fitted on
    bootstrap resamples: still one linear model at scoring time (no extra cost per request), with less
    of the single fit's variance on individual texts. The out-of-fold scores (printed only) are skipped
    when bagging or with `oof=False` (`--no-oof`: one fit instead of six)."""
    counts = Counter(t for tokens in docs for t in set(tokens) if t.startswith(keep))
    vocab = {t: i for i, t in enumerate(sorted(t for t, n in counts.items() if n >= 2))}
    x, y = matrix(docs, vocab, keep), np.array(labels)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="liblinear")
    if bags <= 1:
        scores = cross_val_predict(model, x, y, cv=5, method="predict_proba")[:, 1] if oof else None
        model.fit(x, y)
        coef, intercept = model.coef_[0], float(model.intercept_[0])
    else:
        scores = None
        rng = np.random.default_rng(20261130)
        coef, intercept = np.zeros(len(vocab)), 0.0
        for _ in range(bags):
            rows = rng.integers(0, len(labels), len(labels))
            model.fit(x[rows], y[rows])
            coef, intercept = coef + model.coef_[0] / bags, intercept + float(model.intercept_[0]) / bags
    weights: dict[str, dict[str, float]] = {}
    for token, index in vocab.items():
        w = round(float(coef[index]), 4)
        if abs(w) >= 0.002:
            weights.setdefault(token[0], {})[token[2:]] = w
    spec = {"bias": round(intercept, 4), "chars": "c:" in keep, "bigrams": "b:" in keep,
            "weights": weights}  # fmt: skip
    return spec, scores


def calibration_sets() -> dict[str, list[tuple[str, str]]]:
    """The benign texts (with their kind) of every dev set that is never trained on, by set: the generated
    dev split with the legacy sets, the held-out seeds of registers.py, the held-out styles of breadth.py
    and of plain.py, and the held-out halves of the independent dev sets (1,240 texts on 2026-11-30,
    fifth session, before dev-2026-12-03)."""
    out: dict[str, list[tuple[str, str]]] = {}
    named = {"dev": DEV, "registers": (DEV3,), "styles": (DEV4,), "plain": (DEV5,)}
    for name, paths in named.items():
        recs = [
            json.loads(line)
            for path in paths
            if path.exists()
            for line in path.read_text().splitlines()
            if line
        ]
        out[name] = [(r["text"], r.get("kind", "")) for r in recs if r["label"] == "benign"]
    for path in INDEPENDENT_SETS:
        held = [(r["text"], r.get("kind", "")) for r in half("held-out", path) if r["label"] == "benign"]
        if held:
            out[f"{path.parent.name} held-out half"] = held
    return out


def calibrate(
    out: Path, spec: dict, rate: float, worst: float, kind_rate: float = 1.0, set_kind: float = 1.0
) -> None:
    """Shift the full model's bias so the default threshold (0.7) flags at most `rate` of the pooled dev
    benign texts, at most `worst` of any one dev set's, at most `kind_rate` of any benign kind with
    at least KIND_MIN texts in those sets, and at most `set_kind` of any kind within one set (the
    strictest cut wins). A bias shift moves every full-model
    score the same way in logit space, so this is choosing the threshold on dev data while tenants keep
    reading 0.7 as the calibrated default."""
    load_models.cache_clear()
    detector = LayeredInjectionDetector(out)
    scored = {name: [(detector.score(t).score, kind) for t, kind in texts]
              for name, texts in calibration_sets().items() if texts}  # fmt: skip
    by_set = {name: sorted((s for s, _ in pairs), reverse=True) for name, pairs in scored.items()}
    by_kind: dict[str, list[float]] = {}
    for pairs in scored.values():
        for s, kind in pairs:
            by_kind.setdefault(kind, []).append(s)
    kinds = {k: sorted(v, reverse=True) for k, v in by_kind.items() if k and len(v) >= KIND_MIN}
    pooled = sorted((x for scores in by_set.values() for x in scores), reverse=True)
    cuts = [pooled[int(rate * len(pooled))]] + [
        scores[int(worst * len(scores))] for scores in by_set.values()
    ]
    cuts += [scores[int(kind_rate * len(scores))] for scores in kinds.values() if kind_rate < 1]
    # and at most `set_kind` of any benign kind within one held-out set (the gate's "2 of 12"), for kinds
    # with at least SET_KIND_MIN texts there
    per_set_kind: dict[str, list[float]] = {}
    for name, pairs in scored.items():
        for s, kind in pairs:
            per_set_kind.setdefault(f"{name}/{kind}", []).append(s)
    set_kinds = {k: sorted(v, reverse=True) for k, v in per_set_kind.items() if len(v) >= SET_KIND_MIN}
    cuts += [v[int(set_kind * len(v))] for v in set_kinds.values() if set_kind < 1]
    binding = {"pooled": cuts[0]} | {f"set {k}": v[int(worst * len(v))] for k, v in by_set.items()}
    binding |= {f"kind {k}": v[int(kind_rate * len(v))] for k, v in kinds.items() if kind_rate < 1}
    binding |= {f"set/kind {k}": v[int(set_kind * len(v))] for k, v in set_kinds.items() if set_kind < 1}
    top = sorted(binding.items(), key=lambda kv: -kv[1])[:4]
    print("highest cuts (the first binds):", ", ".join(f"{k} {v:.3f}" for k, v in top))
    cut = min(max(max(cuts), 1e-6), 1 - 1e-6)
    # the text at the cut must land just under the threshold (a score equal to it is flagged): without the
    # margin, int(rate * n) + 1 texts were flagged (fifth session: 4 of 75 where the cap meant 3)
    shift = math.log(THRESHOLD / (1 - THRESHOLD)) - math.log(cut / (1 - cut)) - CUT_MARGIN
    spec["full"]["bias"] = round(spec["full"]["bias"] + shift, 4)
    spec["calibration"] = (
        f"full bias shifted by {shift:+.3f}: at {THRESHOLD}, at most {rate:.1%} of {len(pooled)} pooled dev "
        f"benign, {worst:.1%} of any dev set ({', '.join(f'{k} {len(v)}' for k, v in by_set.items())}) and "
        f"{kind_rate:.0%} of any benign kind with {KIND_MIN}+ texts ({len(kinds)} kinds) and "
        f"{set_kind:.1%} of any kind within one set ({len(set_kinds)} with {SET_KIND_MIN}+ texts)"
    )
    out.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    load_models.cache_clear()
    print(spec["calibration"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c-fast", type=float, default=8.0)
    parser.add_argument("--c-full", type=float, default=8.0)
    parser.add_argument("--out", default=str(MODEL_PATH))
    # 2026-11-30, fourth session: pooled over every held-out dev set (801 benign), with a cap per set
    parser.add_argument(
        "--benign-rate", type=float, default=0.03, help="at most this share of pooled dev benign"
    )
    parser.add_argument(
        "--worst-rate", type=float, default=0.04, help="at most this share of any dev set's benign"
    )
    # 2026-11-30, fifth session: and at most 10 % of any benign kind (short plain requests, tickets, ...)
    parser.add_argument(
        "--kind-rate", type=float, default=0.10, help="at most this share of any benign kind's dev texts"
    )
    parser.add_argument(
        "--set-kind-rate", type=float, default=1 / 6, help="at most this share of a kind within one set"
    )
    parser.add_argument("--calibrate-only", action="store_true", help="recalibrate --out, do not refit")
    parser.add_argument(
        "--no-oof", action="store_true", help="skip the out-of-fold scores (one fit, not six)"
    )
    parser.add_argument("--bags", type=int, default=1, help="average the weights of N bootstrap fits")
    # the fast model is words-only by default (2026-11-30): no word pairs to build on every request
    parser.add_argument("--fast-bigrams", action=argparse.BooleanOptionalAction, default=False)
    # a floor under the gate, for cost: with system-prompt-style requests in the corpus (2026-11-30), the
    # typical support request scores ~0.29 on the fast model, so the dev quantile (0.41) sets the gate
    parser.add_argument("--min-gate", type=float, default=0.4)
    args = parser.parse_args()
    if args.calibrate_only:
        out = Path(args.out)
        calibrate(
            out,
            json.loads(out.read_text()),
            args.benign_rate,
            args.worst_rate,
            args.kind_rate,
            args.set_kind_rate,
        )
        return
    docs, labels = rows(TRAIN)
    fast_keep = ("w:", "b:") if args.fast_bigrams else ("w:",)
    fast, fast_oof = fit(docs, labels, fast_keep, args.c_fast, args.bags, not args.no_oof)
    full, full_oof = fit(docs, labels, ("w:", "b:", "s:", "c:"), args.c_full, args.bags, not args.no_oof)
    y = np.array(labels)
    gate = 0.0  # set below, on the dev sets
    for name, oof in (("fast", fast_oof), ("full", full_oof)):
        if oof is None:
            continue
        print(f"{name}: out-of-fold recall@0.7 {np.mean(oof[y == 1] >= 0.7):.3f}, "
              f"benign flagged {np.mean(oof[y == 0] >= 0.7):.3f}")  # fmt: skip
    spec = {"version": 1, "gate": round(gate, 4), "fast": fast, "full": full,
            "trained_on": f"{TRAIN.relative_to(ROOT)} ({len(docs)} rows)"}  # fmt: skip
    out = Path(args.out)
    out.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    # calibrate on the dev sets: shift the full model so the threshold flags `benign_rate` of dev benign
    dev = [json.loads(line) for path in DEV for line in path.read_text().splitlines() if line.strip()]
    dev += [r for path in INDEPENDENT_SETS for r in half("held-out", path)]  # never trained on
    # the gate: the fast probability above which all but 1 % of the dev attacks the full model
    # catches (and the cheap tests do not escalate) lie, so skipping the full model below it loses
    # about 1 % of them
    load_models.cache_clear()
    fast_model, full_model, _ = load_models(out)
    kept = []
    for rec in dev:
        if rec["label"] != "attack":
            continue
        tokens = words_of(rec["text"])
        caught = max(
            full_model.probability(text_features(v, n, chars=True))
            for v, n in view_features(rec["text"], frozenset(), chars=True)
        )
        p, words = fast_model.words_probability(tokens)
        if caught >= THRESHOLD and not _suspicious(rec["text"], tokens, words):
            kept.append(p)
    # at least `--min-gate`: below it, more ordinary requests escalate (cost); the dev sets here include
    # the held-out half of the independent dev set (dev/injection/devsplit.py)
    spec["gate"] = max(args.min_gate, round(float(np.quantile(kept, 0.01)), 4) if kept else 0.2)
    out.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    print(f"gate {spec['gate']}")
    calibrate(out, spec, args.benign_rate, args.worst_rate, args.kind_rate, args.set_kind_rate)
    sizes = {k: sum(len(v) for v in m["weights"].values()) for k, m in (("fast", fast), ("full", full))}
    print(f"wrote {args.out}: {sizes} weights, {Path(args.out).stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
