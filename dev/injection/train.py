"""Train the injection classifier (dev-only: scikit-learn never ships): `python -m dev.injection.train`.

Reads dev/injection/train.jsonl (from `make_corpus.py`), vectorizes it with the deployed feature
code (`shared.policy.injection.view_features`, `shared.policy.classifier.text_features`), fits two
logistic regressions (fast: the words of the raw text, `--fast-bigrams` adds word bigrams; full:
words, bigrams, named signals and character 3-5-grams) and writes their weights to
shared/policy/injection_model.json. On the dev sets (bench/policy/injection_dev.jsonl +
injection_legacy.jsonl + the held-out half of dev-2026-11-30; never the blind sets) it then sets the
gate (the fast probability above which 99 % of the dev attacks the full model catches lie) and
shifts the full model's bias so the default threshold (0.7) flags `--benign-rate` of dev benign.
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

from dev.injection.devsplit import half
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
THRESHOLD = 0.7


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


def fit(docs: list[list[str]], labels: list[int], keep: tuple[str, ...], c: float) -> tuple[dict, np.ndarray]:
    counts = Counter(t for tokens in docs for t in set(tokens) if t.startswith(keep))
    vocab = {t: i for i, t in enumerate(sorted(t for t, n in counts.items() if n >= 2))}
    x, y = matrix(docs, vocab, keep), np.array(labels)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="liblinear")
    oof = cross_val_predict(model, x, y, cv=5, method="predict_proba")[:, 1]
    model.fit(x, y)
    weights: dict[str, dict[str, float]] = {}
    for token, index in vocab.items():
        w = round(float(model.coef_[0][index]), 4)
        if abs(w) >= 0.002:
            weights.setdefault(token[0], {})[token[2:]] = w
    spec = {"bias": round(float(model.intercept_[0]), 4), "chars": "c:" in keep, "bigrams": "b:" in keep,
            "weights": weights}  # fmt: skip
    return spec, oof


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c-fast", type=float, default=8.0)
    parser.add_argument("--c-full", type=float, default=8.0)
    parser.add_argument("--out", default=str(MODEL_PATH))
    parser.add_argument("--benign-rate", type=float, default=0.035)
    # the fast model is words-only by default (2026-11-30): no word pairs to build on every request
    parser.add_argument("--fast-bigrams", action=argparse.BooleanOptionalAction, default=False)
    # a floor under the gate, for cost: with system-prompt-style requests in the corpus (2026-11-30), the
    # typical support request scores ~0.29 on the fast model, so the dev quantile (0.41) sets the gate
    parser.add_argument("--min-gate", type=float, default=0.4)
    args = parser.parse_args()
    docs, labels = rows(TRAIN)
    fast, fast_oof = fit(docs, labels, ("w:", "b:") if args.fast_bigrams else ("w:",), args.c_fast)
    full, full_oof = fit(docs, labels, ("w:", "b:", "s:", "c:"), args.c_full)
    y = np.array(labels)
    gate = 0.0  # set below, on the dev sets
    for name, oof in (("fast", fast_oof), ("full", full_oof)):
        print(f"{name}: out-of-fold recall@0.7 {np.mean(oof[y == 1] >= 0.7):.3f}, "
              f"benign flagged {np.mean(oof[y == 0] >= 0.7):.3f}")  # fmt: skip
    spec = {"version": 1, "gate": round(gate, 4), "fast": fast, "full": full,
            "trained_on": f"{TRAIN.relative_to(ROOT)} ({len(docs)} rows)"}  # fmt: skip
    out = Path(args.out)
    out.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    # calibrate on the dev sets: shift the full model so the threshold flags `benign_rate` of dev benign
    dev = [json.loads(line) for path in DEV for line in path.read_text().splitlines() if line.strip()]
    dev += half("held-out")  # the independent dev set's half that is never trained on
    benign = [r["text"] for r in dev if r["label"] == "benign"]
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
    load_models.cache_clear()
    scores = sorted((LayeredInjectionDetector(out).score(t).score for t in benign), reverse=True)
    cut = min(max(scores[int(args.benign_rate * len(scores))], 1e-6), 1 - 1e-6)
    shift = math.log(THRESHOLD / (1 - THRESHOLD)) - math.log(cut / (1 - cut))
    full["bias"] = round(full["bias"] + shift, 4)
    spec["calibration"] = (
        f"full bias shifted by {shift:+.3f}: {args.benign_rate:.0%} of {len(benign)} dev benign "
        f"at {THRESHOLD}"
    )
    out.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    print(spec["calibration"])
    sizes = {k: sum(len(v) for v in m["weights"].values()) for k, m in (("fast", fast), ("full", full))}
    print(f"wrote {args.out}: {sizes} weights, {Path(args.out).stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
