"""Asides around a question that one wording adds and the other does not, for the semantic hit
decision (`decision.py`): 'I rarely travel so I'm a bit nervous about this. How early should I arrive
at the airport for an international flight?' asks what the bare question asks.

`context.py` drops backstory only before a question about what a term means; this module drops it
before any question, under stricter conditions, and `decision.decide` applies it to ONE side only:
the other question must match the rest of this one with nothing left over, so two different
backstories ('I'm in sales.' / 'I'm in marketing.') are never both dropped.

An aside is a run of whole sentences (closed by . ! : ; or a dash) before or after the question,
never a clause inside the question's own sentence ('If I'm travelling, can I ...' keeps its condition),
and every comma-clause of it is answer-neutral (`filler.filler_clause`) or a statement about the
asker:
- it is about the asker: a first-person word ('I', 'my', 'ich', 'je', 'mi') or, in English, a
  sentence that opens with a verb in -ing and no subject ('Heading on a trip soon');
- it is a statement, not a question (no '?'), and does not open with a condition ('if', 'when',
  'wenn', 'si', 'cuando' ...);
- it holds no number, identifier, symbol, name, acronym, negation, quantifier ('all', 'only', 'some';
  time adverbs like 'just', 'still', 'next' are allowed), comparison or format/length/language word;
- it does not say who or where the asker is or what they use: a first-person copula with an article
  or a preposition ('I'm a contractor', 'I'm on a Mac', 'I'm in the Berlin office', 'ich bin
  Werkstudent', 'je suis en CDD'), 'as a ...', or a verb of working, living, using or having ('I work
  in HR', 'we use Jira', 'I have a Linux laptop'). Those narrow the answer. In French and Spanish
  an adjective cannot be told from a noun after the copula ('je suis comptable'), so there a
  first-person copula is never an aside. The same holds for the progressive of those verbs ('I'm
  working night shifts'), for renting, and for the channel the asker went through ('I booked through
  a travel agency');
- after a first-person copula, a state is an aside only about the question itself ('nervous about
  this'), not with a field after it ('new to management': the asker's level), and an -ing activity only
  as an occasion bounded in time ('I'm covering for a colleague today'): a bare one is a condition ('I'm
  breastfeeding') and an unbounded one a standing situation ('I'm teaching second graders'). In Spanish
  'estar' with anything but a gerund is a state ('estoy embarazada').

Known risk kept: a first-person event that changes the answer without any of these marks ('We just
moved to the new billing system. How do I issue a refund?', 'I just declared bankruptcy.'), a habit
stated with a verb ('Ich esse vegan.', 'Je mange végétarien.', 'Je postule pour un stage.'), and an
activity that narrows the answer while bounded in time ('I'm traveling abroad next week.').
"""

from __future__ import annotations

import re
from functools import lru_cache

from shared.cache import lexicon as lx
from shared.cache.context import COMPARISON, FORMAT_WORDS, TIME_ADVERBS
from shared.cache.filler import filler_clause
from shared.cache.tokens import tokens

__all__ = ["strip_aside"]

_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\s+[\u2014\u2013-]\s+")
_COMMA = re.compile(r",\s*")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# The asker as the subject ('I', 'we'): 'My manager is on leave.' is about someone else, and it can
# change the answer.
_SUBJECT = {
    "en": frozenset(["i", "we", "i'm", "i've", "i'd", "i'll", "im", "ive", "we're", "we've"]),
    "de": frozenset(["ich", "wir"]),
    "fr": frozenset(["je", "j", "nous"]),
    "es": frozenset(["yo", "nosotros", "nosotras", "estoy", "estamos", "voy", "vamos"]),
}
_LINKS = frozenset(["so", "and", "but", "just", "also", "still", "currently", "now"])
_CONDITION = {
    "en": frozenset(["if", "when", "whenever", "unless", "once", "while", "whether", "in case"]),
    "de": frozenset(["wenn", "falls", "sobald", "ob", "während", "sofern"]),
    "fr": frozenset(["si", "quand", "lorsque", "lorsqu", "dès", "pendant"]),
    "es": frozenset(["si", "cuando", "mientras", "siempre"]),
}
# A first-person copula (present or past, over a degree adverb) is an aside only before an -ing verb
# ('I'm going on vacation', 'I'm covering for a colleague') or a state of knowing or feeling about the
# question; any other adjective can narrow the answer ('I'm pregnant', 'I'm remote', 'ich bin krank').
_DEGREE = (
    r"(?:(?:a bit|a little|kind of|sort of|still|just|really|very|so|quite|pretty|totally"
    r"|ein bisschen|etwas|noch|ganz|sehr|total)\s+)*"
)
_COPULA = {
    "en": re.compile(r"\b(?:i'?m|i am|we'?re|we are|i was|we were)\s+" + _DEGREE + r"([a-z]+)"),
    "de": re.compile(r"\b(?:ich bin|wir sind|ich war|wir waren)\s+" + _DEGREE + r"([a-z]+)"),
    "fr": re.compile(r"(?!x)x"),  # the copula is never an aside there (see _IDENTITY)
    "es": re.compile(r"(?!x)x"),
}
_STATES = {
    "en": frozenset(
        [
            "new",
            "curious",
            "nervous",
            "confused",
            "unsure",
            "uncertain",
            "wondering",
            "worried",
            "stuck",
            "lost",
            "puzzled",
            "interested",
            "learning",
            "clueless",
            "embarrassed",
            "sorry",
            "afraid",
            "anxious",
            "eager",
            "keen",
            "rusty",
            "thinking",  # 'I'm thinking about my options', a state of mind about the question
            "checking",  # 'I'm checking my working'
        ]
    ),
    "de": frozenset(
        ["neu", "neugierig", "nervös", "unsicher", "verwirrt", "gespannt", "ratlos", "interessiert"]
    ),
    "fr": frozenset(),
    "es": frozenset(),
}
# A state with a field after it says the asker's level there ('new to management', 'rusty at SQL',
# 'neu in Python'), and an answer for a beginner is not an answer for anyone: only a state about the
# question itself ('nervous about this', 'curious') or with nothing after it stays an aside.
_LEVEL = re.compile(r"\s+(?:to|at|with|in|on|im|mit|bei|zu|zum|zur|beim)\b")
# An activity after the copula is an aside only as an occasion bounded in time ('I'm covering for a
# colleague today', 'I'm doing some cleanup this afternoon'); without one it is a standing situation
# that narrows the answer like a role ('I'm teaching second graders', 'I'm working night shifts',
# 'I'm traveling abroad', 'I'm applying for an internship').
_OCCASION = re.compile(
    r"\b(?:today|tonight|tomorrow|right now|at the moment|this (?:morning|afternoon|evening|week)"
    r"|next week|soon|heute|morgen|gerade)\b"
)
# Who or where the asker is, or what they use: these narrow the answer, so such a sentence stays.
_IDENTITY = {
    lang: re.compile(lx.fold(source))
    for lang, source in {
        "en": r"\b(?:i'?m|i am|we'?re|we are)\s+(?:\w+\s+)?"
        r"(?:an?\s+(?!bit\b|little\b|lot\b)|in\b|at\b|on\b|from\b|with\b|under\b|based\b|part\b|one\b|the\b|using\b|employed\b|responsible\b|working\s+(?:in|at|for|on|as)\b)"
        r"|\b(?:i|we)\s+(?:\w+\s+)?(?:work|works|worked|live|lives|use|uses|using|have|has|had|own|run|"
        r"manage|lead|report|belong|joined)\b|\bas an?\b|\bmy (?:role|job|position|title|company|country|"
        r"contract|plan|device|laptop|computer|phone)\b"
        # the same verbs in the progressive ('I'm working night shifts'), and renting as owning
        r"|\b(?:i'?m|i am|we'?re|we are)\s+(?:\w+\s+)?"
        r"(?:working|living|running|managing|leading|renting|owning)\b"
        r"|\b(?:i|we)\s+(?:\w+\s+)?(?:rent|rents|rented)\b"
        # the channel the asker went through ('I booked through a travel agency', 'we signed up via
        # the app store'): the answer depends on it as on a tool they use
        r"|\b(?:i|we)\s+(?:\w+\s+){0,2}(?:through|via)\b",
        "de": r"\b(?:ich bin|wir sind|bin ich|sind wir)\s+(?:\w+\s+)?"
        r"(?:ein|eine|einer|im|in|bei|als|an|am|auf|mit)\b"
        r"|\bals\b|\b(?:ich|wir)\s+(?:arbeite|arbeiten|wohne|wohnen|nutze|nutzen|benutze|benutzen|habe|haben)\b|\bvia\b",
        "fr": r"\b(?:je suis|nous sommes|j'?ai|nous avons)\b|\bje travaille|\bnous travaillons|\bj'?utilise"
        r"|\bj'?habite|\ben tant que\b|\bvia\b|\bpar l'?intermediaire\b",
        "es": r"\b(?:soy|somos|tengo|tenemos|trabajo|trabajamos|uso|usamos"
        r"|vivo|vivimos)\b"
        # 'estoy embarazada', not 'estoy preparando'
        r"|\b(?:estoy|estamos|estaba|estabamos)\s+(?!\w+(?:ando|iendo)\b)"
        r"|\bcomo (?:un|una)\b|\bvia\b|\ba traves de\b|\bpor medio de\b",
    }.items()
}


def _about_asker(clause: str, lang: str) -> bool:
    """A statement about the asker that cannot narrow the answer (see the module docstring)."""
    folded = lx.fold(clause.casefold()).strip()
    words = _WORD.findall(folded)
    if not words or "?" in clause or words[0] in _CONDITION[lang] or _IDENTITY[lang].search(folded):
        return False
    opening = next((w for w in words if w not in _LINKS), "")  # 'so checking ahead', 'just double-checking'
    gerund = lang == "en" and opening.endswith("ing") and len(opening) > 5
    for state in _COPULA[lang].finditer(folded):
        word, rest = state.group(1), folded[state.end() :]
        if word.endswith("ing") and word not in _STATES[lang] and not _WORD.search(_OCCASION.sub("", rest)):
            return False  # 'I'm breastfeeding', 'I'm fasting': a bare -ing after the copula is a condition
        if not (word.endswith("ing") or word in _STATES[lang]):
            return False  # 'I'm pregnant', 'I'm remote', 'ich bin krank': a state that narrows the answer
        if word not in _STATES[lang] and not _OCCASION.search(folded):
            return False  # 'I'm teaching second graders', 'I'm traveling abroad': a standing situation
        if word in _STATES[lang] and _LEVEL.match(rest):
            return False  # 'I'm new to management', 'ich bin neu im Team': the asker's level in a field
    if lang == "de" and re.search(r"\b(?:[Ii]ch bin|[Ww]ir sind)\s+(?:\w+\s+)?[A-ZÄÖÜ]", clause):
        return False  # 'Ich bin Werkstudent': a noun after the copula says who the asker is
    if not (set(words) & _SUBJECT[lang] or gerund):
        return False
    if set(words) & FORMAT_WORDS[lang] or set(words) & COMPARISON:
        return False
    for token in tokens(clause, lang):
        if token.kind != "word" or token.entity or token.acronym or token.text in lx.NEGATIONS[lang]:
            return False
        if token.text in lx.QUANTIFIERS[lang] and token.text not in TIME_ADVERBS:
            return False
    return True


def _aside(sentence: str, lang: str) -> bool:
    clauses = [c for c in _COMMA.split(sentence.strip()) if c.strip()]
    return bool(clauses) and all(filler_clause(c, lang) or _about_asker(c, lang) for c in clauses)


@lru_cache(maxsize=4096)
def strip_aside(text: str, lang: str) -> str:
    """`text` without the asides before and after its question (unchanged when none, or when
    nothing else would be left)."""
    if lang not in _IDENTITY:
        return text
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    if len(sentences) < 2:
        return text
    start, end = 0, len(sentences)
    while start < end - 1 and _aside(sentences[start], lang):
        start += 1
    while end - 1 > start and _aside(sentences[end - 1], lang):
        end -= 1
    if (start, end) == (0, len(sentences)):
        return text
    return " ".join(sentences[start:end])
