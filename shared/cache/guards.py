"""Guards against semantic false hits: a close embedding is not the same question.

A neighbour is rejected when the two questions differ in numbers, negation, named entities or
identifiers, scope words, direction (X to Y vs Y to X), requested format or language. Each guard
is a small signature function; two questions pass only if every signature is equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

__all__ = ["GUARDS", "reject_reason"]


def _split(words: str) -> list[str]:
    return words.split()


_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d,]*(?:\.\d+)?%?")
_IDENT = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|`[^`]+`|\"[^\"]+\"|'[^'\s][^']*'"
    r"|\b[A-Za-z_][\w]*[._/:#-][\w./:#-]*\w\b|\b\w*\d\w*\b|\b[a-z]+[A-Z]\w*\b|\b[A-Z]{2,}\w*\b"
)
_NUMBER_WORDS: dict[str, float] = {
    w: i
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen twenty"
        )
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000})
_NUMBER_WORDS.update({"million": 10**6, "billion": 10**9, "dozen": 12, "half": 0.5, "twice": 2})
_NUMBER_WORDS.update({"single": 1, "once": 1, "double": 2, "triple": 3, "pair": 2, "couple": 2})
_ORDINALS = {
    w: i + 1 for i, w in enumerate(_split("first second third fourth fifth sixth seventh eighth ninth tenth"))
}
_NEGATION = frozenset(
    _split(
        "not no never none nothing nobody neither nor without cannot can't won't don't doesn't didn't isn't "
        "aren't wasn't weren't shouldn't wouldn't couldn't hasn't haven't hadn't mustn't except excluding "
        "avoid unless lack lacking"
    )
)
_SCOPE_CLASSES = {
    "all": "all every each entire whole everything everyone always",
    "some": "some several few certain sometimes",
    "any": "any anything anyone",
    "only": "only just solely exclusively",
    "most": "most mostly majority",
    "least": "least minimum min smallest lowest fewest",
    "max": "maximum max largest highest biggest greatest",
    "both": "both",
    "either": "either",
    "total": "total sum overall combined",
    "average": "average mean median typical",
    "per": "per each-",
    "latest": "latest newest recent current",
    "oldest": "oldest earliest original",
    "last": "last final",
    "next": "next upcoming",
    "previous": "previous prior",
    "more": "more increase higher greater above over",
    "less": "less fewer decrease lower below under",
    "before": "before",
    "after": "after",
    "daily": "daily day",
    "weekly": "weekly week",
    "monthly": "monthly month",
    "yearly": "yearly annual annually year",
}
_SCOPE = {word: cls for cls, words in _SCOPE_CLASSES.items() for word in words.split()}
_FORMAT_CLASSES = {
    "json": "json",
    "yaml": "yaml yml",
    "xml": "xml",
    "csv": "csv",
    "table": "table tabular",
    "markdown": "markdown",
    "html": "html",
    "list": "list bullet bullets bulleted numbered",
    "code": "code snippet script function",
    "sql": "sql query",
    "regex": "regex regexp",
    "paragraph": "paragraph paragraphs",
    "sentence": "sentence sentences",
    "word": "word words",
    "short": "short brief concise briefly shortly",
    "long": "detailed long thorough depth elaborate",
    "summary": "summary summarize summarise tl;dr tldr",
    "poem": "poem haiku limerick sonnet verse",
    "email": "email letter memo",
    "tweet": "tweet",
    "essay": "essay",
    "diagram": "diagram chart graph",
    "steps": "step-by-step steps",
    "example": "example examples",
    "explain": "explain explanation",
    "eli5": "eli5 child kid simple simply",
}
_FORMAT = {word: cls for cls, words in _FORMAT_CLASSES.items() for word in words.split()}
_LANGUAGES = frozenset(
    _split(
        "english french spanish german italian portuguese dutch russian chinese mandarin cantonese japanese "
        "korean arabic hindi turkish polish swedish norwegian danish finnish greek hebrew thai vietnamese "
        "indonesian ukrainian czech romanian hungarian latin bengali urdu persian swahili"
    )
)
_DIRECTION = frozenset(_split("to into than vs versus towards toward from"))
_STOP = frozenset(
    _split(
        "a an the of in on at for by with and or is are was were be been do does did how what which who whom "
        "whose why when where can could should would will shall may might must i you we they he she it my "
        "your our their me us them this that these those there here please tell give show me about as if "
        "so it's i'm what's how's get make way"
    )
)


def _words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def numbers(text: str) -> Counter[str]:
    found = Counter(m.group().replace(",", "").lstrip("+") for m in _NUMBER.finditer(text))
    for word in _words(text):
        if word in _NUMBER_WORDS:
            found[str(_NUMBER_WORDS[word])] += 1
        elif word in _ORDINALS:
            found[f"#{_ORDINALS[word]}"] += 1
    return found


def negation(text: str) -> int:
    words = _words(text)
    return sum(1 for w in words if w in _NEGATION or w.endswith("n't"))


def entities(text: str) -> frozenset[str]:
    """Proper nouns (capitalized words not opening a sentence) and identifiers (code, ids, URLs)."""
    found = {m.group().strip("`\"'").lower() for m in _IDENT.finditer(text)}
    sentence_start = True
    for match in re.finditer(r"\S+", text):
        token = match.group()
        word = token.strip("()[]{},;:!?\"'`")
        clean = word.rstrip(".")
        if clean[:1].isupper() and not sentence_start and clean.lower() not in _STOP:
            found.add(clean.lower().removesuffix("'s").removesuffix("\u2019s"))
        sentence_start = token.endswith((".", "?", "!", ":")) and not _IDENT.fullmatch(clean)
    return frozenset(e for e in found if e and not e.isdigit() and e not in _LANGUAGES)


def scope(text: str) -> frozenset[str]:
    return frozenset(_SCOPE[w] for w in _words(text) if w in _SCOPE)


def fmt(text: str) -> frozenset[str]:
    return frozenset(_FORMAT[w] for w in _words(text) if w in _FORMAT)


def language(text: str) -> tuple[frozenset[str], str]:
    """Languages named in the question, and the dominant script it is written in."""
    scripts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            scripts[name.split(" ")[0] if name else "?"] += 1
    script = scripts.most_common(1)[0][0] if scripts else ""
    return frozenset(w for w in _words(text) if w in _LANGUAGES), script


def direction(text: str) -> frozenset[tuple[str, str]]:
    """(before, after) content words around each directional word: 'X to Y', 'X than Y'."""
    words = [w for w in _words(text) if w not in _STOP or w in _DIRECTION]
    pairs = set()
    for i, word in enumerate(words):
        if word in _DIRECTION and 0 < i < len(words) - 1:
            before, after = words[i - 1], words[i + 1]
            if before not in _DIRECTION and after not in _DIRECTION:
                pairs.add((before, after))
    return frozenset(pairs)


def _direction_conflict(a: str, b: str) -> bool:
    pa, pb = direction(a), direction(b)
    return any((y, x) in pb for x, y in pa if x != y)


_Signature = Callable[[str], object]

GUARDS: dict[str, _Signature] = {
    "numbers": numbers,
    "negation": negation,
    "entities": entities,
    "scope": scope,
    "format": fmt,
    "language": language,
}


def reject_reason(query: str, neighbour: str) -> str | None:
    """The first guard the pair fails, or None if the neighbour may answer the query."""
    for name, signature in GUARDS.items():
        if signature(query) != signature(neighbour):
            return name
    if _direction_conflict(query, neighbour):
        return "direction"
    return None
