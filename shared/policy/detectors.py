"""Format detectors for PII and secrets: precompiled regexes, then checksums and context words.

Each detector yields `Finding`s (type, span, score). A candidate that fails its checksum or sits
next to a look-alike context word ("order", "Rechnung", "version", ...) is dropped, so order and
invoice numbers, version strings, timestamps, ISBNs, SKUs and Luhn-invalid runs pass untouched.
Context words cover English, German, French and Spanish.

A detector may carry `gates`: cheap necessary conditions (a digit, "@", a literal marker, a context
word) that the engine checks before the scan, once per text for a gate shared by several detectors.
Ordinary prose opens few gates, so most regexes never run on it; a gate never changes what a detector
finds (tests/unit/test_policy_gates.py runs every detector with and without its gates).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from mypy_extensions import mypyc_attr

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import (
    KEYED_MIN,
    any_of,
    finds,
    folds_apart,
    grouped,
    keyed_search,
    matches_at,
    starts_of,
)
from shared.policy.checksums import iban_length, iban_valid, luhn_valid, shannon_entropy, ssn_valid
from shared.policy.secrets_cued import answer_starts, code_starts, scan_answers, scan_codes
from shared.policy.secrets_forms import PHRASE_ROOTS, scan_forms, scan_phrases, scan_quoted_passwords
from shared.policy.secrets_nearby import cue_in, random_like, scan_nearby

__all__ = [
    "DEFAULT_PHONE_REGIONS",
    "DETECTORS",
    "OCR_FOLD",
    "SECRET_DETECTORS",
    "Detector",
    "DigitsGate",
    "Finding",
    "Gate",
    "ScanWords",
    "contains",
    "dashed_ssn_matches",
    "digit_count",
    "has_digit",
    "ipv4_matches",
    "phone_detector",
    "scan_memo",
]


@dataclass(frozen=True, slots=True)
class Finding:
    type: str
    start: int
    end: int
    score: float


Scan = Callable[[str, str, set[str]], Iterator[Finding]]  # (text, lowercased text of equal length, its words)


@mypyc_attr(native_class=False)  # a set subclass: mypyc compiles none (native classes)
class ScanWords(set[str]):
    """`words` as the engine passes it to each detector of one scan: the text's blank-separated words,
    and `memo`, where a detector keeps work that another detector of the same scan would repeat on
    the same text (the three table detectors' reading of each line's header). Built with the scan and
    dropped with it: not a cache keyed by text. A plain set (a test, a direct call) carries none."""

    __slots__ = ("memo",)

    def __init__(self, words: Iterable[str] = ()) -> None:
        super().__init__(words)
        self.memo: dict[str, Any] = {}  # values typed by their readers (one key per kind of work)


def scan_memo(words: AbstractSet[str]) -> dict[str, Any]:
    """The scan's memo (a fresh, unshared one when `words` is a plain set)."""
    return words.memo if isinstance(words, ScanWords) else {}


Gate = Callable[[str, str], bool]  # (text, lowercased text): False only when the scan cannot find anything


@dataclass(frozen=True, slots=True)
class Detector:
    type: str
    priority: int  # wins overlaps: secrets > checksummed ids > formats > names
    scan: Scan
    gates: tuple[Gate, ...] = ()  # cheap necessary conditions, each checked by the engine before `scan`


_DIGITS = "0123456789"
_ANY_DIGIT = re.compile(r"\d")


def has_digit(text: str, lower: str) -> bool:
    """Any decimal digit (`\\d` matches Arabic-Indic and other Unicode digits too; an ASCII-only
    text, the common case, needs only ten C-speed substring tests)."""
    for digit in _DIGITS:
        if digit in text:
            return True
    return not text.isascii() and _ANY_DIGIT.search(text) is not None


_DIGIT_BYTES = _DIGITS.encode()


def digit_count(text: str) -> int | None:
    """How many decimal digits an ASCII text holds (where `\\d` is [0-9]: deleted in C, one pass);
    None for other text (`\\d` matches every Unicode decimal digit there)."""
    if not text.isascii():
        return None
    return len(text) - len(text.encode().translate(None, _DIGIT_BYTES))


class DigitsGate:
    """A gate that opens when the text holds at least `count` decimal digits. Called alone, it tries
    one possessive regex; a gate plan (gate_plan.py) answers all of a pool's digit gates from one
    `digit_count` of the text instead (four gates of the default pool: one pass, not four)."""

    __slots__ = ("_enough", "count")

    def __init__(self, count: int) -> None:
        self.count = count
        self._enough = re.compile(rf"(?:\D*+\d){{{count}}}")  # one pass, no backtracking (possessive)

    def __call__(self, text: str, lower: str) -> bool:
        return self._enough.match(text) is not None


def _digits(count: int) -> Gate:
    """A gate that opens when the text holds at least `count` decimal digits."""
    return DigitsGate(count)


def contains(*needles: str, lowercase: bool = False) -> Gate:
    """A gate that opens when one of `needles` occurs in the text (or its lowercased form)."""
    # each group under its rarest character, tested first; a large group is searched with one pattern
    # over the key's occurrences, not a substring pass per needle
    plan = [
        (key, keyed_search(key, group) if len(group) >= KEYED_MIN else None, group)
        for key, group in grouped(needles)
    ]

    def gate(text: str, lower: str) -> bool:
        haystack = lower if lowercase else text
        for key, keyed, group in plan:
            if key in haystack:
                if keyed is not None:
                    if keyed(haystack) is not None:
                        return True
                    continue
                for needle in group:
                    if needle in haystack:
                        return True
        return False

    return gate


def _colons(text: str, lower: str) -> bool:
    return text.count(":") >= 2


# Matches only when every whitespace-free run is shorter than 32 characters: one possessive pass, so
# a text of ordinary words need not be split into a word set just to find none long enough.
_SHORT_RUNS = re.compile(r"\s*+(?:\S{1,31}+\s++)*+\S{0,31}+\Z")


# ASCII text: a whitespace character (`\s`, which `re` reads as `str.isspace`: also \x1c-\x1f) becomes a
# space, any other character an "a", so a run of 32 a's is exactly a whitespace-free run of 32 or more
_RUN_BYTES = bytes(ord(" ") if chr(c).isspace() else ord("a") for c in range(128)) + bytes(range(128, 256))
_LONG_RUN = b"a" * 32


def _long_run(text: str, lower: str) -> bool:
    """A whitespace-free run of 32 characters or more. An ASCII text is read off its bytes (a table
    lookup per byte and a memmem: ~1/3 of the regex's pass, which runs on the prompt and the answer
    of every request with a digit); any other text by `_SHORT_RUNS`."""
    if text.isascii():
        return _LONG_RUN in text.encode().translate(_RUN_BYTES)
    return _SHORT_RUNS.match(text) is None


# -- context words ----------------------------------------------------------------------------------
_NEGATIVE = re.compile(
    r"(?:\b(?:order\w*|invoice\w*|ref\b|ref\.|reference\w*|ticket\w*|sku|isbn|tracking|serial\w*|part\b|"
    r"model\b|article\w*|item\w*|case\b|build\w*|version\w*|release\w*|id\b|no\.|nr\.|bestell\w*|"
    r"rechnung\w*|auftrag\w*|artikel\w*|art\.|kunden\w*|sendung\w*|commande\w*|facture\w*|"
    r"référence\w*|colis|dossier|pedido\w*|factura\w*|referencia\w*|albarán|envío|lote|batch|isin|ean|"
    r"upc|gtin|timestamp\w*|epoch|ts\b|logged|protokolliert|enregistré|registrado|claim\w*|"
    r"schaden\w*|aktenzeichen|vorgang\w*|sinistre|réclamation|remboursement|reclamaci\w*|expediente|"
    r"siniestro|contract\w*|vertrag\w*|contrat\w*|contrato\w*|policy|police|póliza|box|postfach|"
    r"apartado|casilla|"
    # company registers and tax ids: "RCS Nantes B 732 829 320", "SIREN", "KvK", "HRB", "CIF", "USt-IdNr."
    r"(?:rcs|siren|siret|kvk|hrb|hra|cif|nif|vat|tva)\b|handelsregister\w*|registro mercantil|ust-?id\w*))"
)
_PHONE_CTX = re.compile(
    r"(?:\b(?:my number|meine nummer|mon numéro|mi número|phone|tel\b|tel\.|telephone|"
    r"mobile|cell|call|fax|whatsapp|sms|reach me|telefon\w*|handy|"
    r"mobil\w*|rufnummer|anrufen|anruf|rückruf|erreichbar|téléphone|portable|appele[rz]|rappel\w*|joindre|"
    r"teléfono|telefono|"
    r"móvil|movil|llam[ae]\w*|celular|contact\w*))"
)
# Each `_PHONE_CTX` alternative starts with one of these (so a head holding none has no phone context:
# 17 of the 2 KB dense PII bench prompt's phone candidates skip the pattern, ~3 µs each)
_PHONE_ROOTS = any_of(
    "my number", "meine nummer", "mon numéro", "mi número", "phone", "tel", "mobil", "cell", "call", "fax",
    "whatsapp", "sms", "reach me", "handy", "rufnummer", "anruf", "rückruf", "rappel", "erreichbar",
    "téléphone", "portable",
    "appele", "joindre", "teléfono", "móvil", "movil", "llam", "celular", "contact",
)  # fmt: skip
# a quad right after one of these words is the version it names (a word between, as in "build server
# 10.0.0.5", and the quad is a host again); each word starts a word, so "dev", "prev" and "tv" before a
# host are no "v" (they hid "ssh to the dev 10.0.0.12 box" before the twelfth session)
_VERSION_CTX = re.compile(
    r"(?<![a-z0-9])(?:version|ver\.|release|build|firmware|kernel|sdk|package|update|upgrade|patch|"
    r"versión|versi[oó]n|mise à jour|v)\s*(?:[:=]|is|ist|est|es|now|jetzt)?\s*$"
)
# a serial number's label: the dotted number right after it is that serial ("serial 12.40.88.201"; a
# word between, as in "serial console 10.0.0.5", and it is a host again), unless it is a private
# network's address ("Console: serial 10.20.30.40", "S/N 172.16.4.12 router": a host so named)
_SERIAL_CTX = re.compile(
    r"(?<![a-z0-9])(?:serial(?: number| no\.?)?|s/n|seriennummer|n° de série|número de serie)"
    r"\s*(?:[:=]|is|ist|est|es)?\s*$"
)


def _serial(lower: str, start: int, value: str) -> bool:
    """Whether the quad at `start` is a serial number by its label (`_SERIAL_CTX`), not a private host
    nor a host with a port ("connect to serial 52.14.8.201:2001": a console server; no serial number
    takes a port)."""
    if _SERIAL_CTX.search(lower, max(0, start - 24), start) is None:
        return False
    end = start + len(value)
    if lower[end : end + 1] == ":" and lower[end + 1 : end + 2].isdigit():
        return False
    return not ipaddress.ip_address(value).is_private


def _each(text: str, word: str, spans: list[tuple[int, int]], kind: str, score: float) -> Iterator[Finding]:
    """A finding at `word[start:end]` for each of `spans` at every whitespace-delimited occurrence of
    `word` in `text`. All of a word's spans at once: the text is searched for the word once, not once
    per span (a 32 KB word of 4,600 IPv6 addresses took 0.4 s, quadratic, when each span searched)."""
    if not spans:
        return
    index = text.find(word)
    while index != -1:
        after = index + len(word)
        if (index == 0 or text[index - 1].isspace()) and (after == len(text) or text[after].isspace()):
            for start, end in spans:
                yield Finding(kind, index + start, index + end, score)
        index = text.find(word, index + 1)


def _total(table: Mapping[int, int | None], below: int = 0x250) -> dict[int, int | None]:
    """`table` with every other code point below `below` (ASCII, Latin-1, Latin Extended-A/B) mapped
    to itself: the same translation, but `str.translate` looks each such character up without a miss,
    and a miss raises and catches a LookupError per distinct character of each call (`"müller"
    .translate` 5.8 -> 2.8 µs; the phone scan's context heads and digit counts pay it per candidate)."""
    return {**{point: point for point in range(below)}, **table}


# what OCR reads for letters, 1:1 (offsets unchanged)
OCR_FOLD = _total(str.maketrans("013457@|", "oieastal"))


_OCR_FOLD_BYTES = bytes.maketrans(b"013457@|", b"oieastal")


def _ocr_contains(lower: str, needles: tuple[bytes, ...]) -> bool:
    """Whether the OCR-folded text contains one of `needles` (UTF-8). The fold maps ASCII to ASCII,
    so it runs on the UTF-8 bytes: `str.translate` of a non-ASCII text looks every character up in
    a dict (~0.1 ms per 2 KB), `bytes.translate` is one table lookup per byte."""
    folded = lower.encode("utf-8", "surrogatepass").translate(_OCR_FOLD_BYTES)
    return any(needle in folded for needle in needles)


def _nearest(
    lower: str,
    start: int,
    positive: re.Pattern[str],
    window: int = 40,
    roots: Callable[[str], bool] | None = None,
) -> bool:
    """True when a positive context word is closer before `start` than any look-alike word.
    Context patterns are lowercase literals and run on the lowercased text (case-insensitive
    alternations are several times slower in `re`). Digits read for letters ("Ph0ne", "S5N") fold
    back first. `roots`: a test that one of the literals every `positive` match starts with occurs
    (`any_of`): a few substring tests instead of the pattern tried at each of the 40 positions."""
    head = lower[max(0, start - window) : start].translate(OCR_FOLD)
    if roots is not None and not roots(head):
        return False
    pos = [m.end() for m in positive.finditer(head)]
    if not pos:
        return False
    neg = [m.end() for m in _NEGATIVE.finditer(head)]
    return not neg or pos[-1] > neg[-1]


def _negative_before(lower: str, start: int, window: int = 28) -> bool:
    return _NEGATIVE.search(lower, max(0, start - window), start) is not None


# -- email ------------------------------------------------------------------------------------------
_EMAIL_LOCAL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}\Z")
_EMAIL_DOMAIN = re.compile(r"@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b")


_EMAIL_DOMAIN_ENCODED = re.compile(r"%40(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b")
# A local part that spells a form's fields ("prenom.nom@", "firstname.lastname@", "vorname.nachname@")
# is a template of an address, whatever the domain: no one's mailbox. A placeholder person at a domain
# reserved for documentation ("jane.doe@example.com") stays an address: the project's own examples and
# the dev sets use such addresses for real people's.
_TEMPLATE_LOCAL = re.compile(
    r"(?:first|last|given|sur|family|pre|vor|nach|familien)?_?(?:name|nom|nombre|apellidos?)"
    r"|first|last|prénom|prenom|nom|apellidos?|nombre"
)
_LOCAL_SEPARATOR = re.compile(r"[._+-]")


def _template_email(local: str) -> bool:
    """Whether an address's local part is a template's ("prenom.nom"), not someone's."""
    lowered = local.lower()  # every template part holds one of these roots; most addresses hold none
    if not (
        "nom" in lowered
        or "name" in lowered
        or "first" in lowered
        or "last" in lowered
        or "apellido" in lowered
    ):
        return False
    parts = [p for p in _LOCAL_SEPARATOR.split(lowered) if p]
    return len(parts) >= 2 and all(_TEMPLATE_LOCAL.fullmatch(p) for p in parts)


def _email(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for sign, domain_pattern in (("@", _EMAIL_DOMAIN), ("%40", _EMAIL_DOMAIN_ENCODED)):
        at = text.find(sign)  # "%40": an address percent-encoded in a URL ("?email=tom%40example.org")
        while at != -1:  # anchor on each "@" instead of scanning every position for a local part
            local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
            domain = domain_pattern.match(text, at) if local else None
            # a URL signing credential's scope names the signer (X-Goog-Credential=<account>%40...)
            if (
                local
                and domain
                and not (sign == "%40" and lower.endswith("credential=", 0, local.start()))
                and not _template_email(local.group())
            ):
                yield Finding("EMAIL", local.start(), domain.end(), 0.99)
            at = text.find(sign, at + 1)


# -- phone ------------------------------------------------------------------------------------------
_PHONE = re.compile(
    # the first character leads (a digit, "+" or "("), so the regex engine can skip ahead to it
    # a "tel:" URI's number (RFC 3966) is the one value glued to a colon; " / " parts an area code
    r"[+(\d](?:(?<![\w+/.\-:].)|(?<=[Tt][Ee][Ll]:.))(?:(?<=\+)\(?\d|(?<=\()\d|(?<=\d))\d{0,13}\)?"
    r"(?:(?:[ .\-/]{1,2}| / |(?<=\)))\(?\d{1,10}\)?){0,6}(?![\w]|[.\-/:]\d)"
)
_NOT_DIGITS = _total(str.maketrans("", "", " .-/()+"))  # the only non-digits a phone match can hold
_NANP = re.compile(r"\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}")
_DATEISH = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{1,3}(?:\.\d{1,3}){3}")


DEFAULT_PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES")
_GROUPS = re.compile(r"[ .\-/()]+")
# the previous word is a code group ("NL26 RYOB 7764 1255 12": an IBAN's tail is not a phone number)
_CODE_BEFORE = re.compile(r"(?:\b[A-Z0-9]*[A-Z][A-Z0-9]*\d[A-Z0-9]*|\b[A-Z]{2,5}\d*|\d)\s$")


def _national(value: str, regions: tuple[str, ...]) -> bool:
    """A national number without its country code, grouped like a phone number ("06 12 34 56 78",
    "030 1234567", "555.123.4567"), that libphonenumber accepts as valid for one of `regions`."""
    groups = [g for g in _GROUPS.split(value) if g]
    if len(groups) == 2 and len(groups[0]) == 4 and groups[0][:2] in ("19", "20"):
        return False  # "2024-55891": a year, then a serial (claims, files, invoices), not a phone
    if len(groups) < 2 or any(len(g) < 2 or len(g) > 5 for g in groups[1:-1]) or len(groups[0]) > 5:
        return False
    # "07700 900123": a UK mobile's subscriber part has six digits; after a trunk prefix ("0176 47596210",
    # "089 4760236": German area and mobile codes) a subscriber number has up to eight
    longest = 8 if len(groups) == 2 and groups[0][0] == "0" and len(groups[0]) >= 3 else 6
    if not 2 <= len(groups[-1]) <= longest:
        return False
    import phonenumbers  # lazy: ~60 ms of imports, paid on the first national-format candidate only

    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def valid_national(value: str, regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS) -> bool:
    """Whether `value`, grouped like a phone number, is a valid national number of one of `regions`."""
    return _national(value, regions)


def valid_international(digits: str) -> bool:
    """Whether "+" then `digits` is a valid number of the country its code names (libphonenumber)."""
    import phonenumbers  # lazy, as in `_national`

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+" + digits, None))
    except phonenumbers.NumberParseException:
        return False


def phone_detector(regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS) -> Scan:
    """The phone scan with national formats checked against `regions` (a tenant's hints first)."""

    def scan(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
        return _phone(text, lower, words, regions)

    return scan


# an international number percent-encoded in a URL or form body ("phone=%2B44+7700+900662": "+" is
# "%2B", a blank is "+" or "%20"): a possible number to libphonenumber (as a plain "+44 7700 900662"
# is found without validation: drama and test ranges are not valid numbers)
_PHONE_ENCODED = re.compile(r"%2[Bb](\d{1,4}(?:(?:\+|%20|-)\d{1,8}){0,5})(?![\w%])")


def _encoded_phones(text: str) -> Iterator[Finding]:
    import phonenumbers  # lazy, as in `_national`

    for m in _PHONE_ENCODED.finditer(text):
        number = "+" + m.group(1).replace("%20", " ").replace("+", " ")
        try:
            valid = phonenumbers.is_possible_number(phonenumbers.parse(number, None))
        except phonenumbers.NumberParseException:
            continue
        if valid:
            yield Finding("PHONE", m.start(), m.end(), 0.85)


_EAN_WORDS = re.compile(
    r"\b(?:ean(?:-?13)?|gtin|bar ?codes?|strichcodes?|codes?[ \-]barres?|c[oó]digos? de barras)\b"
)


def _ean_named(lower: str, start: int, end: int) -> bool:
    """A barcode word within 60 characters either side (the review's "Call me on 0 176123 456789" is a
    phone: only a number named a barcode is left when a call word is near too)."""
    return _EAN_WORDS.search(lower, max(0, start - 60), end + 60) is not None


def _ean_printed(value: str) -> bool:
    """An EAN-13 as its barcode prints it, 1 + 6 + 6 digits ("4 260107 220005"): a product's number,
    grouped as no phone number is (the check digit is not required: a number typed by hand)."""
    return value[0] != "+" and [len(g) for g in _GROUPS.split(value) if g] == [1, 6, 6]


# a vCard's TEL property (RFC 6350 6.4.1; "item1." is Apple's group): its value is a phone number however
# it is written, glued to the property's ":" ("TEL;TYPE=CELL:+1-617-555-0134") where the plain pattern
# wants no ":" before a number
_VCARD_TEL = re.compile(
    r"(?:[\w\-]{1,20}\.)?TEL(?:;[^:\n]{0,80})?:(?:tel:)?(\+?[\d(][\d ().\-/]{4,24}\d)"
    r"[ \t]*(?:;ext=\d{1,6})?\r?$",
    re.MULTILINE,
)


def line_starts_with(text: str, word: str) -> Iterator[int]:
    """Where a line (or a vCard property's "group." prefix) starts right before each `word` in `text`."""
    at = text.find(word)
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        if at - line <= 21 and (line == at or (text[at - 1] == "." and "." not in text[line : at - 1])):
            yield line
        at = text.find(word, at + 1)


def _vcard_phones(text: str) -> Iterator[Finding]:
    for line in line_starts_with(text, "TEL"):
        m = _VCARD_TEL.match(text, line)
        if m is not None and 7 <= sum(c.isdigit() for c in m.group(1)) <= 15:
            yield Finding("PHONE", m.start(1), m.end(1), 0.9)


def _phone(
    text: str, lower: str, words: set[str], regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS
) -> Iterator[Finding]:
    if "%2b" in lower:
        yield from _encoded_phones(text)
    if "TEL" in text:
        yield from _vcard_phones(text)
    for m in _PHONE.finditer(text):
        value = m.group()
        if len(value) < 7:
            continue
        digits = len(value.translate(_NOT_DIGITS))
        if digits < 7 or digits > 15 or _DATEISH.fullmatch(value):
            continue
        start = m.start()
        international = value[0] == "+" or value.startswith("00")
        ean = digits == 13 and _ean_printed(value)  # 1 + 6 + 6 digits, as a barcode prints them
        if ean and _ean_named(lower, start, m.end()):
            continue  # named a barcode: "4 260107 220005, ist die EAN"
        if _nearest(lower, start, _PHONE_CTX, roots=_PHONE_ROOTS):  # "Call me on 0 176123 456789"
            yield Finding("PHONE", start, m.end(), 0.9)
        elif ean:
            continue  # 1 + 6 + 6 digits and no call word: a barcode
        elif _negative_before(lower, start):
            # a label that is no phone's ("No.", "Ref:", "SKU"): its numbers are written without a "+"
            # and a country code, so a number that has both and is valid there is a phone in that
            # label's clothing ("supplier hotline No. +1 646 555 0123")
            if value[0] == "+" and digits >= 8 and valid_international(value.translate(_NOT_DIGITS)):
                yield Finding("PHONE", start, m.end(), 0.8)
        elif (international and digits >= 8 and any(c in " -./(" for c in value)) or (
            value[0] == "+" and digits >= 10
        ):
            yield Finding("PHONE", start, m.end(), 0.85)
        elif _NANP.fullmatch(value) and "." not in value:
            yield Finding("PHONE", start, m.end(), 0.75)
        elif (
            9 <= digits <= 12
            and not _CODE_BEFORE.search(text, max(0, start - 8), start)
            and _national(value, regions)
        ):
            yield Finding("PHONE", start, m.end(), 0.7)


# -- payment cards ----------------------------------------------------------------------------------
# not after "tel:+" (a phone's URI read as a card); after a bare "+" a card is still one ("Card: +4111 ...")
_CARD = re.compile(r"\d(?<![\w.\-]\d)(?<!tel:\+\d)(?<!TEL:\+\d)(?:[ \-]?\d){12,18}(?![\w]|[.\-]\d)")
_CARD_GROUPS = frozenset(
    {(4, 4, 4, 4), (4, 6, 5), (4, 6, 4), (4, 4, 4, 4, 3), (4, 4, 4, 1), (4, 4, 4, 2), (4, 4, 4, 3)}
)
_IBAN_HEAD = re.compile(r"[A-Z]{2}\d{2}[ \-]$")
_CARD_PREFIX = re.compile(r"4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(?:011|5|4[4-9]|2)")


def _card(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _CARD.finditer(text):
        value = m.group()
        digits = value.replace(" ", "").replace("-", "")
        if not 13 <= len(digits) <= 19 or not _CARD_PREFIX.match(digits) or not luhn_valid(digits):
            continue
        if (" " in value and "-" in value) or _negative_before(lower, m.start()):
            continue
        groups = tuple(len(g) for g in re.split(r"[ \-]", value)) if len(value) != len(digits) else None
        if groups is not None and groups not in _CARD_GROUPS:
            continue  # "3704 0044 0532 0130 01" is the tail of an IBAN, not a card
        if _IBAN_HEAD.search(text, max(0, m.start() - 5), m.start()):
            continue
        if text[m.start() - 1 : m.start()] == "+" and groups is None and valid_international(digits):
            continue  # "+4915112345678": a German mobile that passes Luhn by chance (1 in 10), a phone's
        yield Finding("CREDIT_CARD", m.start(), m.end(), 0.95)


# -- IBAN -------------------------------------------------------------------------------------------
_IBAN = re.compile(r"[A-Z]{2}(?<![A-Za-z0-9]..)\d{2}(?: ?[A-Z0-9]){11,30}\b")


def _iban(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _IBAN.finditer(text):
        expected = iban_length(m.group()[:2])
        if expected is None:
            continue
        count, end = 0, m.start()
        for end in range(m.start(), m.end()):
            if text[end] != " ":
                count += 1
                if count == expected:
                    break
        end += 1
        if count != expected or (end < len(text) and text[end].isalnum()):
            continue
        if iban_valid(text[m.start() : end].replace(" ", "")):
            yield Finding("IBAN", m.start(), end, 0.99)


# -- US SSN -----------------------------------------------------------------------------------------
_SSN = re.compile(r"(\d(?<![\w\-]\d)\d\d)-(\d{2})-(\d{4})(?![\w]|-\d)")
# 123456789, 123 45 6789, 123.45.6789 (one separator throughout; a context word is required)
_SSN_BARE = re.compile(r"(\d(?<![\w\-.]\d)\d\d)([ .]?)(\d{2})\2(\d{4})(?![\w]| \d|\.\d)")
_SSN_WORDS = ("ssn", "social security", "sozialversicherung", "seguridad social", "sécurité sociale")
_SSN_BYTES = tuple(word.encode() for word in _SSN_WORDS)
_SSN_CTX = re.compile(r"ssn|social security|sozialversicherung|seguridad social|sécurité sociale")
# A bare SSN match is at most 11 characters and its look-ahead reads 2 more: a window's `finditer` stops
# this far past the window's last start, so a match starting in the window is read as in the whole text.
_SSN_BARE_READS = 13


def _ssn(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    if "-" in text:
        for m in dashed_ssn_matches(text):
            if ssn_valid(*m.groups()) and (
                _nearest(lower, m.start(), _SSN_CTX) or not _negative_before(lower, m.start())
            ):
                yield Finding("US_SSN", m.start(), m.end(), 0.85)
    for lo, hi in _ssn_windows(lower):
        for m in _SSN_BARE.finditer(text, lo, min(len(text), hi + _SSN_BARE_READS)):
            if m.start() > hi:
                break
            if ssn_valid(m.group(1), m.group(3), m.group(4)) and _nearest(lower, m.start(), _SSN_CTX):
                yield Finding("US_SSN", m.start(), m.end(), 0.8)


def dashed_ssn_matches(text: str) -> Iterator[re.Match[str]]:
    """`_SSN.finditer(text)`, tried only three characters before each "-" that another "-" follows three
    characters later (every match is ddd-dd-dddd), not at every digit: ~0.3 M instructions on the 2 KB
    dense PII bench prompt's 345 digits. No match overlaps another position where `_SSN` matches (it
    starts after no word character or dash, and holds only digits and dashes), so these are all of
    `finditer`'s matches, in order."""
    return matches_at(
        _SSN, text, (at - 3 for at in finds(text, "-") if at >= 3 and text.startswith("-", at + 3))
    )


def _ssn_windows(lower: str) -> list[tuple[int, int]]:
    """Where a bare SSN the context test keeps can start: `_nearest` wants an `_SSN_CTX` word (OCR-folded)
    wholly inside the 40 characters before the match, so the match starts in [word end, word start + 40].
    Merged, in order. A bare SSN match cannot overlap another position where the pattern matches (it
    starts after no word character, dot or dash, and ends before no word character), so `finditer` over
    these windows yields exactly the matches `finditer` over the text yields there."""
    folded = lower.encode("utf-8", "surrogatepass").translate(_OCR_FOLD_BYTES)
    spans: list[tuple[int, int]] = []
    for word, needle in zip(_SSN_WORDS, _SSN_BYTES, strict=True):
        at = folded.find(needle)
        while at != -1:
            start = at if lower.isascii() else len(folded[:at].decode("utf-8", "surrogatepass"))
            spans.append((start + len(word), start + 40))
            at = folded.find(needle, at + 1)
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        elif lo <= hi:
            merged.append((lo, hi))
    return merged


# -- passport and date of birth (context required) -----------------------------------------------------
_PASSPORT_CTX = re.compile(r"passport|passeport|pasaporte|reisepass|passnummer|pass-nr\.?")
_PASSPORT = re.compile(r"\b[A-Z0-9]{6,9}\b")
# another id's word between the cue and the value: "passport on file; booking ref QX7T2M"
_OTHER_ID = re.compile(
    r"\b(?:ref\b|ref\.|reference|booking|order|ticket|invoice|confirmation|seat|flight|pnr|reservation|"
    r"buchung|réservation|reserva|vuelo|vol\b|localizador|dossier|case|customer|kunden|client|cliente)"
)
_DOB_CTX = re.compile(
    r"born|date[ _-]?of[ _-]?birth|dateofbirth|birth[ _-]?date|birthday|bday\b|dob\b|d\.o\.b\.?|d0b\b|"
    r"geboren|"
    # a birth date in brackets after a name, as biographies and CVs write it: "(b. 3 May 1990)", "(* 3.5.90)"
    r"\(b\.|\(\*|naiss\.|fecha de nac\.?|naiss ance|geb urtsdatum|"  # OCR splits a word with a blank
    r"geburtsdatum|geburtstag|geb\.|née? le|née?\b|date de naissance|fecha de nacimiento|fecha nac|"
    r"f\. ?nac|nacid[oa] el|nacid[oa]|naci[óo]|nací\b|nacimiento|nat[oa] il|nat[oa] a|nascita|nascid[oa]|"
    r"nascimento|geboren op|geboortedatum|cumpleaños|anniversaire|compleanno|aniversário|verjaardag"
)
_DOB_STARTS = starts_of(
    "born", "date", "birth", "bday", "dob", "d.o.b", "d0b", "(b.", "(*", "naiss", "geb", "né", "fecha",
    "f. nac", "f.nac", "naci", "nací", "nat", "nasc",
    "cumpleaños", "anniversaire", "compleanno", "aniversário", "verjaardag",
)  # fmt: skip
# another date's word between a birth cue and a date: "born in Lagos, she joined on 2019-03-01"
_OTHER_DATE = re.compile(
    r"join|hired|start|since|expir|issued|valid|until|appointment|visit|admitted|seit|eingestellt|"
    r"ablauf|gültig|ausgestellt|depuis|embauch|délivr|expire|desde|contratad|vence|caduc|emitid|"
    r"ingres|assunt|scad|rilasciat"
)
# a date's own label ("purchase date", "Kaufdatum", "date d'achat", "fecha de compra", "data di ...")
_DATE_WORD = re.compile(r"date|datum|fecha|\bdata\b")
_MONTHS = (
    # Spanish and French abbreviations as forms print them: "17-ene-1955", "3 janv. 1990", "12 juil. 1988"
    r"(?:ene|abr|ago|dic|janv|avr|juil|"
    r"jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch)?|märz|mars|apr(?:il)?|avril|"
    r"may|mai|june?|juni|juin|july?|juli|juillet|aug(?:ust)?|août|sep(?:t(?:ember|embre)?)?|"
    r"oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|"
    r"março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|augustus)"
)
# a day spelled as an English ordinal, as a date is said aloud: "the twelfth of March, 1975"
_ORDINAL_DAY = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth"
)
_DATE_FORMS = (
    rf"\b\d{{1,2}}[./\-]\d{{1,2}}[./\-]\d{{2,4}}\b|\b\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\b|"
    rf"\b\d{{1,2}}[-/ .]{_MONTHS}[-/ .]\d{{2,4}}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+|of\s+)?{_MONTHS}\.?,?\s+(?:de\s+)?\d{{4}}\b|"
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
)
_DATE = re.compile(rf"(?i:{_DATE_FORMS})")
# the first date after a birth cue may also have its month's abbreviation glued to its day and year
# ("DOB 22MAR1990", "12mar85": tickets, bookings); a date listed after it may not ("DOB 22MAR1990,
# ticket 12MAR2024": a booking's other dates are printed so)
_CUED_DATE = re.compile(rf"(?i:{_DATE_FORMS}|\b\d{{1,2}}{_MONTHS}\d{{2,4}}\b)")
# an ISO date with its time ("1985-03-12T00:00:00Z", as JSON and databases export a date): only as the
# cue's own value, right after it ('"birth_date": "1985-03-12T00:00:00Z"'); elsewhere a timestamp is an
# event's ("birthday_job ran at 2024-03-12T08:00:00", '"last_login": "2024-01-05T10:00:00Z"')
_TIMED_DATE = re.compile(r"[^\w\n]{0,4}(\d{4}-\d{1,2}-\d{1,2})T\d")
# tried only after a birth cue with no `_DATE` in its window (its own pattern keeps `_DATE`'s cost,
# which `_born_after` pays in a window before every birth word, where it was)
_SPOKEN_DATE = re.compile(
    rf"(?i:\b(?:{_ORDINAL_DAY})\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}\b|"
    rf"\b{_MONTHS}\s+(?:the\s+)?(?:{_ORDINAL_DAY}),?\s+\d{{4}}\b)"
)


def _after_context(context: re.Pattern[str], value: re.Pattern[str], kind: str, score: float) -> Scan:
    def scan(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
        for c in context.finditer(lower):
            m = value.search(text, c.end(), min(len(text), c.end() + 40))
            if m is None or (kind == "PASSPORT" and not any(ch.isdigit() for ch in m.group())):
                continue
            if kind != "PASSPORT" or _OTHER_ID.search(lower, c.end(), m.start()) is None:
                yield Finding(kind, m.start(), m.end(), score)

    return scan


_LONGER_NUMBER = re.compile(r"[.\-/]\d")


def _inside_number(text: str, start: int, end: int) -> bool:
    """The date is part of a longer dotted number: a version ("3.3.8.276"), an address."""
    before = text[start - 1 : start]
    return _LONGER_NUMBER.match(text, end) is not None or (before != "" and before in ".0123456789")


# A birth verb after its date, in the same clause: "ich bin am 8. Oktober 1993 in Nowosibirsk geboren",
# "I was on 3 May 1990 in Leeds born" (rare), "sono il 3 marzo 1990 a Bari nato"; the date follows a
# preposition of a day (am, on, le, el, il, em, op) and at most six words, no punctuation and no
# conjunction stand between (those start another clause).
_BORN_AFTER = re.compile(r"\b(?:geboren|born|nato|nata|nacido|nacida|nascido|nascida|née?)\b")
# Where `_BORN_AFTER` and `_DOB_CTX` can start: each alternative opens with one of these literals (on the
# lowered text), so the patterns are tried only there (`anchors.matches_at`), not at every position:
# `_BORN_AFTER` opens with `\b` and `_DOB_CTX` with a class of ten common letters, and `re` tried each
# at every (or every fourth) character, ~0.47 M and ~0.40 M instructions on the 2 KB dense PII bench
# prompt whose "Date of birth:" opens this detector's gate. Same matches
# (tests/unit/test_policy_cost_identity.py compares them with `finditer`).
_BORN_STARTS = starts_of("geboren", "born", "nato", "nata", "nacid", "nascid", "né")
_CONJUNCTIONS = frozenset(
    ("and", "but", "or", "und", "aber", "oder", "et", "mais", "ou", "y", "pero", "o", "e", "ma")
)
_DAY_PREPOSITION = re.compile(r"(?:\bam|\bon|\ble|\bel|\bil|\bem|\bop)[ \t]+$")
# the date is another event's when the clause names one around it: "The firm was founded on 3 May 1990 by
# two brothers born in Leeds", "am 3. Mai 1990 von zwei Brüdern gegründet"
_EVENT = re.compile(
    r"found|open|launch|releas|establish|incorporat|register|creat|built|sign|married|died|"
    r"gegründet|eröffnet|gestartet|gestorben|geheiratet|fondé|ouvert|créé|lancé|mort|marié|"
    r"fundad|abiert|cread|lanzad|murió|casad|fondat|apert|morto|opgericht"
)


def born_matches(lower: str) -> Iterator[re.Match[str]]:
    """`_BORN_AFTER.finditer(lower)`, tried only where one of its words starts."""
    return matches_at(_BORN_AFTER, lower, _BORN_STARTS(lower))


def dob_cue_matches(lower: str) -> Iterator[re.Match[str]]:
    """`_DOB_CTX.finditer(lower)`, tried only where one of its cues starts."""
    return matches_at(_DOB_CTX, lower, _DOB_STARTS(lower))


def _born_after(text: str, lower: str) -> Iterator[Finding]:
    for c in born_matches(lower):
        window = max(0, c.start() - 72)
        last = None
        for m in _DATE.finditer(text, window, c.start()):
            last = m
        if last is None or _inside_number(text, *last.span()):
            continue
        gap = lower[last.end() : c.start()]
        words = gap.split()
        if any(mark in gap for mark in ".,;:!?\n") or len(words) > 6 or _OTHER_DATE.search(gap):
            continue
        clause = lower[max(0, last.start() - 40) : last.start()]
        clause = clause[max(clause.rfind(mark) for mark in ".,;:!?\n") + 1 :]
        if _EVENT.search(gap) or _EVENT.search(clause) or _OTHER_DATE.search(clause):
            continue
        if not _CONJUNCTIONS.isdisjoint(words):  # "founded on 3 May 1990 and our CEO was born"
            continue
        if _DAY_PREPOSITION.search(lower, max(0, last.start() - 5), last.start()) is not None:
            yield Finding("DATE_OF_BIRTH", last.start(), last.end(), 0.8)


_OCR_DIGITS = {"O": "0", "o": "0", "l": "1", "I": "1"}  # what OCR reads for digits, in a number
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{4}[-./]\d{1,2}[-./]\d{1,2})(?!\w)"
)
_OCR_HINT = re.compile(r"\d [\d/.\-]|[/.\-] \d|[OolI]\d|\d[OolI]|[OolI][/.\-]|[/.\-][OolI]")


def _in_number(char: str) -> bool:
    return char.isdigit() or char in "/.-" or char in _OCR_DIGITS


def _ocr_date(text: str, at: int, end: int) -> tuple[int, int] | None:
    """A numeric date as OCR reads one after a birth cue: letters for digits ("O4/O9/1949") and blanks
    inside the number ("1 7/05/1958", "0 5 / 1 1 / 1 9 8 8"). Read on a copy of the window without
    those blanks and with those letters folded, and mapped back to the text."""
    kept: list[str] = []
    where: list[int] = []
    for i in range(at, end):
        char = text[i]
        before, after = text[i - 1] if i > at else "", text[i + 1] if i + 1 < end else ""
        if char == " " and before and after and _in_number(before) and _in_number(after):
            continue
        if char in _OCR_DIGITS and (before.isdigit() or after.isdigit() or before in "/.-" or after in "/.-"):
            char = _OCR_DIGITS[char]
        kept.append(char)
        where.append(i)
    m = _NUMERIC_DATE.search("".join(kept))
    return None if m is None else (where[m.start()], where[m.end() - 1] + 1)


def _cued_date(text: str, at: int, window: int) -> tuple[int, int] | None:
    """The first date in `text[at:window]` (a numeric, month-name or spoken date), or the OCR reading
    of a numeric one where the window shows OCR's marks (a blank or a letter inside a number) and
    the plain reading finds none or a part of it ("1 7/05/1958": "7/05/1958")."""
    m = _CUED_DATE.search(text, at, window) or _SPOKEN_DATE.search(text, at, window)
    plain = None if m is None else m.span()
    if plain is not None and not (
        _in_number(text[max(0, plain[0] - 2) : max(0, plain[0] - 1)]) or text[plain[1] : plain[1] + 1] == " "
    ):
        return plain  # OCR's reading is kept only where it holds the plain one: a number goes on around it
    if _OCR_HINT.search(text, at, window) is None:
        return plain
    ocr = _ocr_date(text, at, window)
    if ocr is not None and (plain is None or (ocr[0] <= plain[0] and plain[1] <= ocr[1])):
        return ocr
    return plain


# a date written without separators, as vCard's BDAY, iCalendar and HL7 write one ("BDAY:19850312",
# "dob=19850312"): only as the cue's own value, right after it (a ";VALUE=date" parameter, a ":", "=",
# a quote or a blank between), with a month and a day that exist: "DOB unknown, case 19850312" is a case's
_COMPACT_DATE = re.compile(
    r"(?:;[^:\n]{0,40})?[^\w\n]{0,3}((?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\w.\-/])"
)


def _compact_date(text: str, at: int) -> tuple[int, int] | None:
    m = _COMPACT_DATE.match(text, at)
    return None if m is None else m.span(1)


def _timed_date(text: str, at: int) -> tuple[int, int] | None:
    m = _TIMED_DATE.match(text, at)
    return None if m is None else m.span(1)


# a key between two dates: a list's next entry ('"kojo": "1998-10-19"', "father=1958-03-04", "Kojo: 19
# Oct 1998") unless the key names an event's date or time, as a record's other fields do ('"dob":
# "1985-03-12", "updated": "2024-01-05"', '"seen": ...', '"ts": ...', "createdAt", "last_login", "DOB
# 1.2.1990; visit=3.4.2024"; `_OTHER_DATE` and `_DATE_WORD` read the gap too)
_KEY_GAP = re.compile(r"([\w\-]+)[\"'\]]*\s*[:=]")
_EVENT_KEY = re.compile(
    r"time|stamp|login|logon|seen|created|updated|modified|changed|deleted|expir|sent|received|"
    r"(?:^|[_\-])(?:at|on|ts|dt)$|^(?:at|on|ts|dt|when|last|first|next)(?:$|[_\-])|last[a-z]|first[a-z]"
)


def _event_key(gap: str) -> bool:
    """Whether a key in `gap` (between a birth date and the next date) names another field's date."""
    return any(_EVENT_KEY.search(m.group(1).lower()) is not None for m in _KEY_GAP.finditer(gap))


def _dob(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """The first date within 64 characters after a birth cue (no other date's word between), then
    the dates listed after it on the same line ("Birthdays: Ama - 3 Jan 2001, Kojo - 19 Oct 1998");
    and a date a birth verb follows in its clause (`_born_after`)."""
    yield from _born_after(text, lower)
    # where a list walk has been: it depends on nothing but the date it stands on, so a later cue whose
    # date a walk passed (or a walk reaching such a date) would yield the same dates again. Skipping them
    # keeps the findings' set and makes "dob 1.2.2001 " * n linear (every cue walked the rest of the line:
    # O(n^2) findings, 23 s at 32 KB, the eleventh session's review)
    walked: set[int] = set()
    for c in dob_cue_matches(lower):
        at = c.end()
        window = min(len(text), at + 64)
        if lower[c.start()] == "(":  # "(b." and "(*" name a birth date only right before one
            first = _DATE.match(text, at + (text[at : at + 1] == " "))
            span = None if first is None else first.span()
        else:
            span = _timed_date(text, at) or _cued_date(text, at, window) or _compact_date(text, at)
        if span is None or _OTHER_DATE.search(lower, at, span[0]) is not None or _inside_number(text, *span):
            continue
        yield Finding("DATE_OF_BIRTH", *span, 0.8)
        end = span[1]
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        while end not in walked and (nxt := _DATE.search(text, end, min(line_end, end + 40))) is not None:
            walked.add(end)
            gap = text[end : nxt.start()]
            if (
                len(gap.split()) > 3
                or _OTHER_DATE.search(lower, end, nxt.start()) is not None
                or _DATE_WORD.search(lower, end, nxt.start()) is not None
                or _event_key(gap)
            ):  # a list holds a name or two between dates, not a sentence, nor another date's label
                break  # ("DOB 1983-07-19, purchase date 2025-03-02"; a birth date's label is a cue itself)
            if _inside_number(text, *nxt.span()):
                break
            end = nxt.end()
            yield Finding("DATE_OF_BIRTH", nxt.start(), end, 0.8)


# -- network addresses -------------------------------------------------------------------------------
_IPV4 = re.compile(r"\d(?<![\w.\-]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w]|\.\d|-\w)")
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])"
)


_NET_CTX = re.compile(
    r"\b(?:ip|ips|ipv4|address|addr|host\w*|server\w*|gateway|router|dns|ping\w*|ssh|connect\w*|client|"
    r"proxy|firewall|lan|wan|vpn|nat|dhcp|node|peer|endpoint|source|destination|src|dst|from|via|"
    r"adresse|rechner|servidor|dirección|direccion|equipo|serveur|passerelle|blocked|allow\w*|whitelist\w*|"
    r"logged in|login|access|printer|device|camera|machine|instance|vm|container|cluster|subnet|network|"
    r"range|cidr|traceroute|curl|http|port|nslookup|dig|resolv\w*|points to|bind|listen\w*|public|private|"
    r"static|internal|external)\b"
)
_MASK_CTX = re.compile(r"(?:netmask|subnet mask|mask|maske|masque|máscara|mascara|subnetz\w*)\s*[:=]?\s*$")
_MASK_OCTETS = frozenset({"0", "128", "192", "224", "240", "248", "252", "254", "255"})
# a router's address is the network's, not a person's host: "gateway 192.168.1.1", "default via ..."
_GATEWAY_CTX = re.compile(
    r"(?:gateway|\bgw|router|routers|passerelle|puerta de enlace|pasarela|default via|default route|"
    r"standardgateway|standard-gateway)(?:'s|\u2019s)?(?:[ \t]*[:=(]|[ \t]+(?:ip|ipv4|address|addr|adresse|"
    r"dirección|direccion|is|ist|est|es|at|of|to|set to|auf|sur|en|par défaut|predeterminada|default|"
    r"admin page|interface|lan|the|la|le|el|die|der))*[ \t]*$"
)
_CIDR = re.compile(r"/(\d{1,2})(?!\d)")
_CIDR6 = re.compile(r"/(\d{1,3})(?!\d)")
_NET_BEFORE = re.compile(r"\b(?:at|on|to|from|via|unter|sur|en|à|a|auf|an)\s+$")
_PRODUCT_BEFORE = re.compile(r"(?:\b[a-z][\w+\-]*[ /]v?|\bv)$")
_HOST_AFTER = re.compile(r"/(?:3[0-2]|[12]?\d)(?!\d)|:\d{1,5}(?!\d)")  # a prefix length or a port


def _network(text: str, value: str, end: int) -> bool:
    """A network or its broadcast, not a host: 0.x.y.z, a dotted quad ending in .0 (the network of a
    /24 or wider), one ending in .255 named a broadcast just before it ("brd 10.1.7.255": in a /16 or a
    /8, x.y.z.255 is an ordinary host, so the number alone does not say), or a CIDR block of more than
    two addresses whose host bits are all zero or all one ("10.8.0.0/16", "0.0.0.0/0", "10.8.255.255/16")."""
    number = int.from_bytes(bytes(int(o) for o in value.split(".")), "big")
    if number >> 24 == 0 or number & 0xFF == 0:  # 0/8 is "this network" (RFC 1122), no host's: 0.0.0.255
        return True  # is an ACL's wildcard mask
    if number & 0xFF == 0xFF:
        before = text[max(0, end - len(value) - 24) : end - len(value)].lower()
        if "broadcast" in before or "brd" in before or "bcast" in before:
            return True
    cidr = _CIDR.match(text, end)
    prefix = int(cidr.group(1)) if cidr is not None else 32
    host = (1 << (32 - prefix)) - 1
    return prefix <= 30 and number & host in (0, host)


# an address named as a DNS server is the network's configuration, not a host of a person's:
# "dns-nameservers 1.1.1.1 8.8.8.8", "nameserver 9.9.9.9", "DNS: 1.0.0.1, 8.8.4.4"
_DNS_CTX = re.compile(
    r"(?:\bdns(?:[ \-_]?servers?|[ \-_]nameservers?|[ \-_]resolvers?)?|nameservers?|name servers?|resolvers?)"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+)[\"']?(?:\d{1,3}(?:\.\d{1,3}){3}[\"']?[ \t]*[,;]?[ \t]*[\"']?)*$"
)
_dns_root = any_of("dns", "nameserver", "name server", "resolver")
_VERSION_HEADER = re.compile(r"(?i:version|versión|versao|ver\.?|release|build|tag)")


def _not_a_host(value: str) -> bool:
    """Loopback (127/8), unspecified (0.0.0.0), multicast (224/4), reserved and broadcast (240/4), as
    `ipaddress.IPv4Address`'s is_loopback/is_unspecified/is_multicast/is_reserved say (tests compare):
    an address no one host is known by. A link-local address (169.254.x.x) is one interface's own
    ("her IP shows 169.254..."): kept. The first octet decides, without building an address object."""
    first = int(value[: value.index(".")])
    return first == 127 or first >= 224 or not value.strip("0.")  # only zeros: 0.0.0.0


_TABLE_ROW = re.compile(r"[^\S\n]*\|")


def _table_header(text: str, line_start: int) -> list[str] | None:
    """The header cells of the Markdown table whose row starts at `line_start`, or None (not a row)."""
    if _TABLE_ROW.match(text, line_start) is None:
        return None
    index = line_start - 1
    for _ in range(12):  # up the table to the separator row; its line above is the header
        if index <= 0:
            return None
        above_start = text.rfind("\n", 0, index) + 1
        above = text[above_start:index]
        if set(above.strip()) <= set("|-: ") and "-" in above:
            header_start = text.rfind("\n", 0, max(0, above_start - 1)) + 1
            return text[header_start : above_start - 1].split("|")
        if not above.lstrip().startswith("|"):
            return None
        index = above_start - 1
    return None


def _netmask(value: str) -> bool:
    """255.255.255.0 and the like: contiguous ones, the shape of a mask rather than a host."""
    octets = value.split(".")
    if octets[0] != "255" or any(o not in _MASK_OCTETS for o in octets):
        return False
    bits = "".join(f"{int(o):08b}" for o in octets)
    return "01" not in bits


def ipv4_matches(text: str) -> Iterator[re.Match[str]]:
    """`_IPV4.finditer(text)`, tried only at the digits (one to three) before a ".", not at every digit:
    a match's first dot ends its first octet, which starts after no digit. No match overlaps another
    position where `_IPV4` matches (it starts after no word character, dot or dash, and holds only
    digits and dots), so these are `finditer`'s matches, in order."""
    return matches_at(_IPV4, text, _octet_starts(text))


def _octet_starts(text: str) -> Iterator[int]:
    """Where the one to three digits (`\\d`: `str.isdecimal`) before each "." begin."""
    for dot in finds(text, "."):
        start = dot - 1
        if start >= 0 and text[start].isdecimal():
            while start and dot - start < 3 and text[start - 1].isdecimal():
                start -= 1
            yield start


# a word a product name is not: a quad after "is" ("box is 10.7.7.21 btw") is no version for
# `_PRODUCT_BEFORE` (EN/DE/FR/ES copulas and a few particles). Articles, "with", "then" and prepositions
# stand before versions as often ("the 1.4.2.5 hotfix", "works with 4.2.1.7"): not in it. A conjunction
# counts only right after a quad taken as a host ("on 10.9.0.21 and 10.9.0.22"), not after a version
# ("Office 16.0.1.4 or 2.1.0.3")
_FUNCTION_WORDS = frozenset(
    (
        "is", "are", "was", "were", "be", "am", "but", "also", "btw", "ist", "sind", "war", "auch", "est",
        "sont", "aussi", "es", "son", "era", "también",
    )
)  # fmt: skip
_CONJUNCTIONS = frozenset(("and", "or", "und", "oder", "et", "ou", "y", "o"))
_VERSION_NAMED = re.compile(r"\b(?:version|versión|versao)(?:[ \t]+[\w\-]+){1,3}[ \t]*[:=][ \t]*$")
# "Version du client : 8.1.0.22": the network word names whose version it is, not a host
_OF_BEFORE = re.compile(r"\b(?:of|of the|du|de|des|del|de la|der|des|von|vom|da|do)\s+$")
_WORD_BEFORE = re.compile(r"(?<![\w.])(\w+)[ \t]+$")


def _net_near(lower: str, start: int, end: int) -> bool:
    """A network word (`_NET_CTX`) in `lower[start:end]` not after "of"/"du"/"der" ("Version du client")."""
    return any(
        _OF_BEFORE.search(lower, max(0, n.start() - 8), n.start()) is None
        for n in _NET_CTX.finditer(lower, start, end)
    )


def _ipv4(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """Dotted quads written as hosts. A quad that shares its first two parts with one a version cue
    names is that version's sibling ("Firmware-Version 2.4.10.3 ..., Rollback auf 2.4.9.1"): left,
    unless a network word is near it or "at" or a function word stands before it ("Host 3.5.77.201",
    "resolver at 8.8.4.4"). Linear in the text: no check reads more than a bounded window, and the
    line's start and its "|" count (the table column) are carried from one quad to the next."""
    if "." not in text:
        return
    named_cue = "version" in lower or "versión" in lower or "versao" in lower  # once per scan
    found: list[Finding] = []
    versions: set[str] = set()
    line_start = 0  # of the line the last quad was on
    searched = 0  # text[:searched] searched for newlines and, from line_start on, for "|"
    column = 0  # how many "|" in text[line_start:searched]: the Markdown table column
    header: list[str] | bool | None = False  # the line's table header (False: not looked up)
    last_end, last_host = -1, False
    for m in ipv4_matches(text):
        value = m.group()
        octets = value.split(".")
        if any((len(o) > 1 and o[0] == "0") or int(o) > 255 for o in octets):
            continue
        start = m.start()
        newline = text.rfind("\n", searched, start)
        if newline != -1:
            line_start, column, header, searched = newline + 1, 0, False, newline + 1
        column += text.count("|", searched, start)
        searched = start
        if column and header is False:
            header = _table_header(text, line_start)
        in_version_column = False
        if isinstance(header, list) and column < len(header):
            in_version_column = _VERSION_HEADER.search(header[column]) is not None
        version = _VERSION_CTX.search(lower, max(0, start - 20), start) is not None or _serial(
            lower, start, value
        )
        if version or _named_version(lower, named_cue, m, octets):
            versions.add(value[: value.index(".", value.index(".") + 1)])
            last_host = False
            last_end = m.end()
            continue
        after_host = (
            last_host and start - last_end < 10 and lower[last_end:start].strip(" \t,") in _CONJUNCTIONS
        )
        last_host = _host(text, lower, m, value, octets, in_version_column, after_host)
        last_end = m.end()
        if last_host:
            found.append(Finding("IP_ADDRESS", start, m.end(), 0.8))
    for finding in found:  # a version's major is one digit; 10/8 is the private network most hosts are in
        value = text[finding.start : finding.end]
        sibling = bool(versions) and value.index(".") <= 1 and value[: value.index(".", 2)] in versions
        if not sibling or _sibling_host(lower, finding.start, finding.end):
            yield finding


def _sibling_host(lower: str, start: int, end: int) -> bool:
    """Whether a version's sibling quad is written as a host all the same: a network word near it
    ("Host 3.5.77.201"), or "at" or a copula right before it ("resolver at 8.8.4.4")."""
    if _net_near(lower, max(0, start - 48), min(len(lower), end + 24)):
        return True
    before = _WORD_BEFORE.search(lower, max(0, start - 16), start)
    return before is not None and (before.group(1) == "at" or before.group(1) in _FUNCTION_WORDS)


def _named_version(lower: str, named_cue: bool, m: re.Match[str], octets: list[str]) -> bool:
    """A version-shaped quad (first part under 20) after "version ... :" ("Version du client : 8.1.0.22")
    with no network word near it ("Version control server: 10.20.4.21" is a host)."""
    if not named_cue or int(octets[0]) >= 20:
        return False
    start = m.start()
    named = _VERSION_NAMED.search(lower, max(0, start - 40), start)
    return named is not None and not _net_near(lower, named.start(), min(len(lower), m.end() + 24))


def _host(
    text: str,
    lower: str,
    m: re.Match[str],
    value: str,
    octets: list[str],
    in_version_column: bool,
    after_host: bool,
) -> bool:
    """Whether the dotted quad `m` (no version cue before it) is written as a host's address, given
    whether it stands in a Markdown table column a version header names and whether a conjunction
    joins it to a quad taken as a host ("on 10.9.0.21 and 10.9.0.22")."""
    start = m.start()
    if _netmask(value):
        return False
    if _MASK_CTX.search(lower, max(0, start - 24), start) or _network(text, value, m.end()):
        return False
    if _GATEWAY_CTX.search(lower, max(0, start - 32), start) or _not_a_host(value):
        return False
    dns = _dns_root(lower[max(0, start - 64) : start]) and _DNS_CTX.search(lower, max(0, start - 64), start)
    if dns or in_version_column:
        return False
    net = (
        _NET_CTX.search(lower, max(0, start - 48), min(len(lower), m.end() + 24)) is not None
        or _NET_BEFORE.search(lower, max(0, start - 8), start) is not None
    )
    # a dotted quad right after a product-like word ("Chrome 4.2.1.7", "build/1.0.0.3") with
    # small leading octets and no network word around it is a version string; one a prefix
    # length or a port follows ("inet 10.0.0.15/24", "10.0.0.5:8080") is written as a host
    if not net and int(octets[0]) < 20 and _HOST_AFTER.match(text, m.end()) is None:
        product = _PRODUCT_BEFORE.search(lower, max(0, start - 24), start)
        if product is not None:
            word = product.group().strip(" /v")
            if word not in _FUNCTION_WORDS and not (after_host and word in _CONJUNCTIONS):
                return False
    return True


def _ipv6(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for word in words:  # only whitespace-separated words with two colons or more
        if word.count(":") >= 2:
            spans = []
            for m in _IPV6.finditer(word):
                value = m.group()
                if len(value) < 6:
                    continue
                try:
                    address = ipaddress.IPv6Address(value)
                except ValueError:
                    continue
                if _not_an_ipv6_host(address, word, m.end()):
                    continue
                spans.append(m.span())
            yield from _each(text, word, spans, "IP_ADDRESS", 0.8)


def _not_an_ipv6_host(address: ipaddress.IPv6Address, word: str, end: int) -> bool:
    """What no one host is known by, as for IPv4: loopback (::1), unspecified (::), multicast (ff00::/8),
    and a prefix whose host bits are zero ("2001:db8:abcd::/48", "fe80::/10"): a network."""
    number = int(address)  # the properties build network objects per call: the bits are tested here
    if number <= 1 or number >> 120 == 0xFF:  # ::, ::1, ff00::/8 (tests compare with `ipaddress`)
        return True
    cidr = _CIDR6.match(word, end)
    prefix = int(cidr.group(1)) if cidr is not None else 128
    return prefix < 128 and number & ((1 << (128 - prefix)) - 1) == 0


# -- credentials ----------------------------------------------------------------------------------------
_GOOGLE_KEY = re.compile(r"AIza(?<![\w\-]....)[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])")
# AWS documents its sample key ids ending in "EXAMPLE" (AKIAIOSFODNN7EXAMPLE): a random id ends so
# once in 32^7 (~3e10), so such an id is the documentation's, not someone's key.
_AWS_KEY = re.compile(
    r"A(?:KIA|SIA|BIA|CCA|GPA|IDA|ROA|IPA|NPA|NVA|PKA)(?<!\w....)[0-9A-Z]{16}\b(?<!EXAMPLE)"
)
_PRIVATE_KEY = re.compile(
    r"-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[A-Za-z0-9+/=\s\\]*"
    r"(?:-----END [A-Z ]{0,20}PRIVATE KEY-----(?:\\n|\\r\\n|\n)?)?"
)
_JWT = re.compile(r"eyJ(?<![\w\-]...)[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*")
_SCHEME_BEFORE = re.compile(r"(?<![\w+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,15}$")
_URL_REST = re.compile(r"[^\s\"'<>\\`]+")
_URL_TRAILING = ".,;:!?)]}*"
_URL_SECRET = re.compile(
    r"(?i:://([^/\s:@]*):([^/\s@]{3,})@|[?&#;]([\w.\-]*(?:token|key|secret|sig|signature|password|passwd|"
    r"pwd|auth|credential|ticket|jwt|hmac|firma|jeton|passwort|contrase[nñ]a)|code|session|sessionid|sid|otp|"
    # a code named by what it opens ("access_code", "authCode", "invite-code"; not "zip_code", "country_code")
    r"[\w.\-]*(?:access|auth|verification|verify|invite|invitation|reset|confirmation|login|security)"
    r"[_\-]?code|"
    r"pw|pass)=([^&#\s]{8,})"
    # a random path segment after a word that names a one-time link: /reset/<token>, /invite/<token>
    r"|/(?:reset|reset-password|password-reset|invite|invitation|verify|verification|confirm|activate|"
    r"activation|magic|magic-link|signin|sign-in|onboarding|unsubscribe|token|share|recover|recovery|"
    r"forgot|forgot-password|password|login|auth|join|accept|claim|redeem|approve|unlock|passwort|kennwort|"
    r"einladung|mot-de-passe|invitacion|contrasena)/(?:[a-z]{2,12}/)?"  # "/passwort/neu/<token>"
    r"((?=[A-Za-z_\-]*\d)(?=[\d_\-]*[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_\-]{15,})(?![\w\-])"  # random, not a slug
    # a secret path segment ("/private-<hex>/basic.ics"), an invite host's code ("chat.<app>.com/<code>")
    r"|/(?:private|secret|token)-([A-Za-z0-9]{16,})(?![\w\-])"
    r"|//(?:chat|invite|join)\.[\w.\-]+/((?=[A-Za-z_\-]*\d)(?=[\d_\-]*[A-Za-z])[A-Za-z0-9_\-]{16,})(?![\w\-/])"
    # a one-time link's query: a random parameter value, whatever its name ("/recover?u=ana&t=<hex>")
    r"|/(?:reset|reset-password|password-reset|verify|confirm|activate|magic|magic-link|recover|recovery|"
    r"forgot|forgot-password|unlock|unsubscribe)\?(?:[\w.\-%]{1,24}=[^&#\s]{0,64}&){0,6}[\w.\-]{1,12}="
    r"((?=[A-Za-z_\-]*\d)(?=[\d_\-]*[A-Za-z])[A-Za-z0-9_\-]{16,})(?![\w\-%]))"
)
# publishable by design (Stripe pk_live_/pk_test_, Mapbox pk.eyJ…): they ship in web pages
_PUBLISHABLE = re.compile(r"pk_(?:live|test)_|pk\.eyJ")
_TOKEN_MARKERS = (
    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "sk-", "sk_", "rk_", "ghk_", "glpat-",
    "ya29.", "AccountKey=", "_live_", "_test_", "_prod_", "_v1_", "shpat_", "shpss_", "shpca_", "shppa_",
    "hf_", "npm_", "pypi-AgE", "ATATT3", "SG.", ":AA", "key-",
)  # fmt: skip
_ASSIGN_WORDS = tuple(  # found with str.find on the lowercased text, then `_ASSIGNED` matches the value
    ["password", "passwd", "pwd", "passwort", "kennwort", "contraseña", "clave", "secret", "bearer"]
    + ["token", "apikey", "mot de passe", "pass", "mot_de_passe", "mot-de-passe"]
    + [f"{a}{sep}{b}" for a, b in (("api", "key"), ("access", "key"), ("secret", "key"), ("auth", "token"),
                                   ("private", "key")) for sep in "_- "]
)  # fmt: skip
_TOKEN_PREFIX = re.compile(
    r"(?<![\w\-])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|xox[abprs]-[A-Za-z0-9\-]{10,}|"
    r"sk-(?:proj-|live-|test-)?[A-Za-z0-9_\-]{20,}|(?!pk_live_|pk_test_)[a-z]{2,5}_(?:live|test|prod)_[A-Za-z0-9]{16,}|"
    r"ghk_[A-Za-z0-9_\-]{20,}|glpat-[A-Za-z0-9_\-]{20,}|ya29\.[0-9A-Za-z_\-]{20,}|"
    r"AccountKey=[A-Za-z0-9+/=]{40,}|"
    # Hugging Face (hf_ + 34 letters), npm (npm_ + 36), PyPI upload tokens (a macaroon: "pypi-AgEIcHlwaS5vcmc"
    # is base64 of its location pypi.org), Atlassian API tokens (ATATT3 + base64url + "=" + CRC32 hex),
    # SendGrid (SG.<22>.<43>)
    r"hf_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{36}|pypi-AgE[A-Za-z0-9_\-]{50,}|ATATT3[A-Za-z0-9_\-]{60,}=[0-9A-F]{8}|"
    r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}|"
    # DigitalOcean (dop/doo/dor_v1_ + 64 hex) and Shopify (shpat/shpss/shpca/shppa_ + 32 hex) tokens
    r"(?:do[por]_v1_[a-f0-9]{64}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})(?![\w\-])|"
    # Telegram bot tokens: the bot's numeric id, ":", "AA" and 33 base64url characters
    r"\d{8,10}:AA[A-Za-z0-9_\-]{33}(?![\w\-])|"
    # Mailgun's private API keys: "key-" and 32 lower-case hex digits, whole
    r"key-[0-9a-f]{32}(?![\w\-]))"
)
# the value may hold "$" but not start with one (`$DB_PASSWORD`, `${SECRET}` are references)
_ASSIGNED = (
    re.compile(  # ">" closes an XML element's tag (`<password>...</password>`); b"..." a bytes literal
        r"[\"']?\s*([:=>]|is|ist|est|es)?\s*(?:[bru]?[\"'])?([^\s\"',;<>(){}\[\]$][^\s\"',;<>(){}\[\]]{5,})"
    )
)
# a few words between the keyword and "is"/":" ("la contraseña del router de la oficina es ..."): the
# value then needs all three character classes and eight characters (letters and digits after a colon)
_ASSIGNED_LATER = re.compile(
    r"[\w-]{0,64}(?:[ \t]+[\w'\u2019.-]{1,20}){0,5}?[ \t]*"
    r"(?:([:=])(?!/)|(?:is|ist|est|es|è|lautet|será|sera|era|was|contains|enthält|contient|contiene)(?!\w))"
    r"[ \t]*[\"'«“„]?([^\s\"',;<>(){}\[\]$«»“”„][^\s\"',;<>(){}\[\]«»“”„]{7,})"
)
_QUERY_REST = re.compile(
    r"&[\w.\-]+=.*"
)  # "access_token=<v>&token_type=...": the value ends at the next parameter
_MYSQL_FLAG = re.compile(r"\s-p['\"]?([^\s\"']{4,})")  # mysql -pSECRET, -p'SECRET' (glued to the flag)
_BARE = re.compile(r"(?<![\w+/=\-])[A-Za-z0-9+/_\-]{32,}={0,2}(?![\w+/=\-])")
_PLACEHOLDERISH = frozenset({"null", "none", "true", "false", "changeme", "password", "redacted"})


def _classes(value: str) -> int:
    """How many of lowercase, uppercase and digits occur (string methods, no per-character loop)."""
    return (value.upper() != value) + (value.lower() != value) + (_ANY_DIGIT.search(value) is not None)


def _urls(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every URL of any scheme (https, postgres, mongodb+srv, ...), found from its
    "://" (str.find) rather than by a regex tried at every position; trailing punctuation is not
    part of it."""
    index = text.find("://")
    while index != -1:
        scheme = _SCHEME_BEFORE.search(text, max(0, index - 16), index)
        rest = _URL_REST.match(text, index + 3)
        if scheme is not None and rest is not None:
            end = rest.end()
            while end > rest.start() and text[end - 1] in _URL_TRAILING:
                end -= 1
            yield scheme.start(), end
            index = text.find("://", end)
        else:
            index = text.find("://", index + 3)


# an HTTP request line's target ("GET /oauth/callback?code=... HTTP/1.1", in a request dump or an access
# log): a URL without scheme and host, whose parameters carry credentials as a URL's do
_REQUEST_TARGET = re.compile(r"(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)[ \t]+(/[^\s\"]*)[ \t]+HTTP/\d")


def _targets(text: str) -> Iterator[tuple[int, int]]:
    yield from _urls(text)
    if " HTTP/" in text:
        for m in _REQUEST_TARGET.finditer(text):
            yield m.start(1), m.end(1)


# the query parameters that name a signed URL's signing credential's scope (an identity, not a secret)
_SIGNING_SCOPES = frozenset({"x-amz-credential", "x-goog-credential"})


def _url_token(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """The credentials a URL carries (the password in its userinfo; the value of every token, key,
    signature or password parameter: OAuth callbacks, reset links, meeting links' `pwd`, the signature
    of a pre-signed S3/GCS URL or an Azure SAS) are each a finding, and the rest stays: without those
    values it opens nothing, and its host, path and ids (a bucket's object, a meeting number, a user
    id) are what a reader asks about. Left too: a signing credential's scope (`X-Amz-Credential=
    <key id>%2F<date>%2F...`, `X-Goog-Credential=<service account>%2F...`: an identity, not a secret;
    an AWS key id in it is the AWS detector's) and publishable keys (`access_token=pk.…`). A userinfo
    whose password repeats its user (`postgres:postgres@db…`) is still masked: a default password on a
    real host is a working credential. A request line's target (`GET /callback?code=... HTTP/1.1`) is
    read as a URL."""
    for start, end in _targets(text):
        for m in _URL_SECRET.finditer(text, start, end):
            group = next(g for g in (2, 4, 5, 6, 7, 8) if m.group(g) is not None)
            value = m.group(group)
            if group in (5, 7) and "-" in value and _classes(value) < 3:
                continue  # "quarterly-report-2024" is a slug; a random segment mixes cases
            if group == 4 and (
                _PUBLISHABLE.match(value) or (m.group(3).lower() in _SIGNING_SCOPES and "%2F" in value)
            ):
                continue
            yield Finding("URL_TOKEN", m.start(group), m.end(group), 0.9)
        if "?" in text[start:end]:
            yield from _random_parameters(text, start, end)


# any query parameter's value drawn at random (`random_like`: both cases, a digit, a class change at every
# other character), whatever the parameter's name: an unsubscribe link's `?t=`, a CDN signature's `&s=`
# Left: the parameters random by design that open nothing: OAuth's anti-forgery "state" and "nonce",
# pagination cursors, ad click ids ("gclid", "fbclid", "msclkid") and campaign tags, and the published
# share, tracking and content-id parameters of the big sites (twelfth-session review: each masked an
# ordinary link): YouTube's share id "si", playlist "list", "pp", "feature"; Unsplash/imgix "ixid",
# "ixlib"; Google search's "ved", "sxsrf", "ei", "sca_esv", "gs_lcrp", "oq"; Amazon's associate "linkId",
# "linkCode", "tag"; Instagram/Facebook share ids "igsh", "igshid", "mibextid"; HubSpot/Mailchimp
# "_hsenc", "_hsmi", "mc_eid", "mc_cid". And X/Twitter's share tracking "s" and "t" on those hosts only
# (elsewhere `?t=` may open an unsubscribe link). Named exclusions, not a rule on the name's meaning:
# "id"-like names were tried and cost held-out recall (238023f); a name list is what the sites publish
_PARAMETER = re.compile(r"[?&;]([\w.\-]{1,32})=([^&#;\s]{16,})")
_PUBLIC_PARAMETER = re.compile(
    r"(?i:.*clid|state|nonce|cursor|after|before|utm_.*|ref|v|si|list|pp|feature|ixid|ixlib|ved|sxsrf|ei|"
    r"sca_esv|gs_lcrp|oq|linkid|linkcode|tag|igsh|igshid|mibextid|_hsenc|_hsmi|mc_eid|mc_cid)"
)
_TWITTER_HOST = re.compile(r"(?i:(?:^|[/.@\s])(?:x|twitter)\.com/[^\s?]*\?[^\s]*)\Z")


def _random_parameters(text: str, start: int, end: int) -> Iterator[Finding]:
    for m in _PARAMETER.finditer(text, start, end):
        value, name = m.group(2), m.group(1)
        if (
            random_like(value)
            and _PUBLISHABLE.match(value) is None
            and not _PUBLIC_PARAMETER.fullmatch(name)
            and not (name in ("s", "t") and _TWITTER_HOST.search(text, start, m.start(1)) is not None)
        ):
            yield Finding("URL_TOKEN", m.start(2), m.end(2), 0.85)


def _placeholder_token(value: str) -> bool:
    """A documentation placeholder in a token's shape: "ghp_xxxxxxxx...", "sk_live_XXXX...", "npm_0000..."
    (one character makes up half the value or more; in a random token of 16+ characters none does)."""
    lower = value.lower()
    return max(lower.count(ch) for ch in set(lower)) * 2 >= len(value)


def _secret_prefixed(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _TOKEN_PREFIX.finditer(text):
        if not _placeholder_token(m.group()):
            yield Finding("SECRET", m.start(), m.end(), 0.95)


# password words of NL/PL/PT/SV: their own detector, gated on the words alone (as roots of
# `_secret_assigned`'s gate they cost the typical request +5.6 k instructions, 1.4 %). Not behind the
# digit gate: a password need not hold a digit ("wachtwoord: GeheimWachtwoord!")
_ASSIGN_WORDS_MORE = ("wachtwoord", "hasło", "haslo", "senha", "lösenord")


# credential files by their syntax: ~/.netrc ("machine <host> login <user> password <pw>") and
# ~/.pgpass lines ("<host>:<port>:<database>:<user>:<password>", read where the text names the file)
# a .netrc entry names its login (or account): "machine learning password classifier" is prose
_NETRC = re.compile(r"\bmachine[ \t]+\S+(?:[ \t]+(?:login|account)[ \t]+\S+){1,2}[ \t]+password[ \t]+(\S+)")
_PGPASS = re.compile(r"^[ \t]*[\w.\-*]+:(?:\d{2,5}|\*):[^\s:]+:[^\s:]+:(\S+)[ \t]*$", re.MULTILINE)


def _secret_files(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    patterns = (_NETRC,) if "pgpass" not in lower else (_NETRC, _PGPASS)
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield Finding("SECRET", m.start(1), m.end(1), 0.9)


def _secret_assigned_more(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    return _assigned(text, lower, _ASSIGN_WORDS_MORE)


def _secret_assigned(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    yield from _assigned(text, lower, _ASSIGN_WORDS)
    if "key" in lower:
        for start, end in _key_named(text, lower):
            yield Finding("SECRET", start, end, 0.8)
    for start, end in scan_quoted_passwords(text, lower):  # "master password: "correct horse battery staple""
        yield Finding("SECRET", start, end, 0.8)
    if "mysql" in lower or "mariadb" in lower:
        for m in _MYSQL_FLAG.finditer(text):
            line = lower[lower.rfind("\n", 0, m.start()) + 1 : m.start()]
            if ("mysql" in line or "mariadb" in line) and _classes(m.group(1)) >= 2:
                yield Finding("SECRET", m.start(1), m.end(1), 0.8)


def _assigned(text: str, lower: str, keywords: tuple[str, ...]) -> Iterator[Finding]:
    """The value assigned to each of `keywords` (right after it, or after a few words and a verb)."""
    for keyword in keywords:
        index = lower.find(keyword)
        covered = 0  # the end of the last value found: a keyword inside it is part of that secret
        while index != -1:
            at = index
            index = lower.find(keyword, index + 1)
            if at < covered:
                continue  # "password=password=...": each value would run to the same end (n^2)
            found = _assigned_value(text, lower, keyword, at)
            if found is None and keyword != "pass" and not _names_metadata(lower, at + len(keyword)):
                later = _ASSIGNED_LATER.match(  # "la password del wifi è «...»"
                    text, at + len(keyword), at + len(keyword) + _VALUE_REACH
                )
                value = _QUERY_REST.sub("", later.group(2)).rstrip(".") if later is not None else ""
                # after a colon ("password in the team channel: hunter2hunter2") letters and digits do
                need = 2 if later is not None and later.group(1) and _ANY_DIGIT.search(value) else 3
                if later is not None and _classes(value) >= need and len(value) >= 8:
                    found = (later.start(2), later.start(2) + len(value))
            if found is not None and _PUBLISHABLE.match(text, found[0]) is None:
                covered = found[1]
                yield Finding("SECRET", found[0], found[1], 0.8)


# a name that goes on after the keyword with a property of the credential ("token_type",
# "password_min_length", "secret_ref") names a fact about it, not it ("DB_PASSWORD_PROD" still does)
_METADATA_TAIL = re.compile(
    r"(?:[_\-][a-z0-9]+){0,8}[_\-](?:type|length|len|min|max|policy|hint|expiry|expires(?:_in|_at)?|expiration|"
    r"url|uri|endpoint|name|hash|format|ttl|age|count|version|header|prefix|pattern|regex|"
    r"strength|required|enabled|field|label|ref|scope|scopes|lifetime|timeout)(?![\w\-])"
)


def _names_metadata(lower: str, end: int) -> bool:
    """Whether the keyword ending at `end` begins a longer name that ends in a property word."""
    return lower[end : end + 1] in ("_", "-") and _METADATA_TAIL.match(lower, end) is not None


# any name ending in "key" ("appKey:", "APP_KEY=", "encryption-key:") with a random value: 32+ hex
# digits, or 20+ characters of three classes; names of keys that are not secrets are left
_KEY_SEP = re.compile(r"[\"']?[ \t]*[:=][ \t]*[\"']?")
_KEY_VALUE = re.compile(r"[A-Za-z0-9+/_\-]{20,}={0,2}(?![\w+/=\-])")
_HEX = re.compile(r"[0-9a-fA-F]{32,}")
_NOT_SECRET_KEYS = (
    "public", "pub", "publishable", "primary", "partition", "sort", "foreign", "idempotency", "cache",
    "object", "row", "hash", "range", "map", "lookup", "dedup", "routing", "site",
)  # fmt: skip


_READ_ALREADY = ("api", "access", "secret", "private", "auth")  # `_ASSIGN_WORDS` holds "<name> key" forms


def _key_named(text: str, lower: str) -> Iterator[tuple[int, int]]:
    for at in finds(lower, "key"):
        # the separator first: it is what bounds the walk back over the name, since every character
        # it may hold ends a name, so names walked are disjoint ("keykeykey..." walks nothing)
        sep = _KEY_SEP.match(text, at + 3)
        if sep is None or not any(ch in sep.group() for ch in ":="):
            continue
        name_start = at
        while name_start and (lower[name_start - 1].isalnum() or lower[name_start - 1] in "_-"):
            name_start -= 1
        name = lower[name_start:at]
        if not name or any(word in name for word in _NOT_SECRET_KEYS) or name.rstrip("_-") in _READ_ALREADY:
            continue  # a bare "key", a public one, or a name `_ASSIGN_WORDS` reads already
        value = _KEY_VALUE.match(text, sep.end())
        if value is None or _PUBLISHABLE.match(value.group()):
            continue
        random = _HEX.fullmatch(value.group()) is not None or (
            _classes(value.group()) == 3 and shannon_entropy(value.group()) >= 3.5
        )
        if random:
            yield value.start(), value.end()


_AUTH_HEADER = re.compile(r"authorization[\"']?[ \t]*[:=][ \t]*[\"']?$")


def _in_tag(lower: str, at: int) -> bool:
    """Whether the keyword at `at` is inside an XML tag's name (`<db_password>`)."""
    opened = lower.rfind("<", max(0, at - 32), at)
    return opened != -1 and not any(ch in lower[opened + 1 : at] for ch in " \t\n>")


_GLUED = frozenset("_-")
# how far after a keyword its assigned value is read: a bound, so that a text of many keywords costs
# n x this rather than n^2 ("password=" 2,222 times in 20 KB took seconds); a value is rarely over
# 1 KB, and one longer than this is masked up to it (a JWT, the longest, is its own detector's)
_VALUE_REACH = 1024


# a value read from the environment where the code runs ("signingSecret: process.env.SLACK_SIGNING_SECRET",
# "password=os.environ['DB_PASSWORD']"): the runtimes' published accessors name a variable, hold no secret
_REFERENCE = re.compile(
    r"(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|Deno\.env|ENV)[.\[(]"
)


def _assigned_value(text: str, lower: str, keyword: str, at: int) -> tuple[int, int] | None:
    """The value assigned right after `keyword` at `at` ("password: ...", "token=...", "key is ...")."""
    after = text[at + len(keyword) : at + len(keyword) + 1]
    if after in _GLUED or (after.isalnum() and after not in "iebru"):
        # the pattern's value would begin at once: the keyword begins a longer name (below), decided
        # here without matching the value to its end (a text of many glued keywords cost n^2)
        return None
    assigned = _ASSIGNED.match(text, at + len(keyword), at + len(keyword) + _VALUE_REACH)
    if assigned is None:
        return None
    value = _QUERY_REST.sub("", assigned.group(2)).rstrip(".")
    if assigned.group(1) is None and assigned.start(2) == at + len(keyword):
        return None  # the keyword begins a longer name: "token_type=Bearer", "passwort/neu/..." (a path)
    if (
        value.lower() in _PLACEHOLDERISH
        or value.startswith("[")
        or _classes(value) < 2
        or _PUBLISHABLE.match(value)
        or _REFERENCE.match(value)
    ):
        return None
    if keyword == "pass" and (assigned.group(1) not in (":", "=") or lower[at - 1 : at].isalpha()):
        return None  # "DB_PASS=..." and "pass: ..." but not "passenger", "bypass" or "pass it on"
    if assigned.group(1) == ">" and not _in_tag(lower, at):
        return None  # "password > 8 characters" is no element
    # a bearer token, or any token an Authorization header carries ("Authorization: Token <hex>"),
    # may be hex: two classes
    bearer = len(value) >= 16 and (
        keyword == "bearer" or _AUTH_HEADER.search(lower, max(0, at - 24), at) is not None
    )
    if (
        assigned.group(1) is None
        and not bearer
        and (_classes(value) < 3 or len(value) < 8)
        and _HEX.fullmatch(value) is None  # 32+ hex digits right after the word: "+ secret 339a...e0dd8"
    ):
        return None  # "token rr5Bvlsk%87" counts; "token expired2" does not
    return assigned.start(2), assigned.start(2) + len(value)


# a Discord bot token: base64 of the bot's numeric user id, "." + 6 (a timestamp), "." + 27-38 (HMAC)
_DISCORD = re.compile(
    r"(?<![\w\-.])([MNO][A-Za-z0-9_\-]{23,27})\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}(?![\w\-.])"
)


def _discord_tokens(word: str) -> Iterator[tuple[int, int]]:
    for m in _DISCORD.finditer(word):
        head = m.group(1)
        try:
            user_id = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))
        except (binascii.Error, ValueError):
            continue
        if user_id.isdigit():
            yield m.start(), m.end()


def _secret_bare(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for word in words:  # only whitespace-separated words long enough to hold one are searched
        if len(word) < 32:
            continue  # no finding, so no `_each` generator either (~0.4 µs a word, ~300 words per 2 KB)
        spans = list(_discord_tokens(word)) if len(word) >= 59 and "." in word else []
        for m in _BARE.finditer(word):
            start, value = m.start(), m.group()
            while "/" in value and _classes(value.split("/", 1)[0]) < 3:  # a path before it:
                head, value = value.split("/", 1)  # ".../services/T024BE7LD/B024BE91L/<secret>"
                start += len(head) + 1
            if len(value) < 20 or _HASH_PREFIX.match(value) is not None or _ssh_public_key(value):
                continue  # "sha384-oqVu...": a subresource-integrity hash; "AAAAC3Nza...": a public key
            if start >= 4 and _HASH_BEFORE.search(word, max(0, start - 8), start) is not None:
                continue  # "SHA256:9ChIute9...": an SSH key's fingerprint, the prefix outside the match
            if (start >= 3 and _PUBLISHABLE.match(word, start - 3)) or _PUBLISHABLE.match(value):
                continue  # "pk.eyJ1...", "pk_live_...": publishable
            if _crypt_hash(word, start, start + len(value)):
                continue  # "$2b$12$<salt+hash>", "$6$<salt>$<hash>": a password's stored hash
            if _classes(value) == 3 and shannon_entropy(value) >= 4.0 and not _hash_named(word, lower):
                spans.append((start, start + len(value)))
        yield from _each(text, word, spans, "SECRET", 0.7)


def _ssh_public_key(value: str) -> bool:
    """An OpenSSH public key blob (RFC 4253: a 4-byte length, then the key type "ssh-…", "ecdsa-…",
    "sk-…"): base64 of it starts with "AAAA". Public keys are shared on purpose (authorized_keys)."""
    if not value.startswith("AAAA"):
        return False
    try:
        head = base64.b64decode(value[:16])
    except (binascii.Error, ValueError):
        return False
    return head[4:8] in (b"ssh-", b"ecds", b"sk-s", b"sk-e")


# A whole stored password hash in the modular crypt / PHC formats, each scheme with its own fields and
# digest length (bcrypt 2/2a/2b/2x/2y: cost and 53 characters; MD5-crypt 1: 22; SHA-crypt 5/6: 43/86;
# yescrypt y/gy and scrypt 7: 43; argon2, scrypt, PBKDF2 in PHC form). Only a hash that begins a word
# (or follows ":", "=", a quote or a bracket, as in /etc/shadow, SQL and JSON) and holds the value the
# bare-secret scan found: "$5$<random>" or "x$1$<random>" is no hash but a secret with a "$" in it (the
# review of the eleventh session: a prefix alone, anywhere in the word, had let those through).
_CRYPT_HASH = re.compile(
    r"(?:\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}"
    r"|\$1\$[^$\s]{1,8}\$[./A-Za-z0-9]{22}"
    r"|\$5\$(?:rounds=\d{1,9}\$)?[^$\s]{1,16}\$[./A-Za-z0-9]{43}"
    r"|\$6\$(?:rounds=\d{1,9}\$)?[^$\s]{1,16}\$[./A-Za-z0-9]{86}"
    r"|\$(?:y|gy|7)\$[./A-Za-z0-9]+\$[./A-Za-z0-9]*\$[./A-Za-z0-9]{43}"
    r"|\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}"
    r"|\$scrypt\$ln=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{16,}"
    r"|\$pbkdf2[\w\-]*\$\d+\$[./A-Za-z0-9+]+\$[./A-Za-z0-9+]{16,})"
    r"(?:(?![./A-Za-z0-9+])|(?=\.(?![./A-Za-z0-9+])))"  # a full stop may end the sentence ("...rRL. Im")
)


def _crypt_hash(word: str, start: int, end: int) -> bool:
    """Whether word[start:end] lies in a whole stored password hash that begins within 220 characters
    before it, at the word's start or after ':', '=', a quote or a bracket."""
    at = word.find("$", max(0, start - 220), start)
    while at != -1:
        if at == 0 or word[at - 1] in ":=\"'(`":
            m = _CRYPT_HASH.match(word, at)
            if m is not None and m.end() >= end:
                return True
        at = word.find("$", at + 1, start)
    return False


_HASH_PREFIX = re.compile(r"(?i:sha-?(?:1|224|256|384|512)|md5)[-:]")
# the same prefix, ending where the value starts
_HASH_BEFORE = re.compile(r"(?i:sha-?(?:1|224|256|384|512)|md5)[-:]$")
_HASH_WORDS = re.compile(
    r"(?:hash|checksum|digest|integrity|sha-?\d{1,3}|md5|etag|fingerprint|prüfsumme|empreinte|"
    r"somme de contrôle|suma de verificación|huella)\W{0,12}$"
)


def _hash_named(word: str, lower: str) -> bool:
    """Whether a hash word names the value just before it ("checksum: ...", "SHA-256 is ...")."""
    at = lower.find(word.lower())
    return at != -1 and _HASH_WORDS.search(lower, max(0, at - 32), at) is not None


_phrase_root = any_of(*PHRASE_ROOTS)


def _secret_cued(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """Codes after a cue, security answers and recovery phrases, credentials in tool and label forms
    (one detector behind the digit gate: an answer or a phrase in a text without a digit is not
    found; a gate of their own cost the typical request 10-16 k instructions). The roots that gate a
    family are found once (the code heads' starts are the scan's own)."""
    spans: list[tuple[int, int]] = []
    heads = code_starts(lower)
    if heads:
        spans += scan_codes(text, lower, heads)
    answers = answer_starts(lower)
    if answers or _phrase_root(lower):
        if answers or folds_apart(text):  # without a root, only a text IGNORECASE folds apart holds a label
            spans += scan_answers(text, lower, answers)
        spans += scan_phrases(text, lower)
    spans += scan_forms(text, lower)
    for start, end in dict.fromkeys(spans):  # "PIN-Code: 4471" is found from both heads
        yield Finding("SECRET", start, end, 0.8)


# Password words as OCR or a hurried typist writes them: digits for letters ("Passw0rd", "K3nnw0rt",
# "M0t de p4sse"), a word split in two ("Pass word"). Found on the OCR-folded text (1:1, offsets kept)
# where the plain text does not already spell a keyword `_secret_assigned` finds.
_OCR_WORDS = ("password", "passwort", "kennwort", "contraseña", "mot de passe", "wachtwoord", "pass word")
_OCR_NEEDLES = tuple(word.encode() for word in _OCR_WORDS)


def _ocr_cue(text: str, lower: str) -> bool:
    """Whether the OCR-folded text spells a password word more often than the plain text does (or
    spells "pass word" at all): a text that only writes "password" plainly needs no folding (a str
    fold of a 2 KB non-ASCII text costs ~0.1 ms; the bytes fold here is one table lookup per byte)."""
    plain = lower.encode("utf-8", "surrogatepass")
    folded = plain.translate(_OCR_FOLD_BYTES)
    return any(
        (count := folded.count(needle)) and (count > plain.count(needle) or needle == b"pass word")
        for needle in _OCR_NEEDLES
    )


def _secret_ocr(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    folded = lower.translate(OCR_FOLD)
    for keyword in _OCR_WORDS:
        for at in finds(folded, keyword):
            if lower.startswith(keyword, at) and (keyword in _ASSIGN_WORDS or keyword in _ASSIGN_WORDS_MORE):
                continue  # spelled plainly: `_secret_assigned` reads it
            found = _assigned_value(text, folded, keyword, at)
            if found is not None:
                yield Finding("SECRET", found[0], found[1], 0.8)


def _nearby_cue(text: str, lower: str) -> bool:
    return cue_in(lower)


def _secret_nearby(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for start, end in scan_nearby(text, lower):
        if text[start] == "$" and _CRYPT_HASH.fullmatch(text, start, end) is not None:
            continue  # a whole stored hash ("$2b$12$<53>"); "$1$TempX4U06Q!" only wears a hash's prefix
        yield Finding("SECRET", start, end, 0.75)


def _literal(pattern: re.Pattern[str], kind: str, score: float) -> Scan:
    def scan(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
        for m in pattern.finditer(text):
            yield Finding(kind, m.start(), m.end(), score)

    return scan


_AWS_PREFIXES = ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA")


# Every bare secret mixes lower case, upper case and ASCII digits (`_classes(value) == 3`).
_ASSIGN_ROOTS = (
    "key",
    "token",
    "pass",
    "secret",
    "pwd",
    "bearer",
    "clave",
    "kennwort",
    "contraseña",
)  # common first
assert all(any(root in word for root in _ASSIGN_ROOTS) for word in _ASSIGN_WORDS), "a keyword lacks a root"
# A substring of every alternative of the context patterns (on the lowercased text).
_PASSPORT_ROOTS = ("pass", "pasaporte")
_DOB_ROOTS = (
    "born", "birth", "bday", "dob", "d.o.b", "d0b", "(b.", "(*", "geb", "né", "naiss", "nac", "nat", "nasc",
    "cumple", "anniv",
    "compleann", "aniversário", "verjaardag",
)  # fmt: skip


def _ssn_gate(text: str, lower: str) -> bool:
    """The dashed form, or a context word (OCR-folded) for the bare and spaced ones."""
    return "-" in text or _ocr_contains(lower, _SSN_BYTES)


# Several detectors of one type run in this order, as one scan would yield their findings.
DETECTORS: tuple[Detector, ...] = (
    Detector(
        "GCP_PRIVATE_KEY", 100, _literal(_PRIVATE_KEY, "GCP_PRIVATE_KEY", 0.99), (contains("PRIVATE KEY"),)
    ),
    Detector("JWT", 95, _literal(_JWT, "JWT", 0.95), (contains("eyJ"),)),
    Detector("GOOGLE_API_KEY", 92, _literal(_GOOGLE_KEY, "GOOGLE_API_KEY", 0.99), (contains("AIza"),)),
    Detector("AWS_ACCESS_KEY", 92, _literal(_AWS_KEY, "AWS_ACCESS_KEY", 0.95), (contains(*_AWS_PREFIXES),)),
    Detector("URL_TOKEN", 90, _url_token, (contains("://", " HTTP/"),)),
    Detector("SECRET", 80, _secret_prefixed, (contains(*_TOKEN_MARKERS),)),
    Detector("SECRET", 80, _secret_assigned, (contains(*_ASSIGN_ROOTS, "mysql", "mariadb", lowercase=True),)),
    Detector("SECRET", 80, _secret_bare, (has_digit, _long_run)),
    Detector("SECRET", 80, _secret_cued, (has_digit,)),
    Detector("SECRET", 80, _secret_ocr, (has_digit, _ocr_cue)),
    Detector("SECRET", 80, _secret_assigned_more, (contains(*_ASSIGN_WORDS_MORE, lowercase=True),)),
    Detector("SECRET", 80, _secret_nearby, (has_digit, _nearby_cue)),
    Detector("SECRET", 80, _secret_files, (contains("machine", "pgpass", lowercase=True),)),
    Detector("IBAN", 70, _iban, (has_digit, _digits(2))),
    Detector("CREDIT_CARD", 70, _card, (has_digit, _digits(13))),
    Detector("EMAIL", 65, _email, (contains("@", "%40"),)),
    # the digit count (free in a gate plan: one count answers every digit gate) before the context
    # words' OCR-folded search: a text with fewer than 9 digits, most prompts, skips that search
    Detector("US_SSN", 60, _ssn, (has_digit, _digits(9), _ssn_gate)),
    Detector(
        "PASSPORT",
        55,
        _after_context(_PASSPORT_CTX, _PASSPORT, "PASSPORT", 0.8),
        (has_digit, contains(*_PASSPORT_ROOTS, lowercase=True)),
    ),
    Detector(
        "DATE_OF_BIRTH",
        50,
        _dob,
        (has_digit, contains(*_DOB_ROOTS, lowercase=True)),
    ),
    Detector("PHONE", 45, phone_detector(), (has_digit, _digits(7))),
    Detector("IP_ADDRESS", 40, _ipv4, (has_digit, contains("."))),
    Detector("IP_ADDRESS", 40, _ipv6, (_colons,)),
)
# The credential detectors, shared with the log scrubber (shared/log.py).
SECRET_DETECTORS: tuple[Detector, ...] = tuple(
    d
    for d in DETECTORS
    if d.type in ("GCP_PRIVATE_KEY", "JWT", "GOOGLE_API_KEY", "AWS_ACCESS_KEY", "URL_TOKEN", "SECRET")
)
