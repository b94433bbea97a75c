"""Tokens of a question for the semantic hit decision (`decision.py`): numbers, symbols,
identifiers and words, with the grammar that does not change the question marked ignorable, politeness
and question formulas removed, contractions undone, abbreviations expanded; and a language guess.

    ident   anything with a digit, `_`, a dot or a path; URLs, e-mails, `code`, flags
    number  a value ('10' and 'ten', '1,000' and '1000')
    symbol  $ € £ ¥ ₹ % ° # &; comparisons (> < >= <= = !=, also ≥ ≤ ≠) and arrows (↑ ↓ ↔ ←), which
            must be matched exactly and count as order cues; a right arrow (-> => → ⇒) is the
            language's 'to' ('EUR → USD' is 'EUR to USD', never 'USD to EUR')
    word    casefolded; acronyms (capitals in mixed-case text) keep a flag, so 'US' is not 'us'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from shared.cache import lexicon as lx
from shared.cache.units import data_unit_words, merge_multiplier, shorthand_number, unit_words

__all__ = ["Token", "language", "tokens"]

_IDENT = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|`[^`]+`"
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # command-line flags
    r"|\b[A-Za-z_]\w*(?:[._/:#]\w+)+\b|(?<!\w)/\w[\w./-]*"  # dotted names, paths
    r"|\b(?=[\w-]*[A-Za-z])(?=[\w-]*\d)[\w]+(?:-[\w]+)*\b"  # letters with digits: v2, INC-4521, k8s
    r"|\b\w+_\w+\b|\b[a-z]+[A-Z]\w*\b"  # snake_case, camelCase
)
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:[.,]\d+)*")
_SYMBOL = re.compile(r"<=|>=|!=|==|<>|-+>|=>|<-+|[$€£¥₹%°#&<>=≤≥≠→⇒⟶➔➜←⇐↑↓↔⇅]")
# Comparisons and arrows written another way, in one canonical form.
_OPERATORS = {">=": "≥", "<=": "≤", "!=": "≠", "<>": "≠", "==": "=", "⇐": "←", "⇅": "↕"}
_RIGHT_ARROWS = frozenset(["=>", "→", "⇒", "⟶", "➔", "➜"])
_LONG_ARROW = re.compile(r"-+>")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
    # written without the apostrophe: 'dont', 'didnt', 'wont', 'cant', 'isnt'
    (re.compile(r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)nt\b"), r"\1 not"),
    (re.compile(r"\bwont\b"), "will not"),
    (re.compile(r"\bcant\b"), "can not"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'s been\b"), " has been"),  # 'that's already been sent
    (re.compile(r"'(?:s|re|m|ve|d)\b"), ""),
    (re.compile(r"\b(what|where|who|how|that|there)s\b"), r"\1"),  # 'whats' as "what's"
    (re.compile(r"\b(l|d|j|qu|n|s|c|m|t)'(?=\w)"), r"\1 "),  # French elision
    (re.compile(r"\bw/o\b"), " without "),
    (re.compile(r"\bw/(?=\s|\w)"), " with "),
]
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # casefolded canonical form
    kind: str  # word | number | ident | symbol
    entity: bool = False  # capitalized inside a sentence (not in German, where nouns are)
    ignorable: bool = False
    capital: bool = False  # written with a capital anywhere (a name or, in German, a noun)
    expanded: bool = False  # the expansion of an abbreviation
    acronym: bool = False  # written in capitals inside mixed-case text (US, IT, HR)
    dotted: bool = False  # written with a period right after it ('approx.', 'Personalabt.')
    alts: tuple[str, ...] = ()  # other words an abbreviation stands for ('min': minimum, minutes)
    linked: bool = False  # joined to the word before by a hyphen or dash ('dollars-euros', 'A - B', en dash)


@lru_cache(maxsize=4096)
def language(text: str) -> str | None:
    """en, de, fr or es by function words (then by letters only one of them uses); None if unsure.
    A word in capitals inside mixed-case text is an acronym, never a function word ('9:00 EST' is
    Eastern time, not French 'est'; 'IT' is not 'it')."""
    shouting = _shouting(text)
    words = [w.casefold() for w in _WORD.findall(text) if shouting or len(w) < 2 or not w.isupper()]
    scores = {lang: sum(1 for w in words if w in lx.FUNCTION[lang]) for lang in lx.LANGS}
    best = max(scores.values())
    leaders = [lang for lang, score in scores.items() if score == best]
    if best and len(leaders) == 1:
        return leaders[0]
    lowered = text.casefold()
    for lang, letters in (("de", "äöüß"), ("es", "ñ¿¡"), ("fr", "çèêàùâîô")):
        if any(ch in lowered for ch in letters) and (not best or lang in leaders):
            return lang
    return leaders[0] if best and len(leaders) == 1 else None  # a tie is unsure ('Was bedeutet X?')


def _shouting(text: str) -> bool:
    """Written in capitals throughout ('HOW DO I RESET MY PASSWORD'): more capitals than lower case
    and a capitalized word of 5+ letters; '9:00 EST → PST' is two acronyms, not shouting."""
    upper = sum(c.isupper() for c in text) > sum(c.islower() for c in text)
    return upper and any(len(w) >= 5 and w.isupper() for w in _WORD.findall(text))


@lru_cache(maxsize=8)
def _canonical(lang: str) -> dict[str, str]:
    """Closed-class words of the language by their form without accents ('como' -> 'cómo', 'donde'
    -> 'dónde'), for questions typed without accents; only where one word has that form and the
    unaccented form is not a closed-class word itself ('que' and 'qué' both stay)."""
    closed = (
        lx.IGNORABLE[lang] | lx.NEGATIONS[lang] | lx.QUESTION_WORDS[lang] | lx.QUANTIFIERS[lang]
        | lx.CUES[lang] | frozenset(lx.DIRECTIONS[lang]) | frozenset(lx.PERSONS[lang])
        | frozenset(lx.NUMBER_WORDS[lang]) | frozenset(lx.ABBREVIATIONS[lang])
    )  # fmt: skip
    seen: dict[str, set[str]] = {}
    for word in closed:
        seen.setdefault(lx.fold(word), set()).add(word)
    return {
        bare: next(iter(words))
        for bare, words in seen.items()
        if len(words) == 1 and bare not in closed and bare not in _NOT_FOLDED.get(lang, ())
    }


_NOT_FOLDED = {"fr": ("ou",)}  # 'ou' (or) is not 'où' (where)


@lru_cache(maxsize=4096)  # a stored question is compared again on every lookup that finds it
def tokens(text: str, lang: str) -> tuple[Token, ...]:
    return tuple(_tokenize(text, lang))


def _tokenize(text: str, lang: str) -> list[Token]:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = _SPACED_DOTS.sub(r"\1.", text)  # 'z. B.' is 'z.B.', 'p. ej.' is 'p.ej.'
    shouting = _shouting(text)
    initials = [w[0].isupper() for w in _WORD.findall(text)]
    titled = lang != "de" and len(initials) >= 4 and sum(initials) >= 0.8 * len(initials)  # Title Case
    out: list[Token] = []
    abbreviations = lx.ABBREVIATIONS[lang]
    ignorable = lx.IGNORABLE[lang]
    numbers = lx.NUMBER_WORDS[lang]
    sentence_start = True
    position = 0
    # one pass left to right over identifiers, numbers, symbols and the words between them
    pattern = re.compile(f"(?P<i>{_IDENT.pattern})|(?P<n>{_NUMBER.pattern})|(?P<s>{_SYMBOL.pattern})")
    for match in [*pattern.finditer(text), None]:
        gap = text[position : match.start() if match else len(text)]
        dotted_words = _words(gap, lang)
        words = [word for word, _ in dotted_words]
        clause_end = match is None or bool(re.search(r"[.?!,;:]\s*$", gap))
        canonical = _canonical(lang)
        for index, (raw, following) in enumerate(dotted_words):
            linked = index > 0 and dotted_words[index - 1][1] in _LINKS  # 'dollars-euros', 'A - B'
            start = len(out)
            dotted = following == "."
            lower = raw.casefold()
            lower = canonical.get(lower, lower)
            plural = len(raw) > 2 and raw[-1] == "s" and raw[:-1].isupper() and not shouting  # 'POs'
            doubled = (  # Spanish plural acronyms double their letters: 'RRHH', 'EEUU'
                lang == "es" and len(raw) >= 4 and len(raw) % 2 == 0 and raw.isupper()
                and all(raw[k] == raw[k + 1] for k in range(0, len(raw), 2))
            )  # fmt: skip
            if plural or doubled:
                raw = raw[:-1] if plural else raw[::2]
                lower = raw.casefold()
            final = (clause_end and index == len(words) - 1) or following in _CLAUSE_END  # ends a clause
            acronym = len(raw) > 1 and raw.isupper() and not shouting  # US, IT, HR: never 'us', 'hour'
            after_number = bool(out) and out[-1].kind == "number"
            unit = data_unit_words(raw, lang, shouting) or (
                None if acronym or shouting else unit_words(raw, lang, after_number)
            )
            if after_number and index == 0 and gap[:1].isalpha() and raw in _SUFFIX_MULTIPLIERS:
                merged = merge_multiplier(out[-1].text, _SUFFIX_MULTIPLIERS[raw])  # '$4.2M', '4k'
                if merged:
                    out[-1] = Token(merged, "number")
                    continue
            following_word = words[index + 1].casefold() if index + 1 < len(words) else ""
            if lang == "en" and lower == "in" and after_number and (final or following_word in _INCH_CUES):
                unit = "inches"  # '10 in to cm', 'how many cm is 10 in?': the symbol, not the preposition
            if unit:
                out.extend(Token(w, "word", ignorable=w in ignorable, expanded=True) for w in unit.split())
            elif acronym:
                out.append(Token(lower, "word", not sentence_start, False, True, acronym=True))
            elif lang == "de" and final and lower in lx.PARTICLES["de"]:
                out.append(Token(lower, "word"))  # a separated verb particle: part of the verb
            elif (
                lang == "de"
                and lower == "zu"
                and clause_end
                and index == len(words) - 2
                and words[-1].endswith("n")
            ):
                out.append(Token("zu+infinitive", "word", ignorable=True))  # 'um ... zu beantragen'
            elif lower in abbreviations or (lower[-1:] == "s" and lower[:-1] in abbreviations):
                full = abbreviations.get(lower) or abbreviations[lower[:-1]]  # 'emps': employee(s)
                out.extend(_expansion(full, ignorable))
            elif raw[:1].isupper() and lower in lx.CALENDAR.get(lang, {}):
                out.append(Token(lx.CALENDAR[lang][lower], "word", False, False, True, expanded=True))
            elif lower in numbers:
                merged = merge_multiplier(out[-1].text, numbers[lower]) if after_number else None
                if merged:  # '4.2 million' is 4200000
                    out[-1] = Token(merged, "number")
                else:
                    out.append(Token(numbers[lower], "number"))
            elif lower in lx.ORDINALS.get(lang, {}):
                out.append(Token(lx.ORDINALS[lang][lower], "number"))
            elif titled and not acronym:  # every word capitalized: no word is marked a name (an
                # entity), but each stays capitalized, so typos in it are read as in a name
                lower_ignorable = lower in ignorable
                capital = raw[:1].isupper() and not lower_ignorable
                out.append(Token(lower, "word", False, lower_ignorable, capital, dotted=dotted))
            elif raw == "A" and lang == "en" and not sentence_start and not shouting:
                out.append(Token("a", "word", True, False, True))  # a letter ('A to Z'), not the article
            else:
                entity = lang != "de" and raw[:1].isupper() and not sentence_start and lower not in ignorable
                out.append(
                    Token(
                        lower,
                        "word",
                        entity,
                        lower in ignorable,
                        raw[:1].isupper() and lower not in ignorable,
                        dotted=dotted,
                    )
                )
            if linked and len(out) > start:
                out[start] = replace(out[start], linked=True)
            sentence_start = False
        if re.search(r"[.?!:]\s*$", gap):
            sentence_start = True
        if match is None:
            break
        position = match.end()
        value = match.group()
        if match.group("i"):
            lower = value.casefold().strip("`")
            expansion = abbreviations.get(lower) or data_unit_words(value, lang, shouting)  # 'Mb/s'
            ordinal = _ORDINAL.match(lower)
            after_number = bool(out) and out[-1].kind == "number"
            expansion = expansion or unit_words(value.strip("`"), lang, after_number)  # 'km/h', 'm/s'
            short = shorthand_number(lower)
            version = _VERSION.match(lower)
            counted = _COUNTED.match(lower)
            if expansion:
                out.extend(_expansion(expansion, ignorable))
            elif short:  # '4k'
                out.append(Token(short, "number"))
            elif version:  # 'v3.2': version 3.2
                out.extend(
                    (Token(lx.VERSION[lang], "word", expanded=True), Token(version.group(1), "number"))
                )
            elif counted:  # '20-min', '5th-grade': a number and a word
                number, suffix, word = counted.groups()
                out.append(Token(("#" if suffix else "") + number, "number"))
                spelled = abbreviations.get(word)
                out.extend(
                    _expansion(spelled, ignorable)
                    if spelled
                    else [Token(word, "word", ignorable=word in ignorable)]
                )
            elif ordinal:  # '3rd', 'Q3' (the third quarter)
                if ordinal.group(1):
                    out.append(Token(lx.QUARTER[lang], "word", expanded=True))
                out.append(Token("#" + (ordinal.group(2) or ordinal.group(3)), "number"))
            else:
                out.append(Token(lower, "ident"))
        elif match.group("n"):
            out.append(
                Token(value.replace(",", "") if _THOUSANDS.match(value) else value.lstrip("+"), "number")
            )
        elif value in abbreviations:
            out.extend(
                Token(w, "word", ignorable=w in ignorable, expanded=True)
                for w in abbreviations[value].split()
            )
        elif value in _RIGHT_ARROWS or _LONG_ARROW.fullmatch(value):  # '->', '-->', '→': 'to'
            out.append(Token(lx.ARROW_TO[lang], "word", ignorable=lx.ARROW_TO[lang] in ignorable))
        else:
            value = "←" if _LONG_ARROW.fullmatch(value[::-1].replace("<", ">")) else value  # '<-', '<--'
            out.append(Token(_OPERATORS.get(value, value), "symbol"))
        sentence_start = False
    return out


_CLAUSE_END = frozenset(".?!,;:")
_LINKS = frozenset("-\u2013\u2014")  # hyphen, en dash, em dash
_INCH_CUES = frozenset(["to", "into", "or", "and", "vs", "versus"])
_SPACED_DOTS = re.compile(r"\b([^\W\d_])\.\s+(?=[^\W\d_]{1,2}\.)")
_VERSION = re.compile(r"^v(\d+(?:\.\d+)*)$")
_COUNTED = re.compile(r"^(\d+)(st|nd|rd|th)?-([^\W\d_]+)$")
_SUFFIX_MULTIPLIERS = {"k": "1000", "K": "1000", "M": "1000000", "bn": "1000000000"}
_ORDINAL = re.compile(r"^(?:(q)([1-4])|(\d+)(?:st|nd|rd|th))$")


def _expansion(full: str, ignorable: frozenset[str]) -> list[Token]:
    """The tokens an abbreviation stands for; 'a|b' lists what a one-word abbreviation may mean."""
    if "|" in full:
        first, *others = full.split("|")
        return [Token(first, "word", expanded=True, alts=tuple(others))]
    return [Token(w, "word", ignorable=w in ignorable, expanded=True) for w in full.split()]


def _words(gap: str, lang: str) -> list[tuple[str, str]]:
    """Words of a stretch of plain text, in their original case, formulas and contractions undone,
    each with the character that follows it (over spaces: a period marks an abbreviation, any
    punctuation the end of a clause)."""
    lowered = gap.casefold()
    if lowered != gap.lower():  # casefolding changed the length (ß): keep it simple, lose the case
        gap = lowered
    gap = _sub_ci(lx.POLITENESS[lang], " ", gap)
    for pattern, replacement in _CONTRACTIONS:
        gap = _sub_ci(pattern, replacement, gap)
    for pattern, replacement in lx.REWRITES[lang]:
        gap = _sub_ci(pattern, replacement, gap)
    gap = _sub_ci(lx.POLITENESS[lang], " ", gap)
    return [(m.group(), gap[m.end() :].lstrip(" ")[:1]) for m in _WORD.finditer(gap)]


_GROUP = re.compile(r"\\(\d)")  # a group of the replacement ('\\1'), taken from the original text


def _group(text: str, match: re.Match[str], group: re.Match[str]) -> str:
    """The text of a numbered group of `match` in the original (unfolded) text."""
    start, end = match.span(int(group.group(1)))
    return text[start:end] if start >= 0 else ""


def _sub_ci(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """Substitute on the casefolded text without accents (the patterns are folded alike:
    `lexicon.fold`) while keeping the original case and accents of what is left."""
    folded = lx.fold(text.casefold())
    if len(folded) != len(text):
        return pattern.sub(replacement, folded)
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        pieces.append(text[last : match.start()])
        pieces.append(_GROUP.sub(partial(_group, text, match), replacement))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
