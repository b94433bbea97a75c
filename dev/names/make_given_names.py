"""Write shared/policy/given_names.txt (dev-only: `python -m dev.names.make_given_names`).

Given names of many locales from Faker's person providers (MIT; faker==40.54.0 in
requirements-dev.txt), Latin script only, minus names that are also common words in EN/DE/FR/ES
(Faker's lorem word lists and a short hand list: "Will", "May", "Grant" ...), so that "a known given
name followed by a capitalized word" does not fire on "Grant Application" or "May Update". The
deployed bundle ships only the text file; Faker is never imported by the functions.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from shared.policy.names import GIVEN_NAMES

OUT = Path(__file__).resolve().parents[2] / "shared" / "policy" / "given_names.txt"
_LOCALES = (
    "en_US en_GB en_IE en_AU en_CA en_IN ga_IE de_DE de_AT de_CH fr_FR fr_CH fr_CA es_ES es_MX es_AR es_CO "
    "it_IT pt_PT pt_BR nl_NL nl_BE pl_PL cs_CZ sk_SK sl_SI hr_HR ro_RO hu_HU sv_SE da_DK no_NO fi_FI "
    "et_EE lv_LV lt_LT tr_TR az_AZ hi_IN sq_AL"
)
LOCALES = tuple(_LOCALES.split())
LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-\u017f][a-zà-öø-ÿĀ-ž'\u2019-]+$")
COMMON = set(
    """will may june april august mark grant bill rose hope faith joy page art don sue pat max chase hunter
    summer autumn dean rich frank ray guy jack miles sterling king major cash gay sunny an van see
    carol christian nova star paris london china georgia virginia florida roman norman german france
    so on no da de la le el les los al ali bo jo ma mi my ni do sol luz paz mar reine""".split()  # noqa: SIM905
)


def lorem_words() -> set[str]:
    words: set[str] = set()
    for locale in ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL"):
        try:
            module = importlib.import_module(f"faker.providers.lorem.{locale}")
        except ImportError:
            continue
        words |= {w.lower() for w in module.Provider.word_list}
    return words


def main() -> None:
    names: set[str] = set()
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = getattr(provider, attr, None) or ()
            names |= set(value.keys() if hasattr(value, "keys") else value)
    common = lorem_words() | COMMON
    kept = sorted(
        n for n in names | GIVEN_NAMES if LATIN.match(n) and len(n) >= 3 and n.lower() not in common
    )
    OUT.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(kept)} names")


if __name__ == "__main__":
    main()
