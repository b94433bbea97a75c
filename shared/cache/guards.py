"""Guards against semantic false hits: a close embedding is not the same question.

A neighbour is rejected when the two questions differ in numbers, negation or polarity,
named entities or identifiers, scope words, direction (X to Y vs Y to X), requested format or
language. Each guard is a small signature function; a pair passes only if every one agrees.
Measured on bench/cache/pairs.jsonl: without these, most near-duplicate hits are wrong.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

__all__ = ["GUARDS", "reject_reason"]


def _split(words: str) -> list[str]:
    return words.split()


def _classes(table: dict[str, str]) -> dict[str, str]:
    return {word: name for name, words in table.items() for word in words.split()}


_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d,]*(?:\.\d+)*%?")
_IDENT = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|`[^`]+`|\"[^\"]+\"|(?<!\w)'[^'\s][^']*'"
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # command-line flags
    r"|\b[A-Za-z_]\w*(?:[._/:#]\w+)+\b|/\w[\w./-]*"  # dotted names, paths
    r"|\b\w*\d\w*\b|\b[a-z]+[A-Z]\w*\b|\b[A-Z]{2,}\w*\b|\b\w+_\w+\b"
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
_NUMBER_WORDS.update({"double": 2, "triple": 3, "pair": 2, "couple": 2})
_ORDINALS = {
    w: i + 1 for i, w in enumerate(_split("first second third fourth fifth sixth seventh eighth ninth tenth"))
}
_NEGATION = frozenset(
    _split(
        "not no never none nothing nobody neither nor without cannot can't won't don't doesn't didn't isn't "
        "aren't wasn't weren't shouldn't wouldn't couldn't hasn't haven't hadn't mustn't except excluding "
        "avoid unless lack lacking against non"
    )
)
# Opposites: a question using one side never matches one using the other.
_ANTONYMS = [
    ("like", "hate"), ("love", "hate"), ("like", "dislike"), ("good", "bad"), ("best", "worst"),
    ("pros", "cons"), ("benefits", "risks"), ("benefits", "drawbacks"), ("advantages", "disadvantages"),
    ("include", "exclude"), ("accept", "reject"), ("allow", "deny"), ("allow", "block"),
    ("increase", "decrease"), ("add", "remove"), ("open", "close"), ("start", "stop"), ("buy", "sell"),
    ("win", "lose"), ("hot", "cold"), ("true", "false"), ("up", "down"), ("upgrade", "downgrade"),
    ("import", "export"), ("encrypt", "decrypt"), ("encode", "decode"), ("push", "pull"),
    ("upload", "download"), ("login", "logout"), ("enable", "disable"), ("safe", "dangerous"),
    ("legal", "illegal"), ("possible", "impossible"), ("safe", "unsafe"), ("healthy", "unhealthy"),
    ("friend", "enemy"), ("rich", "poor"), ("cheap", "expensive"), ("easy", "hard"), ("fast", "slow"),
]  # fmt: skip
_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
_SCOPE = _classes(
    {
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
        "average": "average median typical",
        "latest": "latest newest recent current",
        "oldest": "oldest earliest original",
        "last": "last final",
        "next": "next upcoming",
        "previous": "previous prior",
        "more": "more increase higher greater above",
        "less": "less fewer decrease lower below",
        "before": "before",
        "after": "after",
        "hourly": "hourly",
        "daily": "daily",
        "weekly": "weekly",
        "monthly": "monthly",
        "yearly": "yearly annual annually",
    }
)
_PER = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}
_NOT_SUPERLATIVE = frozenset(
    _split(
        "interest test request forest honest suggest contest digest invest harvest protest manifest earnest "
        "modest arrest chest quest pest vest zest crest attest detest rest west guest nest best est "
        "latest unrest conquest"
    )
)
_FORMAT = _classes(
    {
        "json": "json",
        "yaml": "yaml yml",
        "xml": "xml",
        "csv": "csv",
        "table": "table tabular",
        "markdown": "markdown",
        "html": "html",
        "list": "bullet bullets bulleted numbered",
        "code": "code snippet script",  # `code` after status/error/... is not a format
        "sql": "sql",
        "regex": "regex regexp",
        "paragraph": "paragraph paragraphs",
        "sentence": "sentence sentences one-line",
        "brief": "brief concise briefly quick",
        "long": "detailed thorough thoroughly depth elaborate",
        "summary": "summary summarize summarise tldr",
        "poem": "poem haiku limerick sonnet verse",
        "story": "story",
        "email": "email letter memo",
        "tweet": "tweet",
        "essay": "essay",
        "diagram": "diagram chart graph",
        "steps": "step-by-step",
        "example": "example examples",
        "timeline": "timeline",
        "eli5": "eli5 child kid",
    }
)
_LANGUAGES = frozenset(
    _split(
        "english french spanish german italian portuguese dutch russian chinese mandarin cantonese japanese "
        "korean arabic hindi turkish polish swedish norwegian danish finnish greek hebrew thai vietnamese "
        "indonesian ukrainian czech romanian hungarian latin bengali urdu persian swahili"
    )
)
# Function words that tell Latin-script languages apart (a question's own language, not one it names).
_FUNCTION_WORDS = {
    "en": "the is are what how why which who of and to in do does can i you",
    "fr": "le la les est sont quel quelle quels comment pourquoi qui de des et à en je vous il-est une un",
    "es": "el la los las es son qué cuál cómo por porqué quién de del y en se una un",
    "de": "der die das ist sind was wie warum wer von und zu im ich sie ein eine nicht",
    "it": "il lo la gli le è sono che cosa come perché chi di del e in una un",
    "pt": "o a os as é são que qual como porque quem de do da e em uma um",
    "nl": "de het is zijn wat hoe waarom wie van en te in ik een niet",
}
_FUNCTION = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_DIRECTION = frozenset(_split("to into than vs versus towards toward from lent owes owe gave sent"))
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
            found[f"{_NUMBER_WORDS[word]:g}"] += 1
        elif word in _ORDINALS:
            found[f"#{_ORDINALS[word]}"] += 1
    return found


def negation(text: str) -> int:
    return sum(1 for w in _words(text) if w in _NEGATION or w.endswith("n't"))


def _polarity_conflict(a: str, b: str) -> bool:
    """Antonyms across the pair (like/hate), or a word negated by prefix (safe/unsafe)."""
    wa, wb = set(_words(a)), set(_words(b))
    for x, y in _ANTONYMS:
        if (x in wa and y in wb and y not in wa) or (y in wa and x in wb and x not in wa):
            return True
    for one, other in ((wa, wb), (wb, wa)):
        for word in one - other:
            for prefix in _NEG_PREFIXES:
                stem = word[len(prefix) :]
                if word.startswith(prefix) and len(stem) >= 4 and stem in other and stem not in one:
                    return True
    return False


def entities(text: str) -> frozenset[str]:
    """Proper nouns (capitalized words not opening a sentence) and identifiers (code, ids, URLs)."""
    found = {m.group().strip("`\"'").lower() for m in _IDENT.finditer(text)}
    sentence_start = True
    for match in re.finditer(r"\S+", text):
        token = match.group()
        clean = token.strip("()[]{},;:!?\"'`").rstrip(".")
        if clean[:1].isupper() and not sentence_start and clean.lower() not in _STOP:
            found.add(clean.lower().removesuffix("'s").removesuffix("\u2019s"))
        sentence_start = token.endswith((".", "?", "!", ":")) and not _IDENT.fullmatch(clean)
    return frozenset(e for e in found if e and not _NUMBER.fullmatch(e) and e not in _LANGUAGES)


def scope(text: str) -> frozenset[str]:
    words = _words(text)
    found = {_SCOPE[w] for w in words if w in _SCOPE}
    found |= {_PER[b] for a, b in itertools.pairwise(words) if a in ("per", "a", "each") and b in _PER}
    found |= {
        w for w in words if w.endswith("est") and len(w) > 5 and w not in _NOT_SUPERLATIVE and w not in _SCOPE
    }
    return frozenset(found)


_CODE_NOUNS = frozenset(_split("status error exit return zip postal country area source http promo discount"))


def fmt(text: str) -> frozenset[str]:
    words = _words(text)
    return frozenset(
        _FORMAT[w]
        for i, w in enumerate(words)
        if w in _FORMAT and not (w == "code" and i > 0 and words[i - 1] in _CODE_NOUNS)
    )


def language(text: str) -> tuple[frozenset[str], str]:
    """Languages named in the question, and the dominant script it is written in."""
    scripts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            scripts[name.split(" ")[0] if name else "?"] += 1
    script = scripts.most_common(1)[0][0] if scripts else ""
    words = _words(text)
    guess = ""
    if script == "LATIN":
        scores = {lang: sum(1 for w in words if w in table) for lang, table in _FUNCTION.items()}
        best = max(scores.values())
        leaders = [lang for lang, score in scores.items() if score == best]
        guess = leaders[0] if best and len(leaders) == 1 else ("en" if scores["en"] == best else "?")
    return frozenset(w for w in words if w in _LANGUAGES), f"{script}:{guess}"


def _entity_order(text: str) -> list[str]:
    order = []
    for match in re.finditer(r"\S+", text):
        clean = match.group().strip("()[]{},;:!?\"'`").rstrip(".").lower().removesuffix("'s")
        if clean in entities(text) and clean not in order:
            order.append(clean)
    return order


def _direction_conflict(a: str, b: str) -> bool:
    """Two words on either side of a directional word in one question, swapped in the other:
    'Celsius to Fahrenheit' vs 'Fahrenheit to Celsius', 'A bigger than B' vs 'B bigger than A'."""
    wa, wb = _words(a), _words(b)
    first_b: dict[str, int] = {}
    for i, word in enumerate(wb):
        first_b.setdefault(word, i)
    shared = [w for w in dict.fromkeys(wa) if w in first_b and w not in _STOP and w not in _DIRECTION]
    cues = [i for i, w in enumerate(wa) if w in _DIRECTION]
    if not cues or len(shared) < 2:
        return False
    position = {w: wa.index(w) for w in shared}
    for cue in cues:
        before = [w for w in shared if position[w] < cue]
        after = [w for w in shared if position[w] > cue]
        if before and after:
            x = max(before, key=position.__getitem__)  # the nearest shared word on each side
            y = min(after, key=position.__getitem__)
            if first_b[x] > first_b[y]:
                return True
    return False


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
    if _polarity_conflict(query, neighbour):
        return "negation"
    if _direction_conflict(query, neighbour) or _direction_conflict(neighbour, query):
        return "direction"
    order = _entity_order(query)
    if len(order) >= 2 and order != _entity_order(neighbour):  # "A when B" vs "B when A"
        return "direction"
    return None
