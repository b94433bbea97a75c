"""The person-name lexicon precomputed in one file (`lexicon.json`), read at about half the CPU of
building it from the word lists (cold start: an instance's first scan waits for it).

`person_score.lexicon()` uses the file when the word lists it was compiled from are unchanged (each
one's size and CRC-32, checked at load for ~2% of its cost); otherwise it builds the lexicon from the
lists as before, so an edited list is never ignored, only slower to load until
`python -m dev.names.compile_lexicon` rewrites the file (`tests/unit/test_lexicon_file.py` fails
while it is stale). The file holds the five lists and the two derived sets that cost Python loops to
compute (the names that are no seed, the lower-case seeds); the union of given names and surnames is
taken at load, in C. The common words, foreign words and places (~60% of the file) are parsed when
first read (`_DEFERRED`): most texts stop at the seeds.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import orjson

from shared.longlived import settle
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


# Read on first use: ~60% of the file, and most texts never need them. The person detector's first step
# (`candidate_tokens`) needs only the seeds, and for most texts (9 of 10 typical prompts, the cold-start
# probe among them) it finds none and stops there; these sets are read by the first text that goes on.
_DEFERRED = ("common", "places", "foreign")
_FIELDS = frozenset({"version", "sources", "given", "surnames", "not_seeds", "lower_seeds", *_DEFERRED})


def deferred(lexicon: Lexicon, name: str) -> frozenset[str]:
    """A `_DEFERRED` set of a lexicon `load` made, parsed on its first read (then a plain attribute):
    `Lexicon.__getattr__`, which Python calls only for an attribute the instance does not have yet."""
    # `_raw` first: it is dropped only after the sets are set, so if it is gone now, they are there
    # (a policy scan may run on a worker thread: PolicyStage's offload of large bodies)
    raw: dict[str, bytes] | None = vars(lexicon).get("_raw")  # the deferred fields' JSON, until parsed
    found: frozenset[str] | None = vars(lexicon).get(name)  # set by another thread meanwhile
    if found is not None:
        return found
    if raw is None or name not in raw:
        raise AttributeError(name)
    # parsed whole before any is set: a thread racing here parses again and sets the same values
    vars(lexicon).update({key: frozenset(orjson.loads(value)) for key, value in raw.items()})
    vars(lexicon).pop("_raw", None)
    # they live as long as the instance: out of the collector's full passes, as the rest of the
    # lexicon after its load (~12.8 ms per full collection otherwise; shared/longlived.py)
    settle()
    value: frozenset[str] = vars(lexicon)[name]
    return value


def _fields(data: bytes) -> dict[str, bytes] | None:
    """The file's fields, unparsed: `compile_lexicon` writes one `"key":value` per line."""
    lines = data.split(b"\n")
    if lines[:1] != [b"{"]:
        return None
    out = {}
    for line in lines[1:]:
        key, colon, value = line.rstrip(b",").partition(b":")
        if colon:
            out[orjson.loads(key)] = value
    return out


def load(directory: Path = _HERE) -> Lexicon | None:
    """The compiled lexicon, or None when there is none or its word lists have changed since."""
    try:
        fields = _fields((directory / FILE).read_bytes())
    except FileNotFoundError:
        return None
    if fields is None or not fields.keys() >= _FIELDS:
        return None
    if orjson.loads(fields["version"]) != _VERSION:
        return None
    if orjson.loads(fields["sources"]) != fingerprint(directory):
        return None
    given, surnames = frozenset(orjson.loads(fields["given"])), frozenset(orjson.loads(fields["surnames"]))
    names = given | surnames
    lexicon = Lexicon.__new__(Lexicon)  # the attributes Lexicon.__init__ sets, precomputed
    vars(lexicon).update(
        given=given,
        surnames=surnames,
        names=names,
        seeds=names - frozenset(orjson.loads(fields["not_seeds"])),
        lower_seeds=frozenset(orjson.loads(fields["lower_seeds"])),
        _raw={key: fields[key] for key in _DEFERRED},
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
