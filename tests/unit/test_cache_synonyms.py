"""The English synonym table's rules (dev/wordnet_synonyms.py) on a small hand-made WordNet, and the
shipped table's properties."""

from __future__ import annotations

from pathlib import Path

from dev.wordnet_synonyms import antonyms, parse, synonym_pairs
from shared.cache.words import nominalization, synonym

LEXNAMES = "18\tnoun.person\t1\n06\tnoun.artifact\t1\n40\tverb.possession\t2\n00\tadj.all\t3\n"
VERBS = "\n".join(
    [
        "00000001 40 v 02 buy 0 purchase 0 001 ! 00000002 v 0101 | obtain by paying",
        "00000002 40 v 01 sell 0 001 ! 00000001 v 0101 | give for money",
        "00000003 40 v 02 fix 0 repair 0 000 | restore",
        "00000004 40 v 01 fix 0 000 | decide upon",
        "00000005 40 v 02 approve 0 sanction 0 001 ! 00000007 v 0101 | give sanction to",
        "00000006 40 v 02 sanction 0 penalize 0 000 | impose a penalty on",
        "00000007 40 v 01 penalize 0 001 ! 00000005 v 0101 | the test's antonym of approve",
    ]
)
NOUNS = "\n".join(
    [
        "00000010 18 n 02 manager 0 director 0 000 | someone who controls resources",
        "00000011 06 n 02 laptop 0 notebook 0 000 | a portable computer",
        "00000012 06 n 01 Notebook 0 000 | a name",
    ]
)
ADJS = "\n".join(
    [
        "00000020 00 a 01 expensive 0 001 ! 00000021 a 0101 | high price",
        "00000021 00 a 01 inexpensive 0 001 ! 00000020 a 0101 | low price",
        "00000022 00 s 02 cheap 0 low-cost 0 001 & 00000021 a 0000 | relatively low in price",
    ]
)
SENSES = """\
buy%2:40:00:: 00000001 1 10
purchase%2:40:00:: 00000001 1 8
sell%2:40:00:: 00000002 1 9
fix%2:40:00:: 00000004 1 7
fix%2:40:01:: 00000003 2 3
repair%2:40:00:: 00000003 1 5
approve%2:40:00:: 00000005 1 6
sanction%2:40:00:: 00000005 1 4
sanction%2:40:01:: 00000006 2 1
penalize%2:40:00:: 00000007 1 3
manager%1:18:00:: 00000010 1 29
director%1:18:00:: 00000010 1 18
laptop%1:06:00:: 00000011 1 3
notebook%1:06:00:: 00000011 1 2
expensive%3:00:00:: 00000020 1 5
inexpensive%3:00:00:: 00000021 1 3
cheap%5:00:00:inexpensive:00 00000022 1 4
low-cost%5:00:00:inexpensive:00 00000022 1 1
"""


def _wordnet():  # type: ignore[no-untyped-def]
    files = {"lexnames": LEXNAMES, "index.sense": SENSES, "data.verb": VERBS, "data.noun1": NOUNS}
    return parse({**files, "data.noun2": "", "data.adj": ADJS, "data.adv": ""})


def test_pairs_follow_the_rules() -> None:
    pairs = synonym_pairs(_wordnet())
    assert ("buy", "purchase") in pairs  # the first, attested, dominant sense of both
    assert ("cheap", "low-cost") in pairs
    assert ("laptop", "notebook") in pairs  # 'Notebook' the name is a separate, capitalized lemma
    assert ("director", "manager") not in pairs  # people are entities, not synonyms
    assert ("fix", "repair") not in pairs  # not fix's first sense
    # 'sanction' also means 'penalize', the antonym of 'approve': vetoed whatever sense joined them
    assert ("approve", "sanction") not in pairs


def test_antonyms_are_a_veto_directly_and_through_an_adjective_cluster() -> None:
    opposite = antonyms(_wordnet())
    assert "sell" in opposite["buy"]
    assert "expensive" in opposite["cheap"]  # cheap -> (similar to) inexpensive <-> expensive
    assert "cheap" in opposite["expensive"]


def test_the_shipped_table() -> None:
    table = Path(__file__).resolve().parents[2] / "shared" / "cache" / "synonyms_en.txt"
    text = table.read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text  # the licence's notice
    pairs = {tuple(line.split()[1:]) for line in text.splitlines() if line.startswith("= ")}
    assert ("buy", "purchase") in pairs
    for x, y in [("buy", "sell"), ("director", "manager"), ("cheap", "expensive"), ("apply", "use")]:
        assert (x, y) not in pairs
    assert synonym("purchasing", "buying", "en")
    assert synonym("purchases", "buys", "en")
    assert not synonym("purchased", "buys", "en")  # a different inflection
    assert not synonym("kaufen", "erwerben", "de")  # no resource for DE/FR/ES
    assert nominalization("cancellation", "cancel", "en")
    assert nominalization("approved", "approval", "en")
    assert not nominalization("employee", "employ", "en")  # a person, not the action
    assert not nominalization("cancellation", "approve", "en")
