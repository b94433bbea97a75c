"""Crafted inputs against the policy engine's cost: `python -m bench.policy_adversarial`.

The ingress scans every prompt part (up to 10 MB) and the log scrubber every log line, so a detector
whose cost grows with the square of its input lets one tenant's crafted prompt burn seconds of an
instance's CPU. For every detector in the registry (run directly, gates skipped, so each is measured
on every case), for `PolicyEngine.scan`, the injection screen and `shared.log.scrub`, this builds
inputs from cue words (the literals the detectors' patterns use, plus a curated list) repeated with
and without separators, long runs of one character class after a cue, many lines and deep nesting,
at two sizes, measures in-process thread CPU at both, and prints the worst cases by ratio (linear
~4x for 4x the size, quadratic ~16x) with the absolute time at the larger size.

Every run is bounded: each case is first timed at 1/8 of the small size; one whose time there (or at
the small size) predicts more than `--budget` seconds at the next size if quadratic is not run at it
(reported as `skipped`, with the small time or the probe's x 64). Thread CPU, not wall time:
the machine is shared. Small texts are timed `--repeat` times (the minimum is kept).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shared.log import scrub
from shared.policy import (
    addresses,
    detectors,
    name_fields,
    name_forms,
    name_tables,
    names,
    secrets_cued,
    secrets_forms,
    secrets_nearby,
)
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine
from shared.policy.recognizer import RECOGNIZER_DETECTORS

# cue words the gates and patterns read (the regex literals below add the rest)
CURATED = (
    "key",
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "auth",
    "bearer",
    "basic",
    "cookie",
    "set-cookie",
    "session",
    "sid",
    "jwt",
    "eyJ",
    "ssh-rsa",
    "-----BEGIN",
    "AKIA",
    "ghp_",
    "sk-",
    "xoxb-",
    "AIza",
    "http://",
    "https://",
    "www.",
    "@",
    "mailto:",
    "iban",
    "DE89",
    "GB",
    "card",
    "4111",
    "ssn",
    "phone",
    "tel",
    "tel:+",
    "%2B44+",
    "0176 / ",
    "+44",
    "+1",
    "(555)",
    "street",
    "st.",
    "road",
    "ave",
    "avenue",
    "strasse",
    "rue",
    "via",
    "calle",
    "apt",
    "suite",
    "zip",
    "postcode",
    "dob",
    "D0B",
    "(b. ",
    "(* ",
    "naiss.",
    "twenty-first of ",
    "born",
    "birthday",
    "BDAY:1985",  # thirteenth session: vCard properties, compact dates, phone columns, "+" after a label
    "bday=",
    "TEL;TYPE=CELL:",
    "item1.TEL",
    "TEL:+1 617 555 01",
    "phone,dob\n",
    "| Mobil |\n",
    "No. +1 646 555 ",
    "+4915112345",
    "12MAR",
    "key-3f9a2c7e1b4d6f8a",
    "WLAN-Schlüssel,",
    "Witness: Mr.",  # a lone title per finding (mid-round review: the title filter compared lists)
    "password\nx,",
    "password: process.env.",
    'wifi "a","b","c"\n',
    "name",
    "first name",
    "last name",
    "surname",
    "mr.",
    "dr.",
    "mrs",
    "dear",
    "hi",
    "from:",
    "to:",
    "cc:",
    "signed",
    "user",
    "username",
    "login",
    "email",
    "ip",
    "192.168.",
    "inet 10.0.0.1/",
    "10.0.0.1:",
    "::",
    "fe80::",
    "mac",
    "00:1a:",
    "passport",
    "license",
    "vin",
    "curl -u",
    "machine h login u password ",
    ".pgpass\nh:5432:d:u:",
    "combo ",
    "code 4-7-",
    "duress code 3 9 ",
    "door code 1234. the code ",
    "account aB3dE5fG7hJ9kL ",
    "root / ",
    "zugang",
    "1234567890:AA",
    "/recover?u=a&",
    "?access_code=",
    "$2b$12$",
    "--password",
    "-p",
    "wifi",
    "WIFI:",
    "mnemonic",
    "seed",
    "phrase",
    "ignore",
    "previous",
    "instructions",
    "system",
    "prompt",
    "you are",
    "base64",
    "|",
    ",",
    "\t",
    "{",
    "[",
    "<",
    '"',
    "'",
    "=",
    ":",
    "GET /",
    "HTTP/1.1",
    "Jan",
    "2024-",
    "12/",
    "Smith",
    "Maria",
    "Müller",
    "Doe",
    "John",
    "Anna",
    "O'",
    "van",
    "de",
    "ZHANG",  # a passenger name's surname: "ZHANG/WEI MR" (name_forms._pnr_names, with the "/" separator)
    "WEI MR",
    "Fahrer Tobias",  # a capitalized cue before every name: the cue run is bounded (person_score._RUN_AT)
    "lena",  # a lower-case given name: each occurrence a candidate run (person_score._few_capitals)
    "lena.hartmann",  # a user name built from a name: a dot between two name parts
    "m.brandt",
)
SEPARATORS = ("", "_", "-", "=", ":", " ", "\n", ",", "|", "1", '"', "(", ".", "/", "@")
RUN_CLASSES = ("a", "A", "7", "aB3", " ", "_", "-", ".", "=", "/", "+", "é", "Ab ")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[int], str]  # the text of about `size` characters


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _pattern_literals() -> list[str]:
    """Alphabetic literals (3-12 letters) of the detector modules' compiled patterns."""
    found: dict[str, None] = {}
    for module in (
        detectors,
        addresses,
        names,
        name_fields,
        name_forms,
        name_tables,
        secrets_cued,
        secrets_forms,
        secrets_nearby,
    ):
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                for word in re.findall(r"(?<![\\a-zA-Z])[a-zA-Z]{3,12}(?![a-zA-Z])", value.pattern):
                    found.setdefault(word.lower(), None)
    return list(found)


def cases(literal_limit: int) -> Iterator[Case]:
    cues = list(dict.fromkeys([*CURATED, *_pattern_literals()[:literal_limit]]))
    for cue in cues:
        for sep in SEPARATORS:
            unit = cue + sep
            yield Case(f"({cue!r}+{sep!r})*n", lambda size, unit=unit: _repeat(unit, size))
        for run in RUN_CLASSES:
            yield Case(f"{cue!r} + {run!r}*n", lambda size, cue=cue, run=run: cue + " " + _repeat(run, size))
        yield Case(f"{cue!r}+{cue!r}*n", lambda size, cue=cue: cue + _repeat("_" + cue, size))
    # many short lines, and deep nesting of JSON-ish forms
    lines = ("pin,a1", "a|b|c", "name: x", "Name: John Smith", "key=value", "- [ ] x", "> a: b", "Olu: ok")
    for line in (*lines, "14:02 - Marta: ok", 'full_name=Ana+Ruiz&client="Ana Ruiz"'):
        yield Case(f"({line!r}+'\\n')*n", lambda size, line=line: _repeat(line + "\n", size))
    for opener, closer in (("{", "}"), ("[", "]"), ('{"a":', "}"), ('{"password":', "}"), ("(", ")")):
        yield Case(
            f"{opener!r}*n+{closer!r}*n",
            lambda size, o=opener, c=closer: _repeat(o, size // 2) + _repeat(c, size // 2),
        )


Target = Callable[[str], object]
_WHOLE = ("engine.scan", "injection.screen", "log.scrub")  # timed on every case


def targets(engine: PolicyEngine) -> list[tuple[str, Target]]:
    out: list[tuple[str, Target]] = [
        ("engine.scan", engine.scan),
        ("injection.screen", engine.screen),
        ("log.scrub", scrub),
    ]
    for index, det in enumerate(EXISTING_DETECTORS + RECOGNIZER_DETECTORS):
        scan = det.scan

        def run(text: str, scan=scan) -> object:
            from shared.policy.detectors import ScanWords

            return list(scan(text, text.lower(), ScanWords(text.split())))

        label = getattr(scan, "__name__", "scan")
        out.append((f"{det.type}:{label}#{index}", run))
    return out


def cpu(target: Target, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()
        target(text)
        best = min(best, time.thread_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=8_192)
    parser.add_argument("--large", type=int, default=32_768)
    parser.add_argument("--budget", type=float, default=2.0, help="seconds a large run may take")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--literals", type=int, default=40, help="pattern literals used as cues")
    parser.add_argument("--only", default="", help="run only targets whose label contains this")
    parser.add_argument("--case", default="", help="run only cases whose name contains this")
    parser.add_argument("--floor", type=float, default=0.002, help="ignore cases under this at large")
    parser.add_argument("--suspect", type=float, default=1.6, help="x linear growth that times detectors")
    parser.add_argument("--all", action="store_true", help="time every detector on every case")
    args = parser.parse_args(argv)
    engine = PolicyEngine()
    scale = args.large / args.small
    chosen = [(n, t) for n, t in targets(engine) if args.only in n]
    for _, target in chosen:  # lazy loads (lexicons, models, compiled patterns) outside the timing
        target("Warm-up: Maria Schmidt, password=Xq7!pLm2Rt, https://example.com/?token=abc, Main St 5")
    rows: list[tuple[float, float, float, str, str]] = []  # ratio, small, large, target, case
    all_cases = [c for c in cases(args.literals) if args.case in c.name]
    print(
        f"{len(all_cases)} cases x {len(chosen)} targets, {args.small} -> {args.large} chars", file=sys.stderr
    )
    for number, case in enumerate(all_cases):
        small_text, large_text = case.build(args.small), case.build(args.large)
        suspect = args.all
        for label, target in chosen:
            if not label.startswith(_WHOLE) and not suspect:
                continue  # a detector is timed alone only where a whole path grew superlinearly
            probe = cpu(target, case.build(args.small // 8), 1)  # bounds the small run too
            if probe * 64 > args.budget:
                rows.append((float("inf"), probe * 64, float("nan"), label, case.name))
                suspect = suspect or label.startswith(_WHOLE)
                continue
            small = cpu(target, small_text, args.repeat)
            if small * scale * scale > args.budget:
                rows.append((float("inf"), small, float("nan"), label, case.name))
                suspect = suspect or label.startswith(_WHOLE)
                continue
            large = cpu(target, large_text, 1)
            ratio = large / max(small, 1e-6)
            if label.startswith(_WHOLE) and ratio > args.suspect * scale and large >= args.floor:
                suspect = True
            if large >= args.floor:
                rows.append((ratio, small, large, label, case.name))
        if number % 50 == 0:
            print(f"  {number}/{len(all_cases)}", file=sys.stderr)
    rows.sort(key=lambda r: (-r[0], -(r[2] if r[2] == r[2] else r[1])))
    print(
        f"| ratio {args.large // 1024}K/{args.small // 1024}K | {args.small // 1024} KB s | "
        f"{args.large // 1024} KB s | target | case |"
    )
    print("|---:|---:|---:|---|---|")
    for ratio, small, large, label, name in rows[: args.top]:
        shown = "skipped" if ratio == float("inf") else f"{ratio:.1f}"
        big = "-" if large != large else f"{large:.3f}"
        print(f"| {shown} | {small:.4f} | {big} | {label} | `{name}` |")
    slowest = sorted((r for r in rows if r[2] == r[2]), key=lambda r: -r[2])[:5]
    print("\nslowest at the large size:")
    for ratio, _small, large, label, name in slowest:
        print(f"  {large:.3f} s ({ratio:.1f}x) {label} `{name}`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
