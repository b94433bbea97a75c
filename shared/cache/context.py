"""Backstory before a question about a concept, for the semantic hit decision (`decision.py`).

'I'm new to the procurement team, so apologies if this is obvious. What is three-way matching?' asks
what 'What is three-way matching?' asks: the answer to a question about what a term means does not
depend on who asks or why. So when a question is **definitional** ('what is a/an X', 'what is X' with
no article, 'what does X mean', 'what's the difference between', 'define/explain X'; 'was ist ein',
'was bedeutet'; 'qu'est-ce qu'un', 'que signifie'; 'qué es un', 'qué significa') and impersonal (no
I/my/we/our/you in it), the clauses before it that talk about the asker (a first-person word: 'I',
'my', 'ich', 'je', 'mi') or are answer-neutral (`filler.filler_clause`: 'Hi!', 'Quick question') are
dropped.

Never dropped: backstory before a question about a procedure, a policy, a fact of the company or a
value ('I'm a contractor. How many vacation days do I get?', 'I'm travelling to Tokyo. What is the per
diem?', 'What is *the* notice period?'), a clause after the question, a clause without a first-person
word ('In finance, what is a bond?' narrows the sense), and any clause holding a number, identifier,
symbol, name, negation, comparative, quantifier or an output format or language word ('explain it
simply', 'in German', 'as a table'): those can change the answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shared.cache import lexicon as lx
from shared.cache.filler import filler_clause
from shared.cache.frame import strip_frame
from shared.cache.tokens import tokens

__all__ = ["COMPARISON", "FIRST_PERSON", "FORMAT_WORDS", "TIME_ADVERBS", "strip_context"]

_NOT_THE = {
    "en": r"(?!(?:the|my|our|your|their|his|her|its|this|that|these|those)\b)",
    "de": r"(?!(?:der|die|das|den|dem|mein|meine|unser|unsere|dein|deine|ihr|ihre|dieser|diese|dieses)\b)",
    "es": r"(?!(?:el|la|los|las|mi|mis|nuestro|nuestra|su|sus|tu|tus|este|esta)\b)",
}
_DEFINITIONAL = {
    lang: re.compile(lx.fold(source))
    for lang, source in {
        "en": r"^\W*(?:what(?:'s| is| are) (?:an? )?" + _NOT_THE["en"] + r"|what does .+ (?:mean|stand for)\b"
        r"|what is meant by|what(?:'s| is) the (?:difference|distinction) between"
        r"|what(?:'s| is| are) the (?:meaning|definition) of|(?:define|explain) " + _NOT_THE["en"] + r")",
        "de": r"^\W*(?:was (?:ist|sind) (?:ein|eine|einen)? ?" + _NOT_THE["de"] + r"|was bedeutet"
        r"|was versteht man unter|was ist der unterschied zwischen|(?:erkläre|erklären sie) "
        + _NOT_THE["de"]
        + r")",
        "fr": r"^\W*(?:qu'?est-ce qu(?:e |')(?:un |une |l'|le |la |les )?|que (?:signifie|veut dire)"
        r"|c'est quoi (?:un|une)\b|quelle est la différence entre|qu'appelle-t-on)",
        "es": r"^\W*(?:qué (?:es|son) (?:un |una |unos |unas )?" + _NOT_THE["es"] + r"|qué significa"
        r"|qué quiere decir|cuál es la diferencia entre)",
    }.items()
}
# 'What's a good gift idea?', 'Was ist ein gutes Rezept?': an evaluative adjective after the article asks
# for a recommendation, not a definition, and a recommendation depends on who asks.
_RECOMMENDATION = {
    lang: re.compile(lx.fold(source))
    for lang, source in {
        "en": r"^\W*what(?:'s| is| are) (?:an? |some )?(?:\w+ )?(?:good|great|nice|decent|fun|easy|quick"
        r"|simple|healthy|safe|cheap|affordable|reasonable|suitable|appropriate|ideal)\b",
        "de": r"^\W*was (?:ist|sind) (?:ein|eine|einen)? ?(?:gute|guter|gutes|guten|schöne|schöner|schönes"
        r"|einfache|einfacher|einfaches|günstige|günstiger|günstiges)\b",
        "fr": r"^\W*(?:qu'?est-ce qu(?:e |')(?:un |une )|c'est quoi (?:un|une) )(?:bon|bonne|bons|bonnes"
        r"|chouette|simple|facile)\b",
        "es": r"^\W*qué (?:es|son) (?:un |una |unos |unas )?(?:buen|buena|buenos|buenas|bonito|bonita"
        r"|fácil|sencillo|sencilla)\b",
    }.items()
}
_CLAUSE = re.compile(r"(?<=[.!?;:,])\s+|\s+[\u2014\u2013-]\s+")  # punctuation, or a dash between spaces
FIRST_PERSON = {
    "en": frozenset(["i", "me", "my", "we", "our", "us", "i'm", "i've", "i'd", "myself"]),
    "de": frozenset(
        ["ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "wir", "uns", "unser", "unsere"]
    ),
    "fr": frozenset(["je", "j", "me", "m", "moi", "mon", "ma", "mes", "nous", "notre", "nos"]),
    "es": frozenset(["yo", "me", "mi", "mis", "nosotros", "nos", "nuestro", "nuestra", "soy", "estoy"]),
}
_YOU = {
    "en": frozenset(["you", "your"]),
    "de": frozenset(["du", "dein", "deine", "sie", "ihr", "ihre"]),
    "fr": frozenset(["tu", "ton", "ta", "tes", "vous", "votre", "vos"]),
    "es": frozenset(["tú", "tu", "tus", "usted", "su"]),
}
# Words that ask for a different answer wherever they stand: output format, length, audience level,
# language. A clause holding one is never dropped.
FORMAT_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(lx.fold(w) for w in words.split())
    for lang, words in {
        "en": "simple simply simpler plain short shorter brief briefly detail detailed details table list "
        "bullet bullets bulleted example examples summary summarize sentence sentences paragraph words "
        "word steps step child kid kids layman beginner beginners technical formal informal json yaml "
        "csv markdown diagram chart english german french spanish language format eli5 tldr",
        "de": "einfach einfache kurz kurze knapp ausführlich detailliert tabelle liste stichpunkte beispiel "
        "beispiele zusammenfassung satz sätzen absatz wörter kind kinder laien englisch deutsch französisch "
        "spanisch sprache format",
        "fr": "simple simplement simples court courte bref brève brièvement détaillé détaillée tableau liste "
        "puces exemple exemples résumé phrase phrases paragraphe mots enfant enfants anglais allemand "
        "français espagnol langue format",
        "es": "simple sencillo sencilla corto corta breve detallado detallada tabla lista viñetas ejemplo "
        "ejemplos resumen frase frases párrafo palabras niño niños inglés alemán francés español idioma "
        "formato",
    }.items()
}
COMPARISON = frozenset(
    lx.fold(w)
    for w in [
        "best",
        "worst",
        "better",
        "worse",
        "more",
        "most",
        "less",
        "least",
        "beste",
        "besten",
        "besser",
        "schlechter",
        "meilleur",
        "meilleure",
        "pire",
        "plus",
        "moins",
        "mejor",
        "peor",
        "más",
        "menos",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Time adverbs a narrative about the asker may hold ('I'm still learning', 'I just joined'), and
# 'some'; 'already' stays out ('I already tried the portal' says what not to answer).
TIME_ADVERBS = frozenset(["just", "still", "yet", "again", "next", "last", "first", "also", "too", "some"])


def _definitional(clause: str, lang: str) -> bool:
    bare = strip_frame(clause, lang)  # 'could you explain what deferred revenue is'
    folded = lx.fold(bare.casefold())
    words = set(_WORD.findall(folded))
    if words & (FIRST_PERSON[lang] | _YOU[lang]) or words & FORMAT_WORDS[lang]:
        return False
    if _RECOMMENDATION[lang].search(folded):
        return False
    if _DEFINITIONAL[lang].search(folded):
        return True
    return (
        lang == "en"
        and re.match(r"^\W*what (?!the |my |our |your )[\w' -]+ (?:is|are)\W*$", folded) is not None
    )


def _backstory(clause: str, lang: str) -> bool:
    """A clause about the asker with nothing in it that could change the answer."""
    folded = lx.fold(clause.casefold())
    words = set(_WORD.findall(folded))
    if "?" in clause or not words & FIRST_PERSON[lang]:
        return False
    if words & FORMAT_WORDS[lang] or words & COMPARISON:
        return False
    for token in tokens(clause, lang):
        if token.kind != "word" or token.entity or token.acronym:
            return False
        if token.text in lx.NEGATIONS[lang]:
            return False
        if token.text in lx.QUANTIFIERS[lang] and token.text not in TIME_ADVERBS:
            return False
    return True


def _greeting(clause: str, lang: str) -> bool:
    """A short clause of grammar and formula companions only ('Hey,', 'Hi!', 'Petite question rapide,')."""
    seen = tokens(clause, lang)
    return len(seen) <= 4 and all(
        t.kind == "word" and (t.ignorable or t.text in lx.FILLER_WORDS[lang]) for t in seen
    )


@lru_cache(maxsize=4096)
def strip_context(text: str, lang: str) -> str:
    """`text` without the backstory before a definitional question (unchanged otherwise)."""
    if lang not in _DEFINITIONAL:
        return text
    clauses = [c for c in _CLAUSE.split(text.strip()) if c.strip()]
    if len(clauses) < 2:
        return text
    for k in range(1, len(clauses)):
        if _definitional(clauses[k], lang):
            if all(_backstory(c, lang) or filler_clause(c, lang) or _greeting(c, lang) for c in clauses[:k]):
                return " ".join(clauses[k:])
            return text
    return text
