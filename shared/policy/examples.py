"""Sample data is not personal data: a name or address that a form's example, a template or a
placeholder shows ("Example: Jane Smith, 123 Main Street", "Muster: Erika Mustermann", "Ejemplo:
Fulano de Tal") is not masked, while the real values that follow ("My own details: ...", "Echte
Angaben: ...") are. The nearest cue before a value on its line decides."""

from __future__ import annotations

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import any_of
from shared.policy.detectors import Finding

__all__ = ["drop_examples"]

_EXAMPLE = (
    "example", "e.g.", "sample", "placeholder", "template", "dummy", "fake", "beispiel", "muster", "z.b.",
    "exemple", "modèle", "par ex", "ejemplo", "plantilla", "p. ej", "ficticio",
)  # fmt: skip
_CUES = re.compile(  # not inside an e-mail address, a host name or a path ("cgarcia@example.com")
    r"(?<![@./\w-])(?:(?P<example>for example|example|e\.g\.|sample|placeholder|template|dummy|fake|"
    r"beispiel|muster|z\.\s?b\.|"
    r"exemple|modèle|par ex(?:emple)?|ejemplo|plantilla|p\.\s?ej\.|ficticio)"
    r"|(?P<real>real|actual|own|my|echte[n]?|tatsächliche[n]?|meine|réel(?:le)?|vrai(?:e)?|mon|ma|mes|reales|"
    r"verdadero[s]?|mis|mi))(?![\w@/-]|\.[a-z])"
)
# what every `example` alternative of `_CUES` starts with ("for example" holds "example"): a window
# holding none has no example cue, so its last cue (if any) is a real one. `_CUES` tries its two
# alternations at every position of the up to 120 characters before a value (~60 k instructions per
# value on the 2 KB dense PII bench prompt, where "example" occurs in e-mail domains); this test, a few.
_EXAMPLE_ROOTS = any_of(
    "example", "e.g.", "sample", "placeholder", "template", "dummy", "fake", "beispiel", "muster", "z.",
    "exemple", "modèle", "par ex", "ejemplo", "plantilla", "p.", "ficticio",
)  # fmt: skip
_EXAMPLE_AFTER = re.compile(
    r"[ \t]*[(\[][ \t]*(example|exemple|ejemplo|beispiel|sample|muster|placeholder)\b"
)
_PLACEHOLDER_WORDS = frozenset(
    ("Doe", "Mustermann", "Musterfrau", "Musterstadt", "Fulano", "Mengano", "Zutano", "Anytown")
)
_KINDS = ("PERSON", "ADDRESS")


def drop_examples(text: str, lower: str, found: list[Finding]) -> list[Finding]:
    """`found` without the person names and addresses that stand as examples."""
    if not found or all(f.type not in _KINDS for f in found):
        return found  # nothing to drop: no cue tests (most texts, and most findings, are neither)
    if not any(cue in lower for cue in _EXAMPLE) and not any(w in text for w in _PLACEHOLDER_WORDS):
        return found
    return [f for f in found if f.type not in _KINDS or not _is_example(text, lower, f)]


def _is_example(text: str, lower: str, f: Finding) -> bool:
    if any(word in _PLACEHOLDER_WORDS for word in text[f.start : f.end].replace(",", " ").split()):
        return True
    after = _EXAMPLE_AFTER.match(lower, f.end)
    if after is not None and after.group(1) not in ("real", "réel", "réelle", "echt"):
        return True  # "Jean Dupont (exemple)"
    line_start = max(text.rfind("\n", 0, f.start) + 1, f.start - 120)
    if not _EXAMPLE_ROOTS(lower[line_start : f.start]):
        return False  # no example cue before the value on its line
    last = None
    for m in _CUES.finditer(lower, line_start, f.start):
        last = m
    return last is not None and last.lastgroup == "example"
