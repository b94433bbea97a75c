"""Every detector's spans on the dev corpora and on generated texts, for the policy cost identity test.

`python -m tests.unit.policy_spans --write` (run with PYTHONPATH at the tree to record) writes
`policy_spans.json.gz` beside this file: per text, each detector's findings (keyed by type and scan
function, so a detector added later is simply not compared) and the engine's resolved findings under
the recorded detectors. Recorded from main at the start of round 8 (e7b1e72), before the cost cuts.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

from shared.policy.detectors import Detector
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).with_name("policy_spans.json.gz")
SETS = (
    "corpus.jsonl",
    "dev-2026-11-30/pii.jsonl",
    "dev-2026-11-30/injection.jsonl",
    "dev-2026-12-01/pii.jsonl",
    "dev-2026-12-02/pii_dev.jsonl",
    "dev-2026-12-03/injection.jsonl",
    "dev-2026-12-04/pii.jsonl",
    "dev-2026-12-05/pii.jsonl",
)
# fragments that open the gates and anchors the cuts touch: labels, street forms, postcodes, numbers
_FRAGMENTS = (
    "Address: 12 Oak St, Springfield, IL 62704", "ship to:\n\nJane Roe\n4 Elm Rd\nLeeds LS6 2AB",
    "lives at 7 rue de la Paix, 75002 Paris", "wohnt in der Hauptstraße 5a, 10115 Berlin",
    'billing_address: "Calle Mayor 23, 28013 Madrid"', "Lieferadresse: Am Markt 3",
    "PLZ/Ort: 80331 München", "zip code: 90210", "return address = 88 Kingsway, London WC2B 6AA",
    "vis à 3 bis, rue Victor Hugo", "homeaddress: Storgatan 23, 114 55 Stockholm",
    'street_address="221B Baker Street"', "address_line1: 5", "SSN 123-45-6789",
    "card 4111 1111 1111 1111", "IBAN DE89 3704 0044 0532 0130 00", "call +44 20 7946 0958",
    "born 04/07/1985", "DOB: 1985-07-04", "ip 192.168.0.12", "fe80::1ff:fe23:4567:890a", "Mr. John Smith",
    "Dear Ms Müller,", "Name: Ana García", "From: Bob Stone <bob@example.org>", "password=hunter2x9",
    "token ghp_0123456789abcdefABCDEF0123456789abcd", "PO Box 4471", "ul. Długa 17/3",
    "Carrera 43A # 1-50", "Bagdat Caddesi No: 215 D: 6", "ADDRESS: 1 MAIN STREET",
    "Straße/Hausnr.: Ulmenweg 2", "Antwort: Bello", "version 2.3.14 build 7", "order #4471-22",
    "İstanbul", "\u017ftreet", "K", "\xa0", "\t", "\n\n", " | ", ";",
)  # fmt: skip


def dev_texts() -> list[str]:
    texts = []
    for name in SETS:
        path = ROOT / "bench" / "policy" / name
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return texts


def generated(dev: list[str], count: int = 1500) -> list[str]:
    """Stream-chunk-sized slices of dev texts (1-80 characters, as an answer arrives), joins of two
    texts, case changes, and runs of the fragments above with random separators."""
    rng = random.Random(8)
    out = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            text = rng.choice(dev)
            start = rng.randrange(len(text) or 1)
            out.append(text[start : start + rng.randint(1, 80)])
        elif kind == 1:
            out.append(rng.choice(dev) + rng.choice(("\n", " ", ", ", "\n\n")) + rng.choice(dev))
        elif kind == 2:
            text = rng.choice(dev)
            out.append(text.upper() if rng.random() < 0.5 else text.title())
        else:
            parts = [rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 6))]
            out.append("".join(p + rng.choice((" ", ", ", "\n", ". ", "; ", "")) for p in parts))
    return out


@functools.cache
def texts() -> tuple[str, ...]:
    dev = dev_texts()
    return tuple(dev + generated(dev))


def key(detector: Detector) -> str:
    scan = detector.scan
    return f"{detector.type}:{scan.__module__}.{_qualname(scan)}"


def _qualname(scan: object) -> str:
    """The scan's `__qualname__`; a closure compiled by mypyc has none, its class is named
    `<inner>_<outer>_obj` (e.g. `scan__literal_obj` for `_literal.<locals>.scan`): the recorded key
    is rebuilt from it (a wrong rebuild fails the recorded detector list, it cannot pass silently)."""
    name = getattr(scan, "__qualname__", None)
    if isinstance(name, str):
        return name
    inner, _, outer = type(scan).__name__.removesuffix("_obj").partition("_")
    return f"{outer}.<locals>.{inner}"


def spans(engine: PolicyEngine, text: str) -> dict[str, list[list[object]]]:
    """Each detector's findings (gates applied, as the engine runs it), and the engine's own."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    words = set(text.split())
    out: dict[str, list[list[object]]] = {}
    for d in engine._detectors:
        if all(gate(text, lower) for gate in d.gates):
            found = [[f.type, f.start, f.end, f.score] for f in d.scan(text, lower, words)]
            if found:
                out[key(d)] = found
    out["engine"] = [[f.type, f.start, f.end, f.score] for f in engine.scan(text)]
    return out


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def write() -> None:
    # the default detectors (the name recognizer is a tenant's opt-in, and its spans are not pinned)
    engine = PolicyEngine(EXISTING_DETECTORS)
    record = {
        "detectors": [key(d) for d in engine._detectors],
        "texts": [[digest(t), spans(engine, t)] for t in texts()],
    }
    FIXTURE.write_bytes(gzip.compress(json.dumps(record, separators=(",", ":")).encode(), mtime=0))


if __name__ == "__main__" and "--write" in sys.argv:
    write()
