"""Answer-neutral clauses of a question for the semantic hit decision (`decision.py`): greetings,
thanks, apologies, well-wishing and statements of being stuck that one wording adds and the other
does not ('Hi, hope you're well! How do I reset my VPN password? Thanks in advance for your help.').

A question is cut into clauses at sentence punctuation, commas and 'but'. A clause is dropped when it
holds a discourse anchor (`lexicon.FILLER_ANCHORS`: hope, thanks, sorry, apologies, stuck, confused,
ugh...; or follows a dropped clause: 'Sorry, probably a basic question, but ...') and nothing else
than grammar and the companions of such formulas (`lexicon.FILLER_WORDS`: well, great, help, question,
silly, looked, around...): no number, identifier, name, negation, question word or any other content
word. So 'I'm a contractor.', 'I already tried the portal.', 'My manager is on leave.' or
'Thanks, for last year?' stay (they can change the answer), and a question made only of such clauses
is kept whole. Precision first: backstory with content is never dropped. The first clause is also
dropped when it is a salutation, whatever its addressee: a greeting word and at most two more words
('Dear colleague,', 'Hi there,', 'Hola compañeros,').
"""

from __future__ import annotations

import re
from functools import lru_cache

from shared.cache import lexicon as lx
from shared.cache.tokens import tokens

__all__ = ["filler_clause", "strip_filler"]

_WORD = re.compile(r"[^\W\d_]+")
_FORMULA_WORDS = (
    4  # a clause without an anchor can only be a whole formula ('Have a great day', 'Kind regards')
)
_CLAUSE = re.compile(r"((?<=[.!?;:,])\s+|(?:,\s*|\s+)(?:but|mais|aber|pero)\s+)", re.IGNORECASE)


def filler_clause(clause: str, lang: str, after_anchor: bool = False) -> bool:
    """A clause with an anchor (read before politeness formulas are removed: 'thanks in advance for
    your help') and nothing but grammar and companions; one that is a politeness formula whole; or a
    salutation ('Dear Professor,', 'Madame, Monsieur,', 'Estimado señor Ortega,'): a greeting word,
    then only titles, names and grammar (at most four words)."""
    anchors, words = lx.FILLER_ANCHORS[lang], lx.FILLER_WORDS[lang]
    raw = _WORD.findall(clause.casefold())
    anchored = after_anchor or any(word in anchors for word in raw)
    if not anchored and len(raw) > _FORMULA_WORDS:
        return False  # neither an anchor nor short enough to be a formula alone: a question clause
    seen = tokens(clause, lang)
    salutation = bool(raw) and raw[0] in lx.SALUTATIONS[lang]  # 'Dear Professor', 'Sehr geehrte Frau Berger'
    for token in seen:
        addressee = token.text in lx.TITLES[lang] or token.capital
        if salutation and token.kind == "word" and not token.acronym and addressee:
            continue  # the addressee: a title and a name
        if token.kind != "word" or token.entity or token.acronym or token.text in lx.NEGATIONS[lang]:
            return False
        if not (token.ignorable or token.text in words or token.text in anchors):
            return False
    return anchored or salutation or not seen


_TIMED = frozenset(["good", "guten", "buenos", "buenas"])  # greetings only with a time of day
_ADDRESSEE_WORDS = 2  # 'Dear support team,', 'Hi there,', 'Estimado señor Ortega,'


def _opening(clause: str, separator: str, lang: str) -> bool:
    """The first clause is a salutation whatever its addressee: a greeting word and at most two more
    words, closed by a comma, a colon or the end of a sentence ('Dear colleague,', 'Hello everyone!'),
    with no number, identifier, negation or question word in it."""
    raw = _WORD.findall(clause.casefold())
    if not raw or raw[0] not in lx.SALUTATIONS[lang] or len(raw) > 1 + _ADDRESSEE_WORDS:
        return False
    if raw[0] in _TIMED and (len(raw) < 2 or raw[1] not in lx.TITLES[lang]):
        return False  # 'Good morning,' yes; 'Good practice:' is no greeting
    if not re.match(r"^[,:;.!]", separator.strip() or clause.strip()[-1:]):
        return False
    return all(
        t.kind == "word" and t.text not in lx.NEGATIONS[lang] and t.text not in lx.QUESTION_WORDS[lang]
        for t in tokens(clause, lang)
    )


@lru_cache(maxsize=4096)
def strip_filler(text: str, lang: str) -> str:
    """`text` without its answer-neutral clauses (unchanged when nothing else would be left)."""
    pieces = _CLAUSE.split(text.strip())  # clause, separator, clause, ...
    if len(pieces) < 3:
        return text  # one clause
    clauses, separators = pieces[::2], ["", *pieces[1::2]]
    dropped = [bool(c.strip()) and filler_clause(c, lang) for c in clauses]
    for k in range(1, len(clauses)):  # 'Sorry, probably a basic question, but ...': the apology goes on
        dropped[k] = dropped[k] or (dropped[k - 1] and filler_clause(clauses[k], lang, after_anchor=True))
    dropped[0] = dropped[0] or _opening(clauses[0], separators[1] if len(separators) > 1 else "", lang)
    if not any(dropped) or all(d or not c.strip() for d, c in zip(dropped, clauses, strict=True)):
        return text
    out, previous = "", False
    for clause, separator, drop in zip(clauses, separators, dropped, strict=True):
        if not drop:  # a separator stays only between two kept clauses ('everything but X')
            out += (separator if previous else " ") + clause
        previous = not drop
    return out.strip()
