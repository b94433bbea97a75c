"""The semantic hit decision: a neighbour is served only when every difference is explained.

Both questions (already redacted) are split into tokens: numbers, symbols ($ % °), identifiers
(anything with a digit, `_`, a dot or a path; URLs, e-mails, `code`) and words. Words that do not
change what is asked are dropped (articles, present-tense auxiliaries, pronouns, generic
prepositions, `what/which`, politeness and request formulas: `lexicon.py`, per language), and
question formulas that ask 'how' in more words become 'how' ('what are the steps to', 'quelle est
la procédure pour'). Every remaining token on either side must then be matched on the other side
by one explanation:

    same        equal after casefolding (casing, punctuation and word order are free)
    casing      an acronym and the same letters in lower case ('US staff' / 'us staff')
    number      the same value ('10' and 'ten', '1,000' and '1000'); never a different one
    abbrev      a well-known abbreviation of it (lexicon), or an acronym of a run of words
    inflection, typo, spelling (British/American): word by word, `words.py`
    separable   a German separable verb, joined on one side and split on the other ('zurücksetzen'
                / 'setze ... zurück'); a particle last in its clause is part of the verb, so
                'melde ... an' and 'melde ... ab' differ

Anything unmatched is a miss, named by what it is (number, identifier, negation, symbol, entity,
word). Synonyms are unmatched: no offline lexical resource for four languages ships in a package,
so 'buy' vs 'purchase' is a miss (precision first). Two more checks: the questions must be in the
same language (EN/DE/FR/ES; a translation is a miss), and words on both sides of an order cue
(to, from, than, per, when...) keep their order ('EUR to USD' vs 'USD to EUR' is a miss).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from shared.cache import lexicon as lx
from shared.cache.words import inflection, loaded, spelling, typo, warm

__all__ = ["Verdict", "decide", "language", "loaded", "warm"]

_IDENT = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|`[^`]+`"
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # command-line flags
    r"|\b[A-Za-z_]\w*(?:[._/:#]\w+)+\b|(?<!\w)/\w[\w./-]*"  # dotted names, paths
    r"|\b(?=[\w-]*[A-Za-z])(?=[\w-]*\d)[\w]+(?:-[\w]+)*\b"  # letters with digits: v2, INC-4521, k8s
    r"|\b\w+_\w+\b|\b[a-z]+[A-Z]\w*\b"  # snake_case, camelCase
)
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:[.,]\d+)*")
_SYMBOL = re.compile(r"[$€£¥₹%°#&]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'(?:s|re|m|ve|d)\b"), ""),
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


@dataclass(frozen=True, slots=True)
class Verdict:
    hit: bool
    reason: str | None = (
        None  # why a miss: language, number, identifier, negation, symbol, entity, word, order
    )
    explained: frozenset[str] = field(default_factory=frozenset)  # kinds of differences explained

    def __bool__(self) -> bool:
        return self.hit


@lru_cache(maxsize=4096)
def language(text: str) -> str | None:
    """en, de, fr or es by function words (then by letters only one of them uses); None if unsure."""
    words = _WORD.findall(text.casefold())
    scores = {lang: sum(1 for w in words if w in lx.FUNCTION[lang]) for lang in lx.LANGS}
    best = max(scores.values())
    leaders = [lang for lang, score in scores.items() if score == best]
    if best and len(leaders) == 1:
        return leaders[0]
    lowered = text.casefold()
    for lang, letters in (("de", "äöüß"), ("es", "ñ¿¡"), ("fr", "çèêàùâîô")):
        if any(ch in lowered for ch in letters) and (not best or lang in leaders):
            return lang
    return "en" if best and "en" in leaders else None


@lru_cache(maxsize=4096)  # a stored question is compared again on every lookup that finds it
def _tokens(text: str, lang: str) -> tuple[Token, ...]:
    return tuple(_tokenize(text, lang))


def _tokenize(text: str, lang: str) -> list[Token]:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    shouting = sum(c.isupper() for c in text) > sum(c.islower() for c in text)  # ALL CAPS text
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
        words = _words(gap, lang)
        clause_end = match is None or bool(re.search(r"[.?!,;:]\s*$", gap))
        for index, raw in enumerate(words):
            lower = raw.casefold()
            final = clause_end and index == len(words) - 1  # the last word of a clause
            acronym = len(raw) > 1 and raw.isupper() and not shouting  # US, IT, HR: never 'us', 'hour'
            if acronym:
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
                out.extend(Token(w, "word", ignorable=w in ignorable, expanded=True) for w in full.split())
            elif lower in numbers:
                out.append(Token(numbers[lower], "number"))
            else:
                entity = lang != "de" and raw[:1].isupper() and not sentence_start and lower not in ignorable
                out.append(
                    Token(
                        lower,
                        "word",
                        entity,
                        lower in ignorable,
                        raw[:1].isupper() and lower not in ignorable,
                    )
                )
            sentence_start = False
        if re.search(r"[.?!:]\s*$", gap):
            sentence_start = True
        if match is None:
            break
        position = match.end()
        value = match.group()
        if match.group("i"):
            lower = value.casefold().strip("`")
            expansion = abbreviations.get(lower)
            if expansion:
                out.extend(
                    Token(w, "word", ignorable=w in ignorable, expanded=True) for w in expansion.split()
                )
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
        else:
            out.append(Token(value, "symbol"))
        sentence_start = False
    return out


def _words(gap: str, lang: str) -> list[str]:
    """Words of a stretch of plain text, in their original case, formulas and contractions undone."""
    lowered = gap.casefold()
    if lowered != gap.lower():  # casefolding changed the length (ß): keep it simple, lose the case
        gap = lowered
    gap = _sub_ci(lx.POLITENESS[lang], " ", gap)
    for pattern, replacement in _CONTRACTIONS:
        gap = _sub_ci(pattern, replacement, gap)
    gap = _sub_ci(lx.REWRITES[lang][0], lx.REWRITES[lang][1], gap)
    gap = _sub_ci(lx.POLITENESS[lang], " ", gap)
    return _WORD.findall(gap)


def _sub_ci(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """Substitute on the casefolded text while keeping the original case of what is left."""
    folded = text.casefold()
    if len(folded) != len(text):
        return pattern.sub(replacement, folded)
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        pieces.append(text[last : match.start()])
        pieces.append(match.expand(replacement))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _separable(
    compound: list[Token], split: list[Token], free_c: list[int], free_s: list[int], lang: str
) -> tuple[int, int] | None:
    """A German separable verb written as one word on one side ('zurücksetzen') and split on the
    other ('setze ... zurück', the particle last in its clause): (compound index, verb index)."""
    for i in free_c:
        word = compound[i].text
        for particle in lx.PARTICLES[lang]:
            rest = word[len(particle) :]
            if not word.startswith(particle) or len(rest) < 3:
                continue
            rests = (rest, rest[2:]) if rest.startswith("zu") and len(rest) >= 5 else (rest,)  # zu-infinitive
            for k in free_s:
                if split[k].text != particle:
                    continue
                for j in free_s:
                    verb = split[j].text
                    if (
                        j < k
                        and split[j].kind == "word"
                        and any(verb == r or inflection(verb, r, lang) for r in rests)
                    ):
                        free_s.remove(k)
                        return i, j
    return None


def _acronym(short: Token, run: list[Token]) -> int:
    """How many leading tokens of `run` spell `short` with their initials (0: none)."""
    letters = short.text
    if short.kind != "word" or not 2 <= len(letters) <= 6:
        return 0
    initials = ""
    for count, token in enumerate(run, 1):
        if token.kind != "word":
            return 0
        initials += token.text[0]
        if initials == letters:
            return count
        if not letters.startswith(initials):
            return 0
    return 0


def _match(a: list[Token], b: list[Token], lang: str, used: set[str]) -> dict[int, int] | Token:
    """Pair every content token of `a` with one of `b` and back; the first unmatched token if any.
    The result maps indices of `a` to indices of `b` (an acronym maps to the first word it spells)."""
    pairs: dict[int, int] = {}
    free_a = [i for i, t in enumerate(a) if not t.ignorable]
    free_b = [j for j, t in enumerate(b) if not t.ignorable]
    for how in ("same", "inflection", "typo"):
        for i in list(free_a):
            x = a[i]
            for j in free_b:
                y = b[j]
                how_now = ""
                if x.kind != y.kind:
                    continue
                if x.text == y.text:
                    ok = True
                elif how == "same" or x.kind != "word":
                    ok = False
                else:
                    names = (x.capital or y.capital) and lang != "de"
                    if how == "typo":
                        ok = typo(x.text, y.text, lang, names)
                    elif inflection(x.text, y.text, lang):
                        ok = True
                    elif lang == "en" and spelling(x.text, y.text):
                        ok, how_now = True, "spelling"
                    else:
                        ok = False
                if ok:
                    pairs[i] = j
                    free_a.remove(i)
                    free_b.remove(j)
                    if x.text != y.text:
                        used.add(how_now if how_now else how)
                    if x.expanded != y.expanded:
                        used.add("abbrev")
                    break
    for short, run, free_short, free_run, forward in (
        (a, b, free_a, free_b, True),
        (b, a, free_b, free_a, False),
    ):
        for i in list(free_short):
            for j in free_run:  # an acronym on one side for a run of words on the other
                span = _acronym(short[i], run[j:])
                if span and all(k in free_run or run[k].ignorable for k in range(j, j + span)):
                    free_short.remove(i)
                    for k in range(j, j + span):
                        if k in free_run:
                            free_run.remove(k)
                    if forward:
                        pairs[i] = j
                    else:
                        pairs[j] = i
                    used.add("abbrev")
                    break
    if lang in lx.PARTICLES:
        for compound, split, free_c, free_s, forward in (
            (a, b, free_a, free_b, True),
            (b, a, free_b, free_a, False),
        ):
            while (found := _separable(compound, split, free_c, free_s, lang)) is not None:
                i, j = found
                free_c.remove(i)
                free_s.remove(j)
                if forward:
                    pairs[i] = j
                else:
                    pairs[j] = i
                used.add("separable")
    for one, other, free_one in ((a, b, free_a), (b, a, free_b)):
        for i in list(free_one):  # a misspelt grammar word ('waht is', 'teh'): grammar, not content
            word = one[i]
            grammar = word.kind == "word" and not word.capital and word.text not in lx.NEGATIONS[lang]
            if (
                grammar
                and word.text not in warm(lang)
                and any(t.ignorable and typo(word.text, t.text, lang) for t in other)
            ):
                free_one.remove(i)
                used.add("typo")
    for one, other, free_one, forward in ((a, b, free_a, True), (b, a, free_b, False)):
        for i in list(free_one):  # 'US' for 'us', 'IT' for 'it': the same word in other casing
            same = next((k for k, t in enumerate(other) if t.ignorable and t.text == one[i].text), None)
            if one[i].acronym and same is not None:
                free_one.remove(i)
                if forward:
                    pairs[i] = same
                else:
                    pairs[same] = i
                used.add("casing")
    if free_a:
        return a[free_a[0]]
    if free_b:
        return b[free_b[0]]
    return pairs


def _reason(token: Token, lang: str) -> str:
    if token.kind != "word":
        return {"number": "number", "ident": "identifier", "symbol": "symbol"}[token.kind]
    if token.text in lx.NEGATIONS[lang]:
        return "negation"
    return "entity" if token.entity else "word"


def _order_kept(one: list[Token], other: list[Token], pairs: dict[int, int], lang: str) -> bool:
    """Around every order cue of `one`, the nearest matched words keep their order in `other`
    ('EUR to USD' vs 'USD to EUR'), unless the cue moved with the words after it ('X en España'
    vs 'En España, X')."""
    cues = lx.CUES[lang]
    for c, token in enumerate(one):
        if token.kind != "word" or token.text not in cues:
            continue
        left = next((i for i in range(c - 1, -1, -1) if i in pairs), None)
        right = next((i for i in range(c + 1, len(one)) if i in pairs), None)
        if left is None or right is None or pairs[left] < pairs[right]:
            continue
        k = pairs[right] - 1
        while k >= 0 and other[k].ignorable and other[k].text not in cues:
            k -= 1
        if k < 0 or other[k].text != token.text:  # not the same 'cue + words' phrase, moved
            return False
    return True


def _swapped(one: list[Token], other: list[Token], pairs: dict[int, int]) -> bool:
    """Two matched tokens trading places ('Alice lent Bob' vs 'Bob lent Alice', '10 km en miles' vs
    '10 miles en km'): one takes the other's slot, next to the same neighbour. A phrase moved as a
    block keeps its own neighbours. Names, numbers, symbols and identifiers count with any
    neighbour; other words only next to a content word (not next to 'the')."""
    matched = sorted(pairs)
    for x in matched:
        for y in matched:
            kind = (one[x].kind, one[x].capital) == (one[y].kind, one[y].capital)
            if not (x < y and kind and pairs[x] > pairs[y]):
                continue
            anchor = one[x].kind != "word" or one[x].capital
            for step in (-1, 1):
                near_x, near_y = x + step, pairs[y] + step
                if near_x == y or not (0 <= near_x < len(one) and 0 <= near_y < len(other)):
                    continue
                same = one[near_x].text == other[near_y].text
                if same and (anchor or not one[near_x].ignorable):
                    return True
    return False


def decide(query: str, cached: str) -> Verdict:
    """May the answer cached for `cached` be served for `query`?"""
    if query == cached:
        return Verdict(True)
    lang_q, lang_c = language(query), language(cached)
    if lang_q and lang_c and lang_q != lang_c:
        return Verdict(False, "language")
    lang = lang_q or lang_c or "en"
    a, b = list(_tokens(query, lang)), list(_tokens(cached, lang))
    used: set[str] = set()
    pairs = _match(a, b, lang, used)
    if isinstance(pairs, Token):
        return Verdict(False, _reason(pairs, lang))
    persons = [{lx.PERSONS[lang][t.text] for t in side if t.text in lx.PERSONS[lang]} for side in (a, b)]
    if persons[0] and persons[1] and persons[0] != persons[1]:
        return Verdict(False, "person")
    backward = {j: i for i, j in pairs.items()}
    if not (_order_kept(a, b, pairs, lang) and _order_kept(b, a, backward, lang)) or _swapped(a, b, pairs):
        return Verdict(False, "order")
    if query.casefold() != query and query.casefold() == cached.casefold():
        used.add("casing")
    return Verdict(True, None, frozenset(used))
