"""Checksums and scores that separate real identifiers from look-alikes: Luhn, IBAN mod-97, entropy."""

from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

__all__ = ["IBAN_LENGTHS", "iban_length", "iban_valid", "luhn_valid", "shannon_entropy", "ssn_valid"]

# ISO 13616 lengths for the countries whose IBANs we expect to see most (EU/EEA, UK, CH, ...); every
# other country of the SWIFT registry comes from python-stdnum's copy of it (`iban_length`).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23, "GL": 18,
    "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24,
    "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "VA": 22,
}  # fmt: skip


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check used by payment card numbers; `digits` holds only 0-9."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


@cache
def _registry() -> dict[str, int]:
    """IBAN length per country from python-stdnum's registry file (read, not imported: importing
    stdnum.iban costs ~0.1-0.2 s; it is imported only to validate a candidate, see `iban_valid`)."""
    spec = importlib.util.find_spec("stdnum")
    if spec is None or not spec.submodule_search_locations:
        return dict(IBAN_LENGTHS)
    data = Path(next(iter(spec.submodule_search_locations))) / "iban.dat"
    lengths = dict(IBAN_LENGTHS)
    for line in data.read_text(encoding="utf-8").splitlines():
        m = re.match(r'([A-Z]{2}) .*bban="([^"]+)"', line)
        if m:
            lengths[m.group(1)] = 4 + sum(int(n) for n in re.findall(r"(\d+)!?[nac]", m.group(2)))
    return lengths


def iban_length(country: str) -> int | None:
    """The IBAN length of a registry country (e.g. "DE" -> 22), None when it has no IBAN."""
    return IBAN_LENGTHS.get(country) or _registry().get(country)


def iban_valid(iban: str) -> bool:
    """ISO 7064 mod-97-10 over an IBAN without separators with the country's length checked, then
    python-stdnum's validation (the registry's BBAN structure) for a candidate that passes."""
    iban = iban.upper()
    expected = iban_length(iban[:2])
    if expected is None or len(iban) != expected or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    remainder = 0
    for char in rearranged:
        # digits stay, letters become 10..35; fold in chunks to keep the integer small
        chunk = char if char.isdigit() else str(ord(char) - 55)
        remainder = int(str(remainder) + chunk) % 97
    if remainder != 1:
        return False
    from stdnum import iban as stdnum_iban  # lazy: see _registry

    # the registry's BBAN structure, not a country's national check digits: a redactor masks what
    # has the shape and checksum of an IBAN (a miss leaks data; a typo'd real IBAN is still one)
    return bool(stdnum_iban.is_valid(iban, check_country=False))


def ssn_valid(area: str, group: str, serial: str) -> bool:
    """US SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000."""
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def shannon_entropy(value: str) -> float:
    """Bits per character of `value` (0 for empty)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())
