"""The person-name lexicon precomputed in one file (`lexicon.json`), read at about half the CPU of
building it from the word lists (cold start: an instance's first scan waits for it).

`person_score.lexicon()` uses the file when the word lists it was compiled from are unchanged (each
one's size and CRC-32, checked at load for ~2% of its cost); otherwise it builds the lexicon from the
lists as before, so an edited list is never ignored, only slower to load until
`python -m dev.names.compile_lexicon` rewrites the file (`tests/unit/test_lexicon_file.py` fails
while it is stale). The file holds the five lists and the two derived sets that cost Python loops to
compute (the names that are no seed, the lower-case seeds); the union of given names and surnames is
taken at load, in C.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import orjson

from shared.policy.person_score import Lexicon, read_lexicon

__all__ = ["SOURCES", "compile_lexicon", "fingerprint", "load", "write"]

SOURCES = ("given_names.txt", "surnames.txt", "common_words.txt", "places.txt", "foreign_words.txt")
FILE = "lexicon.json"
_VERSION = 2
_HERE = Path(__file__).resolve().parent


def fingerprint(directory: Path = _HERE) -> dict[str, list[int]]:
    """Each word list's size and CRC-32: what the compiled file must have been built from."""
    out = {}
    for name in SOURCES:
        data = (directory / name).read_bytes()
        out[name] = [len(data), zlib.crc32(data)]
    return out


def load(directory: Path = _HERE) -> Lexicon | None:
    """The compiled lexicon, or None when there is none or its word lists have changed since."""
    try:
        data: dict[str, Any] = orjson.loads((directory / FILE).read_bytes())
    except FileNotFoundError:
        return None
    if data.get("version") != _VERSION or data.get("sources") != fingerprint(directory):
        return None
    given, surnames = frozenset(data["given"]), frozenset(data["surnames"])
    names = given | surnames
    lexicon = Lexicon.__new__(Lexicon)  # the attributes Lexicon.__init__ sets, precomputed
    vars(lexicon).update(
        given=given,
        surnames=surnames,
        common=frozenset(data["common"]),
        places=frozenset(data["places"]),
        foreign=frozenset(data["foreign"]),
        names=names,
        seeds=names - frozenset(data["not_seeds"]),
        lower_seeds=frozenset(data["lower_seeds"]),
    )
    return lexicon


def compile_lexicon(lexicon: Lexicon, directory: Path = _HERE) -> bytes:
    """The file's bytes for `lexicon` (built from the word lists in `directory`): one key per line."""
    fields = {
        "version": _VERSION,
        "sources": fingerprint(directory),
        "given": sorted(lexicon.given),
        "surnames": sorted(lexicon.surnames),
        "common": sorted(lexicon.common),
        "places": sorted(lexicon.places),
        "foreign": sorted(lexicon.foreign),
        "not_seeds": sorted(lexicon.names - lexicon.seeds),
        "lower_seeds": sorted(lexicon.lower_seeds),
    }
    lines = [orjson.dumps(key) + b":" + orjson.dumps(value) for key, value in fields.items()]
    return b"{\n" + b",\n".join(lines) + b"\n}\n"


def write(directory: Path = _HERE) -> Path:
    """Rebuild the file from the word lists in `directory` (dev/names/compile_lexicon.py)."""
    path = directory / FILE
    path.write_bytes(compile_lexicon(read_lexicon(directory), directory))
    return path
