"""Unit symbols and number shorthand as words, for the semantic hit decision (`tokens.py`).

units      SI symbols with their prefixes, case-sensitive as the SI writes them ('kWh' kilowatt
           hours, 'mL' millilitres, 'MHz', 'km/h' kilometres per hour, 'm/s'), and a few imperial
           ones ('oz', 'lb', 'ft', 'fl oz'), in the question's language; a one-letter symbol ('m',
           'h', 's', 'g') only right after a number ('9 h', '30 m'). A unit stays a content word,
           so 'kW' is never 'kWh' and 'km' never 'miles'.
shorthand  '4k' is 4000 ('$4k' / '$4,000'); a number followed by a multiplier word is one number
           ('4.2 million' / '4,200,000'); 'v3.2' is 'version 3.2'; '20-min' and '5th-grade' are a
           number and a word ('20-minute', 'fifth-grade').
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from shared.cache.lexicon import fold

__all__ = ["data_unit_words", "merge_multiplier", "quantity", "shorthand_number", "unit_words"]

_PREFIXES = {
    "k": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "m": "milli", "c": "centi", "µ": "micro",
    "n": "nano",
}  # fmt: skip
# base symbol -> (plural, singular) per language; '_' joins words ('watt_hours')
_BASES: dict[str, dict[str, tuple[str, str]]] = {
    lang: {
        symbol: (forms.split("/")[0].replace("_", " "), forms.split("/")[-1].replace("_", " "))
        for symbol, forms in (item.split(":") for item in table.split())
    }
    for lang, table in {
        "en": "m:meters/meter g:grams/gram l:liters/liter L:liters/liter W:watts/watt "
        "Wh:watt_hours/watt_hour Hz:hertz/hertz V:volts/volt s:seconds/second h:hours/hour "
        "J:joules/joule N:newtons/newton Pa:pascals/pascal",
        "de": "m:meter/meter g:gramm/gramm l:liter/liter L:liter/liter W:watt/watt "
        "Wh:wattstunden/wattstunde Hz:hertz/hertz V:volt/volt s:sekunden/sekunde h:stunden/stunde "
        "J:joule/joule N:newton/newton Pa:pascal/pascal",
        "fr": "m:mètres/mètre g:grammes/gramme l:litres/litre L:litres/litre W:watts/watt "
        "Wh:wattheures/wattheure Hz:hertz/hertz V:volts/volt s:secondes/seconde h:heures/heure "
        "J:joules/joule N:newtons/newton Pa:pascals/pascal",
        "es": "m:metros/metro g:gramos/gramo l:litros/litro L:litros/litro W:vatios/vatio "
        "Wh:vatios_hora/vatio_hora Hz:hercios/hercio V:voltios/voltio s:segundos/segundo h:horas/hora "
        "J:julios/julio N:newtons/newton Pa:pascales/pascal",
    }.items()
}
_PER = {"en": "per", "de": "pro", "fr": "par", "es": "por"}
_IMPERIAL = {  # English only: written the same in every case
    "oz": "ounces", "lb": "pounds", "lbs": "pounds", "ft": "feet", "fl": "fluid", "gal": "gallons",
    "mph": "miles per hour", "kph": "kilometers per hour", "sq": "square",
}  # fmt: skip
_SYMBOL = re.compile(r"^([kMGTmcµn]?)(Wh|Hz|Pa|[mgLlWVsJNh])$")


def _symbol(part: str, lang: str, plural: bool, alone: bool) -> str | None:
    match = _SYMBOL.match(part)
    if match is None:
        return None
    prefix, base = match.groups()
    if not prefix and not alone:
        return None  # a bare one-letter symbol only after a number
    words = _BASES[lang][base][0 if plural else 1]
    stem = _PREFIXES.get(prefix, "")
    if lang == "fr":
        stem = stem.replace("mega", "méga")
    return stem + words if stem else words


_DATA_UNIT = re.compile(r"^([kmgtpKMGTP])(i?)([bB])(ps|PS|/s)?$")
_DATA_WORDS = {
    "en": ("bytes", "bits"),
    "de": ("byte", "bit"),
    "fr": ("octets", "bits"),
    "es": ("bytes", "bits"),
}


def data_unit_words(raw: str, lang: str, shouting: bool) -> str | None:
    """A data size or rate in words: 'MB' megabytes, 'Mb' megabits, 'MBps' megabytes per second,
    'Mbps' megabits per second. The case of b/B decides bits or bytes when the prefix is written in
    mixed case ('Mb', 'kB', 'MBps'); all in one case ('mb', 'MB', 'MBPS'), a size is bytes and a
    rate bits, as they are usually meant. The prefix is the SI one in either case ('m' is mega here:
    nobody writes millibytes)."""
    match = _DATA_UNIT.match(raw)
    if match is None:
        return None
    prefix, binary, b, rate = match.groups()
    case_free = raw.islower() or raw.isupper() or shouting  # 'mb', 'MB', 'MBPS': the case says nothing
    bits = rate is not None if case_free else b == "b"
    stem = _PREFIXES["k" if prefix in "kK" else prefix.upper()]
    if binary:
        stem = stem[:2] + "bi"  # kibi, mebi, gibi
    if lang == "fr" and not bits:
        stem = stem.replace("mega", "méga").replace("tera", "téra")
    words = _DATA_WORDS[lang][1 if bits else 0]
    return stem + words + (f" {_PER[lang]} {_BASES[lang]['s'][1]}" if rate else "")  # 'per second'


def unit_words(raw: str, lang: str, after_number: bool) -> str | None:
    """The words a unit symbol stands for ('km/h' -> 'kilometers per hour'), or None."""
    if lang == "en" and raw.casefold() in _IMPERIAL:
        return _IMPERIAL[raw.casefold()]
    parts = raw.split("/")
    if len(parts) > 2 or not all(parts):
        return None
    first = _symbol(parts[0], lang, True, after_number or len(parts) == 2)
    if first is None:
        return None
    if len(parts) == 1:
        return first
    second = _symbol(parts[1], lang, False, True)
    return f"{first} {_PER[lang]} {second}" if second else None


_SHORT = re.compile(r"^(\d+(?:\.\d+)?)[kK]$")
_MULTIPLIERS = {"1000", "1000000", "1000000000"}


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def shorthand_number(raw: str) -> str | None:
    """'4k' -> '4000'; None for anything else."""
    match = _SHORT.match(raw)
    return _plain(Decimal(match.group(1)) * 1000) if match else None


def merge_multiplier(number: str, multiplier: str) -> str | None:
    """'4.2' and '1000000' (from 'million') -> '4200000'; None when `multiplier` is not one."""
    if multiplier not in _MULTIPLIERS:
        return None
    try:
        return _plain(Decimal(number) * Decimal(multiplier))
    except InvalidOperation:
        return None


def _split(words: str) -> list[str]:
    """A word list written as running text (ruff's SIM905 would want `str.split` on a literal spelt out)."""
    return words.split()


# What a unit or currency word is, for `quantity`: SI and binary prefixes, unit roots and currency
# names of EN/DE/FR/ES (accents folded), each root the start of its inflected forms ('kilometres',
# 'Kilometern', 'kilómetros'). Two words with different identities are never one word misspelt:
# 'millimeters' / 'milliliters', 'kilobytes' / 'kibibytes', 'krone' / 'krona' are other quantities.
_QUANTITY_PREFIXES = _split(
    "kilo mega giga tera peta exa milli centi zenti deci deca deka dezi hecto hekto micro mikro nano pico "
    "kibi mebi gibi tebi pebi"
)
_QUANTITY_ROOTS = sorted(
    _split(
        "meter metre metro mile meile milla miglia gram gramo liter litre litro watt vatio volt voltio "
        "ampere amp hertz hercio joule julio newton pascal second sekunde seconde segundo minute minuto "
        "hour stunde heure hora byte bit octet ounce onza unze pound pfund livre libra foot feet fuss pied "
        "pie inch zoll pouce pulgada yard yarda gallon gallone galon pint pinte quart cup tasse taza "
        "tablespoon teaspoon ton tonne tonelada acre hectare hektar hectarea knot knoten noeud nudo celsius "
        "fahrenheit kelvin calorie kalorie caloria degree grad degre grado bar psi "
        "dollar dolar euro sterling yen yuan renminbi franc franken franco krone krona kroner kronor real "
        "reais rial riyal peso rupee rupie rupia rupiah dinar dirham lira lire won baht ruble rouble rubel "
        "zloty forint koruna rand shekel dong ringgit naira shilling schilling hryvnia taka "
        # ISO 4217 codes (and two crypto tickers) that are not words of the four languages
        "usd eur gbp jpy chf cny rmb cad aud nzd sek nok dkk pln czk huf inr brl mxn zar krw sgd hkd rub ils "
        "aed sar thb idr myr php vnd btc eth clp"
    ),
    key=len,
    reverse=True,
)
_ENDINGS = frozenset(["", "s", "es", "e", "en", "n", "er", "ern", "x", "os", "as", "a", "o"])


def quantity(word: str) -> str | None:
    """The unit or currency a word names, as 'prefix+root' ('kilometres' -> 'kilo+metre'), or None.
    Roots of one unit in several languages share nothing here on purpose: only a difference of
    identity is read (`words.typo`), never an equality."""
    folded = fold(word.casefold()).replace("ß", "ss")
    prefix = next((p for p in _QUANTITY_PREFIXES if folded.startswith(p) and len(folded) > len(p) + 2), "")
    rest = folded[len(prefix) :]
    for root in _QUANTITY_ROOTS:
        if rest.startswith(root) and rest[len(root) :] in _ENDINGS:
            return f"{prefix}+{'euro' if root == 'eur' else root}"  # 'EUR' / 'euro' may be a typo
    return None
