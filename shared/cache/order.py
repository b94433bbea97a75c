"""Order checks of the semantic hit decision (`decision.py`): the same words, matched one to one,
can still ask a different question when they trade places or change direction.

    order      around an order cue (to, from, than, per, in...; > < ≥ ≤ ← ↑ ↓), the nearest matched words keep
               their order ('EUR to USD' / 'USD to EUR'), unless the cue moved with its words
    swapped    two matched tokens trade places next to the same neighbour ('Alice lent Bob' /
               'Bob lent Alice', '10 km in miles' / '10 miles in km'), or around a middle that stays
               while nothing else moves ('dollars pour 100 euros', '09:00 UTC but the clock is X'), or
               joined by a hyphen ('dollars-euros'); two phrases likewise (`blocks_exchanged`)
    direction  a matched word governed by a source preposition on one side (from, von, de, desde)
               and by a target preposition on the other (to, nach, à, a): 'from savings to
               checking' / 'to savings from checking'
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.cache import lexicon as lx
from shared.cache.tokens import Token
from shared.cache.units import quantity
from shared.cache.words import warm

__all__ = ["blocks_exchanged", "direction_kept", "order_kept", "swapped"]


def order_kept(one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], lang: str) -> bool:
    """Around every order cue of `one`, the nearest matched words keep their order in `other`
    ('EUR to USD' vs 'USD to EUR'), unless the cue moved with the words after it ('X en España'
    vs 'En España, X')."""
    cues = lx.CUES[lang]
    grammar: dict[int, int] | None = None
    for c, token in enumerate(one):
        if token.text not in (
            cues if token.kind == "word" else lx.ORDER_SYMBOLS if token.kind == "symbol" else ()
        ):
            continue
        left = next((i for i in range(c - 1, -1, -1) if i in pairs), None)
        right = next((i for i in range(c + 1, len(one)) if i in pairs), None)
        if left is None or right is None:  # only grammar on one side: 'km → mi' read as Spanish 'mi'
            grammar = _grammar_pairs(one, other, cues) if grammar is None else grammar
            if left is None and right is not None and (g := _nearest(grammar, c, -1)) is not None:
                left, pairs = g, {**pairs, g: grammar[g]}
            elif right is None and left is not None and (g := _nearest(grammar, c, 1)) is not None:
                right, pairs = g, {**pairs, g: grammar[g]}
        if left is None or right is None or pairs[left] < pairs[right]:
            continue
        k = pairs[right] - 1
        while k >= 0 and other[k].ignorable and other[k].text not in cues:
            k -= 1
        if k < 0 or other[k].text != token.text:  # not the same 'cue + words' phrase, moved
            return False
    return True


def _grammar_pairs(one: Sequence[Token], other: Sequence[Token], cues: frozenset[str]) -> dict[int, int]:
    """Grammar words (not cues) written once on each side, each paired with its twin."""
    once = [
        {t.text: k for k, t in enumerate(side) if t.ignorable and t.text not in cues} for side in (one, other)
    ]
    counts = [
        {w: sum(t.text == w for t in side) for w in found}
        for side, found in zip((one, other), once, strict=True)
    ]
    return {
        k: once[1][w] for w, k in once[0].items() if w in once[1] and counts[0][w] == 1 and counts[1][w] == 1
    }


def _nearest(grammar: dict[int, int], c: int, step: int) -> int | None:
    found = [k for k in grammar if (k - c) * step > 0]
    return (max(found) if step < 0 else min(found)) if found else None


def _name(token: Token, lang: str) -> bool:
    """Capitalized and, in German (where every noun is), not a word of the language's list:
    'Steuern und Zollgebühren' is a list of nouns, 'Müller und Schmidt'-like names stay names."""
    return token.capital and (lang != "de" or token.text not in warm(lang))


def _kind(token: Token) -> str:
    # 'mph' and 'km/h' trade places alike, and so do a currency symbol and a currency word ('£50 in ¥')
    return "word" if token.kind in ("ident", "symbol") else token.kind


def swapped(one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], lang: str = "en") -> bool:
    """Two matched tokens trading places ('Alice lent Bob' vs 'Bob lent Alice', '10 km en miles' vs
    '10 miles en km'): one takes the other's slot, next to the same neighbour. A conjunction is no
    such neighbour for common words (the items of a list: 'melting and boiling points'), unless the
    question orders steps ('then', 'after'). A phrase moved as a
    block keeps its own neighbours. Names, numbers, symbols and identifiers count with any
    neighbour; other words only next to a content word (not next to 'the'). In German a verb that
    changes its form also changes its place ('wie beantrage ich Urlaub' / 'wie Urlaub beantragen'):
    a word matched to another form of itself does not count there."""
    matched = sorted(pairs)
    sequence = any(t.text in _SEQUENCE for t in one) or _sorted_by(
        one, lang
    )  # 'A and then B', 'sort by A and B'
    if lang == "de":
        matched = [i for i in matched if one[i].text == other[pairs[i]].text]
    order = [pairs[i] for i in matched if not one[i].ignorable]
    for x in matched:
        for y in matched:
            if not (x < y and pairs[x] > pairs[y]):
                continue
            units = _unit(one[x]) and _unit(one[y])  # two units or currencies
            if _transposed(one, other, pairs, x, y, order, lang, units):
                return True  # 'run at 09:00 UTC but the clock is Europe/Berlin' / the other way
            if _kind(one[x]) != _kind(one[y]):
                continue
            counted = any(  # units and currencies: next to a number, or a symbol's word
                _quantity(side, k) for side, k in ((one, x), (one, y), (other, pairs[x]), (other, pairs[y]))
            )
            if not units and one[x].capital != one[y].capital:
                continue  # a name (or German noun) and another word, unless two units ('Meilen' / 'km')
            anchor = one[x].kind != "word" or _name(one[x], lang)
            if anchor and y == x + 1 and pairs[x] == pairs[y] + 1:
                return True  # two names side by side trade places ('USD-EUR rate' / 'EUR-USD rate')
            if _linked(one, x, y) and _linked(other, pairs[y], pairs[x]):
                return True  # 'dollars-euros rate' / 'euros-dollars rate', 'Zug Hamburg - Köln'
            for step in (-1, 1):
                near_x, near_y = x + step, pairs[y] + step
                if near_x == y or not (0 <= near_x < len(one) and 0 <= near_y < len(other)):
                    continue
                # the same neighbour: the same word, or the word matched to it ('cuántas libras' / 'cuántos')
                same = one[near_x].text == other[near_y].text or pairs.get(near_x) == near_y
                listed = not (anchor or sequence or one[x].expanded or one[y].expanded)  # never units
                conjunction = same and one[near_x].text in _CONJUNCTIONS and listed
                if conjunction and _list_reordered(one, other, pairs, x, y, near_x, near_y):
                    continue  # 'melting and boiling points' / 'boiling and melting points': a list
                cue = one[near_x].text in lx.CUES[lang]  # 'move the tax to savings' / 'the fees to savings'
                exchanged = anchor or counted or _exchanged(one, other, pairs, x, y, step)
                if same and (anchor or cue or not one[near_x].ignorable) and exchanged:
                    return True
    return False


def _linked(side: Sequence[Token], x: int, y: int) -> bool:
    """Tokens x < y joined by a hyphen or dash with only grammar between ('the warehouse - the store')."""
    return any(side[k].linked for k in range(x + 1, y + 1)) and all(
        side[k].ignorable for k in range(x + 1, y)
    )


def _transposed(
    one: Sequence[Token],
    other: Sequence[Token],
    pairs: dict[int, int],
    x: int,
    y: int,
    order: list[int],
    lang: str,
    units: bool,
) -> bool:
    """x and y trade places and nothing else moves, across something that stays between them (a
    content word, a number, a cue or a direction word; for two units or currencies anything, even
    nothing: 'a dollar in pesos', 'the dollar euro rate'), and that is not a list ('and', 'or' with
    only grammar between) nor a phrase moved with its own preposition ('In Berlin, what is the weather
    tomorrow?' / 'Tomorrow, what is the weather in Berlin?'): no meaning-preserving reorder is a
    transposition of two words around a fixed middle ('send invoices to finance and receipts to HR').
    `units`: x and y are both units or currencies (never a phrase: 'dollar in pesos')."""
    between = one[x + 1 : y]
    if any(t.text in _CONJUNCTIONS for t in between) and all(
        t.ignorable or t.text in _CONJUNCTIONS for t in between
    ):
        return False  # a list ('monthly and annual prices') is judged by `_list_reordered`
    if _carried(one, other, pairs, x, y):
        return False
    fixed = _FIXED[lang]
    if not units and not any(not t.ignorable or t.kind != "word" or t.text in fixed for t in between):
        return False  # side by side ('password reset' / 'reset password'): a phrase, not a swap
    moved = [pairs[y] if v == pairs[x] else pairs[x] if v == pairs[y] else v for v in order]
    return moved == sorted(moved)


def _before(side: Sequence[Token], i: int) -> tuple[str, ...]:
    """The grammar words right before token i ('in the' before 'EMEA region')."""
    k = i
    while k > 0 and side[k - 1].ignorable and side[k - 1].kind == "word":
        k -= 1
    return tuple(t.text for t in side[k:i])


def _carried(one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], x: int, y: int) -> bool:
    """x or y moved together with the grammar before it, which the other one does not share: a phrase
    moved ('in Berlin'), not two words trading slots ('to finance' / 'to HR' share 'to')."""
    runs = _before(one, x), _before(one, y)
    return any(
        run and run != runs[1 - n] and _before(other, pairs[i]) == run
        for n, (i, run) in enumerate(((x, runs[0]), (y, runs[1])))
    )


def blocks_exchanged(one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], lang: str) -> bool:
    """Two phrases trade places around a middle that stays, and nothing else moves: 'francs suisses
    pour 100 euros' / 'euros pour 100 francs suisses', 'von dem Girokonto auf das Sparkonto' / 'von dem
    Sparkonto auf das Girokonto'. The middle holds a number, a symbol, a cue or a direction word (not
    only grammar: 'At sea level, what is X' / 'What is X at sea level' moves one phrase) and no
    conjunction (a list)."""
    content = [i for i in sorted(pairs) if not one[i].ignorable]
    targets = [pairs[i] for i in content]
    rank = {v: r for r, v in enumerate(sorted(targets))}
    ranks = [rank[v] for v in targets]
    moved = [i for i, r in enumerate(ranks) if r != i]
    if not moved:
        return False
    p, e = moved[0], moved[-1] + 1
    fixed = _FIXED_OR_SEQUENCE[lang]
    for a in range(1, e - p):
        for b in range(1, e - p - a + 1):
            m = e - p - a - b
            expected = (
                [p + b + m + i for i in range(a)] + [p + b + i for i in range(m)] + [p + i for i in range(b)]
            )
            if ranks[p:e] != expected:
                continue
            between = one[content[p + a - 1] + 1 : content[p + a + m]]
            there = other[pairs[content[p + a + m - 1 + b]] + 1 : pairs[content[p]]]  # B's end to A's start
            if any(t.text in _CONJUNCTIONS for t in between):
                return False
            if _carried(one, other, pairs, content[p], content[p + a + m]):
                return False  # a phrase moved with its preposition ('In the EMEA region last quarter, ...')
            stays = [
                {t.text for t in side if t.kind in ("number", "symbol") or t.text in fixed}
                for side in (between, there)
            ]
            # the same middle on both sides (a number, cue, direction word or 'then'; any content word when
            # the phrases hold numbers, symbols, identifiers or units: 'UTC+2 ahead of UTC-5'), not a phrase
            # moved with its cue
            anchored = any(
                one[k].kind != "word" or _unit(one[k]) for k in content[p : p + a] + content[p + a + m : e]
            )
            return (m > 0 and anchored) or bool(stays[0] & stays[1])
    return False


def _unit(token: Token) -> bool:
    """A unit or currency: the expansion of a unit symbol or abbreviation ('km', '$'), or a word
    `units.quantity` knows."""
    return token.expanded or quantity(token.text) is not None


def _quantity(side: Sequence[Token], i: int) -> bool:
    return side[i].expanded or any(0 <= k < len(side) and side[k].kind == "number" for k in (i - 1, i + 1))


def _exchanged(
    one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], x: int, y: int, step: int
) -> bool:
    """Two common words really traded places: y's nearest content neighbour on the other side is
    x's there too, past the words that moved along with each ('a contractor approves an employee
    timesheet' / 'an employee approves a contractor timesheet', 'the parent company owns the
    subsidiary' / 'the subsidiary owns the parent company'); a phrase moved as a block changes only one
    neighbour of each ('above quota last quarter in the EMEA region' / 'in the EMEA region last
    quarter, ... above quota')."""
    backward = {j: i for i, j in pairs.items()}
    near_y = _beyond(one, other, pairs, y, pairs[y], -step)
    near_x = _beyond(other, one, backward, pairs[x], x, -step)
    if near_y is None or near_x is None:
        return near_y is None and near_x is None
    return one[near_y].text == other[near_x].text or pairs.get(near_y) == near_x


def _beyond(
    side: Sequence[Token], there: Sequence[Token], match: dict[int, int], i: int, j: int, step: int
) -> int | None:
    """The nearest content token of `side` from i in `step`'s direction that did not move along with
    token i (its match j in `there`): tokens matched to j's own neighbours in order are skipped."""
    k, e = i + step, j + step
    while 0 <= k < len(side):
        if side[k].ignorable:
            k += step
            continue
        while 0 <= e < len(there) and there[e].ignorable:
            e += step
        if match.get(k) != e:
            return k
        k, e = k + step, e + step
    return None


# A verb that sorts or groups (by its stem) and the preposition that names its keys: the keys are
# ranked in the order written ('sort by price and date' / 'sort by date and price' differ).
_SORTING = {
    "en": (("sort", "order", "rank", "group", "arrange", "prioriti", "break"), "by"),
    "de": (("sortier", "ordne", "ordnen", "gruppier", "rangier"), "nach"),
    "fr": (("tri", "class", "ordonn", "regroup", "rang"), "par"),
    "es": (("orden", "clasific", "agrup"), "por"),
}


def _sorted_by(side: Sequence[Token], lang: str) -> bool:
    """A sorting or grouping verb followed, within three tokens, by its 'by' ('sort the orders by')."""
    stems, by = _SORTING.get(lang, ((), ""))
    for i, token in enumerate(side):
        if (
            token.kind == "word"
            and token.text.startswith(stems)
            and any(t.text == by for t in side[i + 1 : i + 5])
        ):
            return True
    return False


_CONJUNCTIONS = frozenset(["and", "or", "und", "oder", "et", "ou", "y", "o", "e", "u", "&"])
_SEQUENCE = frozenset(
    [
        "then",
        "after",
        "before",
        "first",
        "finally",
        "next",
        "afterwards",
        "dann",
        "danach",
        "zuerst",
        "vorher",
        "nachher",
        "puis",
        "ensuite",
        "avant",
        "après",
        "d'abord",
        "luego",
        "después",
        "antes",
        "primero",
    ]
)


def _list_reordered(
    one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], x: int, y: int, c1: int, c2: int
) -> bool:
    """x and y trade places around the conjunction (c1 in `one`, c2 in `other`) and so does every
    matched content word between them ('shipping address and phone number' / 'phone number and
    shipping address'); 'subtract the tax and add the fees' keeps 'add' after the conjunction."""
    if not (min(x, y) < c1 < max(x, y)):
        return False
    for k in range(min(x, y) + 1, max(x, y)):
        if k == c1 or k not in pairs or one[k].ignorable:
            continue
        if (k < c1) == (pairs[k] < c2):
            return False
    return True


def _governor(side: Sequence[Token], i: int, lang: str) -> str | None:
    """'source' or 'target': the direction preposition in front of token i ('from my desk phone':
    'phone' -> source), over grammar words and at most one content word; None when there is none."""
    directions = lx.DIRECTIONS[lang]
    content = 0
    for k in range(i - 1, -1, -1):
        word = side[k].text if side[k].kind == "word" else ""
        if word in directions:
            return directions[word]
        if side[k].ignorable:
            continue
        content += 1
        if content > 1 or side[k].kind != "word":
            return None
    return None


def direction_kept(one: Sequence[Token], other: Sequence[Token], pairs: dict[int, int], lang: str) -> bool:
    """No matched word is a source ('from X') on one side and a target ('to X') on the other."""
    for i, j in pairs.items():
        here, there = _governor(one, i, lang), _governor(other, j, lang)
        if here and there and here != there:
            return False
    return True


# What stays between two words that trade places for it to be a swap, not a phrase moved: a cue or a
# direction word (and, between two phrases, a sequence word such as 'then')
_FIXED = {lang: lx.CUES[lang] | frozenset(lx.DIRECTIONS[lang]) for lang in lx.LANGS}
_FIXED_OR_SEQUENCE = {lang: fixed | _SEQUENCE for lang, fixed in _FIXED.items()}
