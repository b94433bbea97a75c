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

    synonym     English only: a pair of the WordNet-derived table (`words.synonym`: both words'
                dominant sense, antonyms vetoed, no people/places/units/time); for DE/FR/ES no
                offline resource ships, so there a different word stays unexplained
    nominalization  English only: a verb and the noun naming its action, from the same table
                ('cancel' / 'cancellation')
    spacing     one word on one side, two on the other ('login' / 'log in', 'wifi' / 'Wi-Fi')
    contraction a non-word whose letters a longer word of the language has in order, from the same
                first letter ('bldg', 'appt', 'sched')

Before matching, answer-neutral clauses are dropped on both sides (`filler.py`: greetings, thanks,
apologies, well-wishing; never a clause with a content word), typos of the other question's words are
corrected first (`align.py`), and when the questions still differ, asides about the asker on ONE side
(`preamble.py`) are dropped and the rest compared again. Anything unmatched is a miss, named by
what it is (number, identifier, negation, symbol, entity, word). Two more checks: the questions must be in the
same language (EN/DE/FR/ES; a translation is a miss), and words on both sides of an order cue
(to, from, than, per, when...) keep their order ('EUR to USD' vs 'USD to EUR' is a miss).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shared.cache import lexicon as lx
from shared.cache.align import align_typos
from shared.cache.context import strip_context
from shared.cache.filler import strip_filler
from shared.cache.frame import strip_frame
from shared.cache.order import blocks_exchanged, direction_kept, order_kept, swapped
from shared.cache.preamble import strip_aside
from shared.cache.tokens import Token, language, tokens
from shared.cache.words import inflection, loaded, nominalization, spelling, synonym, typo, warm

__all__ = ["Verdict", "decide", "language", "loaded", "warm"]


@dataclass(frozen=True, slots=True)
class Verdict:
    hit: bool
    reason: str | None = (
        None  # why a miss: language, number, identifier, negation, symbol, entity, word, order
    )
    explained: frozenset[str] = field(default_factory=frozenset)  # kinds of differences explained

    def __bool__(self) -> bool:
        return self.hit


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


def _truncated(x: Token, y: Token, lang: str) -> bool:
    """A word cut short and marked with a period ('approx.', 'Personalabt.') for a longer word that
    begins with it, or unmarked when the short form has 4+ letters ('calc', 'prof') or is a plural
    ('docs': documentos); the short form must not be a word of its own, the long one must be."""
    for short, full in ((x, y), (y, x)):
        s, f = short.text, full.text
        if short.entity or short.acronym or s in warm(lang) or len(f) < len(s) + 2:
            continue
        if short.dotted and len(s) >= 3 and f.startswith(s):
            return True
        # undotted: a non-word of 4+ letters ('calc', 'prof'), or 3+ plus a plural 's' ('vars', 'docs'),
        # for a word of the language
        plural = s.endswith("s") and f.endswith("s") and len(s) >= 4 and f[:-1].startswith(s[:-1])
        known = f in warm(lang) or (f.endswith("s") and f[:-1] in warm(lang))  # lists lack plurals
        if (plural or (len(s) >= 4 and f.startswith(s))) and known:
            return True
    return False


def _contracted(x: Token, y: Token, lang: str) -> bool:
    """A word written without some of its letters ('bldg', 'mgmt', 'appt', 'sched', 'pkg') for a
    word of the language at least two letters longer that has them all, in order, from the same first
    letter; the short form must not be a word of its own, a name or an all-capitals acronym."""
    for short, full in ((x, y), (y, x)):
        s, f = short.text, full.text
        dotted_pair = len(s) == 2 and short.dotted and s[-1] == f[-1]  # 'lt.' laut, 'Nr.' Nummer
        if (
            (3 <= len(s) <= 6 or dotted_pair)
            and len(f) >= len(s) + 2
            and s[0] == f[0]
            and not (short.entity or short.acronym or short.expanded or full.entity)
            and s not in warm(lang)
            and (f in warm(lang) or (short.dotted and len(f) >= 8))  # 'bzw.': lists lack compounds
        ):
            rest = iter(f[1:])
            if all(ch in rest for ch in s[1:]):  # a subsequence of the full word
                return True
    return False


def _spaced(
    one: list[Token], other: list[Token], free_one: list[int], free_other: list[int], lang: str
) -> dict[int, int]:
    """Words joined on one side and written apart on the other ('login' / 'log in', 'wifi' / 'Wi-Fi',
    'timesheet' / 'time sheet'): {index in `one`: first index of the two words in `other`}."""
    found: dict[int, int] = {}
    for i in list(free_one):
        x = one[i]
        if x.kind != "word" or x.acronym:
            continue
        for j in range(len(other) - 1):
            run = (j, j + 1)
            head = other[j].text
            if not x.text.startswith(head) or len(x.text) < len(head) + 2:
                continue  # cheap test first: the joined word must begin with the first one
            if not (
                all(other[k].kind == "word" and not other[k].acronym for k in run)
                and all(k in free_other or other[k].ignorable for k in run)
                and any(k in free_other for k in run)
            ):
                continue
            joined = other[j].text + other[j + 1].text
            if joined == x.text or inflection(x.text, joined, lang):
                free_one.remove(i)
                for k in run:
                    if k in free_other:
                        free_other.remove(k)
                found[i] = j
                break
    return found


def _acronym(short: Token, run: list[Token]) -> int:
    """How many leading tokens of `run` spell `short` with their initials (0: none); grammar words
    inside the run may be skipped or spelt ('TVA': taxe sur la valeur ajoutée; 'LTL': less than
    truckload)."""
    letters = short.text
    if short.kind != "word" or not 2 <= len(letters) <= 6:
        return 0

    def spell(k: int, initials: str) -> int:
        if initials == letters:
            return k
        if k >= len(run) or run[k].kind != "word" or not run[k].text:
            return 0
        token = run[k]
        spelt = initials + token.text[0]
        found = spell(k + 1, spelt) if letters.startswith(spelt) else 0
        if not found and token.ignorable and initials:
            found = spell(k + 1, initials)  # a grammar word skipped
        return found

    return spell(0, "")


def _spell_out(
    short: list[Token],
    run: list[Token],
    free_short: list[int],
    free_run: list[int],
    forward: bool,
    pairs: dict[int, int],
    i: int,
    used: set[str],
) -> None:
    """Pair `short[i]` with the run of words on the other side whose initials it spells, if any."""
    for j in range(len(run)):  # the run may open with a grammar word ('ASAP': as soon as possible)
        if j not in free_run and not run[j].ignorable:
            continue
        span = _acronym(short[i], run[j:])
        if (
            span
            and all(k in free_run or run[k].ignorable for k in range(j, j + span))
            and any(k in free_run for k in range(j, j + span))
        ):
            free_short.remove(i)
            for k in range(j, j + span):
                if k in free_run:
                    free_run.remove(k)
            if forward:
                pairs[i] = j
            else:
                pairs[j] = i
            used.add("abbrev")
            return


def _match(a: list[Token], b: list[Token], lang: str, used: set[str]) -> dict[int, int] | Token:
    """Pair every content token of `a` with one of `b` and back; the first unmatched token if any.
    The result maps indices of `a` to indices of `b` (an acronym maps to the first word it spells)."""
    pairs: dict[int, int] = {}
    free_a = [i for i, t in enumerate(a) if not t.ignorable]
    free_b = [j for j, t in enumerate(b) if not t.ignorable]
    for one, other, free_one, free_other, forward in (
        (a, b, free_a, free_b, True),
        (b, a, free_b, free_a, False),
    ):
        for i in list(free_one):  # an acronym spelt out on the other side, before its words are used
            if one[i].acronym and all(t.text != one[i].text for t in other):
                _spell_out(one, other, free_one, free_other, forward, pairs, i, used)
    for how in ("same", "inflection", "typo", "synonym"):
        for i in list(free_a):
            x = a[i]
            for j in free_b:
                y = b[j]
                how_now = ""
                if x.kind != y.kind:
                    continue
                if x.text == y.text or x.text in y.alts or y.text in x.alts:
                    ok = True
                elif how == "same" or x.kind != "word":
                    ok = False
                else:
                    names = (x.capital or y.capital) and lang != "de"
                    if how == "synonym":
                        plain = not (x.entity or y.entity or x.acronym or y.acronym)  # names never
                        ok = plain and synonym(x.text, y.text, lang)
                        if not ok and plain and nominalization(x.text, y.text, lang):
                            ok, how_now = True, "nominalization"
                    elif how == "typo":
                        ok = typo(x.text, y.text, lang, names)
                        if not ok and (_truncated(x, y, lang) or _contracted(x, y, lang)):
                            ok, how_now = True, "abbrev"
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
        for i in list(free_short):  # an acronym on one side for a run of words on the other
            _spell_out(short, run, free_short, free_run, forward, pairs, i, used)
    for one, other, free_one, free_other, forward in (
        (a, b, free_a, free_b, True),
        (b, a, free_b, free_a, False),
    ):
        for i, j in _spaced(one, other, free_one, free_other, lang).items():
            if forward:
                pairs[i] = j
            else:
                pairs[j] = i
            used.add("spacing")
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
            if grammar and any(t.ignorable and _grammar_typo(word.text, t.text, lang) for t in other):
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
    for one, free_one in ((a, free_a), (b, free_b)):
        for i in list(free_one):  # a word said twice on one side ('a question about travel: ... travel')
            word = one[i]
            said = [t.text for k, t in enumerate(one) if k != i and k not in free_one and not t.ignorable]
            if word.kind == "word" and any(
                t == word.text or (t[:3] == word.text[:3] and inflection(t, word.text, lang)) for t in said
            ):
                free_one.remove(i)
                used.add("repeat")
    for one, other, free_one in ((a, b, free_a), (b, a, free_b)):
        if _telegraphic_how(one, other, free_one, lang):
            free_one.clear()
            used.add("length")
    if free_a:
        return a[free_a[0]]
    if free_b:
        return b[free_b[0]]
    return pairs


def _grammar_typo(word: str, grammar: str, lang: str) -> bool:
    """A misspelt grammar word: a typo of it, or its two letters swapped ('si' is, 'ot' to)."""
    if len(word) == 2 == len(grammar):
        return word != grammar and word[::-1] == grammar
    swapped = len(word) == len(grammar) >= 4 and sorted(word) == sorted(grammar) and word[0] == grammar[0]
    if swapped and sum(x != y for x, y in zip(word, grammar, strict=True)) == 2:
        return True  # two letters swapped ('dose' for 'does'), even into another word
    return word not in warm(lang) and typo(word, grammar, lang)


def _telegraphic_how(one: list[Token], other: list[Token], free: list[int], lang: str) -> bool:
    """'How do I reset my VPN password?' for 'VPN password reset?': a short question without any
    question word asks how; the only unmatched token is 'how', and it opens its question."""
    if len(free) != 1 or one[free[0]].text != lx.HOW[lang]:
        return False
    if any(t.kind == "word" and t.text in lx.QUESTION_WORDS[lang] for t in other):
        return False
    content = [t for t in other if not t.ignorable]
    return len(content) <= 5 and all(
        not t.ignorable or t.text in lx.QUESTION_WORDS[lang] for t in one[: free[0]]
    )


_DATIVE = {"en": frozenset(["me", "us"])}  # 'give me', 'send us': the requester, whoever it is
_NOT_VERBS = frozenset(
    ["for", "to", "with", "about", "from", "by", "of", "on", "at", "like", "than", "and", "or"]
)


def _persons(side: list[Token], lang: str) -> set[str]:
    """The grammatical persons a question speaks of ('my' 1s, 'our' 1p, 'their' 3), leaving out the
    requester named right after a request verb ('give me three taglines', 'send us the file')."""
    table, dative = lx.PERSONS[lang], _DATIVE.get(lang, frozenset())
    return {
        table[t.text]
        for k, t in enumerate(side)
        if t.text in table
        and not (
            t.text in dative
            and k > 0
            and side[k - 1].kind == "word"
            and side[k - 1].text not in _NOT_VERBS
            and side[k - 1].text not in table
        )
    }


def _reason(token: Token, lang: str) -> str:
    if token.kind != "word":
        return {"number": "number", "ident": "identifier", "symbol": "symbol"}[token.kind]
    if token.text in lx.NEGATIONS[lang]:
        return "negation"
    return "entity" if token.entity else "word"


def decide(query: str, cached: str) -> Verdict:
    """May the answer cached for `cached` be served for `query`?"""
    if query == cached:
        return Verdict(True)
    lang_q, lang_c = language(query), language(cached)
    if lang_q and lang_c and lang_q != lang_c:
        return Verdict(False, "language")
    lang = lang_q or lang_c or "en"
    used: set[str] = set()
    aligned = align_typos(query, cached, lang)
    if aligned != (query, cached):
        used.add("typo")
    query_core, cached_core = strip_filler(aligned[0], lang), strip_filler(aligned[1], lang)
    if (query_core, cached_core) != aligned:
        used.add("filler")
    stripped = (query_core, cached_core)
    query_core, cached_core = strip_context(query_core, lang), strip_context(cached_core, lang)
    if (query_core, cached_core) != stripped:
        used.add("context")
    verdict = _compare(query_core, cached_core, lang, used)
    if verdict.hit:
        return _cased(verdict, query, cached)
    for one_side in (
        (strip_aside(query_core, lang), cached_core),
        (query_core, strip_aside(cached_core, lang)),
    ):
        if one_side != (
            query_core,
            cached_core,
        ):  # an aside on ONE side only; the other has nothing left over
            aside = _compare(*one_side, lang, {*used, "length"})
            if aside.hit:
                return _cased(aside, query, cached)
    return verdict


def _cased(verdict: Verdict, query: str, cached: str) -> Verdict:
    if query.casefold() != query and query.casefold() == cached.casefold():
        return Verdict(True, None, verdict.explained | {"casing"})
    return verdict


def _compare(query_core: str, cached_core: str, lang: str, used: set[str]) -> Verdict:
    """The verdict on two questions whose filler and backstory are gone: frames, tokens, matching,
    then the person, order and direction checks."""
    used = set(used)
    framed = (query_core, cached_core)
    query_core, cached_core = strip_frame(query_core, lang), strip_frame(cached_core, lang)
    if (query_core, cached_core) != framed:
        used.add("frame")
    a, b = list(tokens(query_core, lang)), list(tokens(cached_core, lang))
    pairs = _match(a, b, lang, used)
    if isinstance(pairs, Token):
        return Verdict(False, _reason(pairs, lang))
    persons = [_persons(side, lang) for side in (a, b)]
    third = ("3" in persons[0]) != ("3" in persons[1])  # 'Does she have access?' / 'Do you have access?'
    if (persons[0] and persons[1] and persons[0] != persons[1]) or third:
        return Verdict(False, "person")
    backward = {j: i for i, j in pairs.items()}
    if (
        not (order_kept(a, b, pairs, lang) and order_kept(b, a, backward, lang))
        or swapped(a, b, pairs, lang)
        or blocks_exchanged(a, b, pairs, lang)
    ):
        return Verdict(False, "order")
    if not direction_kept(a, b, pairs, lang):
        return Verdict(False, "direction")
    return Verdict(True, None, frozenset(used))
