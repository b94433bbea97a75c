"""Address parts by the field that holds them: a form line or JSON/YAML key ("ZIP: 31405", "PLZ, Ort:
22609 Hamburg", `"city": "Lyon"`), a CSV/TSV column under a header ("address;zip;city"), an SQL
INSERT's column ("INSERT INTO t (line1, city, postcode) VALUES (...)") and a vCard's ADR line. Each
part is its own span: a street line, a postcode, a town, a unit.

The key says what the value is; the value's shape must agree (a postcode looks like one, a town is a
few capitalised words, a street line holds a number or a street word). A town, state or unit field
counts only when the same text also has a street field: "City: Savannah" in a form with "Street
address: ..." is part of a split address; "state: Running" beside "cap: 5000" in a config, or "city"
beside "zip" in a product table, is not (the postcode alone still counts, under an unambiguous key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import finds

__all__ = ["field_spans"]

STREET, CODE, TOWN, UNIT = "street", "code", "town", "unit"
# a postcode under a key that also means other things ("cap" a limit, "cp" a checkpoint or copy): a
# postcode only beside a street field
MAYBE_CODE = "maybe code"
_AMBIGUOUS_CODE_KEYS = frozenset({"cap", "cp"})

_STREET_SUFFIXES = (
    "address", "addr", "adresse", "anschrift", "direccion", "dirección", "domicilio", "indirizzo",
    "endereço", "endereco", "morada", "adres", "street",
)  # fmt: skip
_STREET_KEYS = frozenset(
    "street streetline street1 street2 streetaddress streetname line1 line2 addressline1 addressline2 "
    "addrline1 addrline2 straße strasse hausnummer straßehausnummer strassehausnummer calle straat rue "
    "via".split()
)
_NOT_POSTAL = (  # "ip_address", "email address", "wallet addr": not a place
    "ip", "mac", "email", "mail", "web", "wallet", "server", "host", "bind", "listen", "remote", "url",
    "btc", "eth", "contract", "memory", "base", "proxy", "gateway", "node", "peer", "sender", "from",
    "reply", "bcc", "cc", "to", "ipv", "broadcast", "multicast", "hardware", "physical", "virtual",
)  # fmt: skip
_POSTAL_STARTS = ("mailing", "postal", "home", "billing", "shipping", "delivery", "street")
_CODE_KEYS = frozenset(
    "zip zipcode postcode postalcode plz postleitzahl codepostal cp códigopostal codigopostal cap postnummer "
    "postnr pincode eircode zippostalcode postalzip zipcodepostal".split()
)
_TOWN_KEYS = frozenset(
    "city town ort wohnort stadt ville ciudad città citta localidad localité localite municipio población "
    "poblacion comune woonplaats plaats suburb locality state province provincia county bundesland kanton "
    "canton département departement estado cidade prefecture plzort cpville codepostalville zipcity "
    "postcodecity cityzip cityname".split()
)
_UNIT_KEYS = frozenset(
    "unit apt apartment suite flat unitapt aptunit aptsuite unitsuite wohnung piso étage etage floor puerta "
    "apto depto dpto appartement".split()
)


# What a key's last word is as written ("zip_code" -> "code", "address_line_1" -> "1", "PLZ, Ort" ->
# "ort"), or how it ends ("Lieferadresse", "shippingAddress"): tested at each colon before the key is read.
_LAST_WORDS = (
    _CODE_KEYS | _TOWN_KEYS | _UNIT_KEYS | _STREET_KEYS
    | {"code", "postal", "1", "2", "3"}
    | {f"{head}{n}" for head in ("line", "address", "addr") for n in "123"}
)  # fmt: skip
_LAST_ENDINGS = (*_STREET_SUFFIXES, "zipcode", "postcode", "postalcode", "city", "town")
_LAST_TWO = frozenset(w[-2:] for w in (*_LAST_WORDS, *_LAST_ENDINGS) if len(w) > 1) | {
    sep + n for sep in "_ -" for n in "123"
}  # the last two characters of a key as written: "zip_code" -> "de", "address_line_1" -> "_1"


def key_kind(key: str) -> str | None:
    """What an address field's key names ("Delivery address" -> street, "PLZ" -> code), or None."""
    norm = "".join(c for c in key.lower() if c.isalpha() or c.isdigit())
    if not norm or len(norm) > 30:
        return None
    if norm in _AMBIGUOUS_CODE_KEYS:
        return MAYBE_CODE
    if norm in _CODE_KEYS or norm.endswith(("zipcode", "postcode", "postalcode")):
        return CODE
    if norm in _TOWN_KEYS or norm.endswith(("city", "town")):
        return TOWN
    if norm in _UNIT_KEYS:
        return UNIT
    if norm in _STREET_KEYS:
        return STREET
    if norm.endswith(_STREET_SUFFIXES) or (norm.startswith("address") and norm[7:].isdigit()):
        if norm.startswith(_NOT_POSTAL) and not norm.startswith(_POSTAL_STARTS):
            return None
        return STREET
    return None


_UP = "A-ZÀ-ÖØ-ÞĀ-ɏ"
_LOW = "a-zà-öø-ÿĀ-ɏß"
_TOWN_WORD = rf"(?:[{_UP}][{_LOW}'’.]*|[{_UP}]{{2,}})"
_TOWN_VALUE = re.compile(  # Savannah, New York, Saint-Denis, Frankfurt am Main, København N, GA, Praha 10
    rf"{_TOWN_WORD}(?:[-' ](?:(?:am|an der|im|sur|sous|de|del|la|le|di|da|do)[ -])?{_TOWN_WORD}){{0,3}}"
    r"(?: \d{1,2})?"
)
_CODE_VALUE = re.compile(  # 31405, 97205-1234, D-10115, LE2 3GH, H3Z 1R2, 1016 GV, 100 00, 4050-262, C1043AAZ
    r"(?:[A-Z]{1,2}-)?\d{3,6}(?:[- ]\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
    r"\d{4} ?[A-Z]{2}|[A-Z]\d{4}[A-Z]{3}|[A-Z]\d{2} ?[A-Z\d]{4}"
)
_LETTERS = re.compile(r"[^\W\d_]{2}")


_PLACE = re.compile(  # a town with its postcode before or after it: "22609 Hamburg", "Wellington 6011"
    rf"(?:(?:{_CODE_VALUE.pattern}) )?(?:{_TOWN_VALUE.pattern})(?: (?:{_CODE_VALUE.pattern}))?"
)


def _value_ok(kind: str, value: str) -> bool:
    """Whether a field's value has the shape its key promises."""
    if not value or len(value) > 120 or "@" in value or "://" in value:
        return False
    if kind in (CODE, MAYBE_CODE):
        return _CODE_VALUE.fullmatch(value) is not None or _PLACE.fullmatch(value) is not None
    if kind == TOWN:
        return _PLACE.fullmatch(value) is not None
    if kind == UNIT:
        return len(value) <= 12 and any(c.isdigit() for c in value)
    return any(c.isdigit() for c in value) and _LETTERS.search(value) is not None  # not "0.0.0.0"


# The value after a key runs to the line's end, its closing quote, or a cut (the next "key:", a bar).
_VALUE_CUT = re.compile(r"[;|\t]|[ \t]{2,}|,[ \t]*[\"']?[\w .-]{1,25}[\"']?[ \t]*[:=]|[ \t]+[—–][ \t]")
_KEY_STOPS = frozenset("\"'{[,;|\n\t=:><&?")


def _key_before(text: str, at: int) -> str:
    """The key that ends at a ':' or '=' at `at`: the run back to a quote, brace, comma or line start
    ("Street address", "zip_code" of `"zip_code":`, "Ort" of "PLZ, Ort:"); a loop, not a regex, as
    it runs at every colon of a text."""
    end = at
    while end and text[end - 1] in " \t\"'":
        end -= 1
    start = end
    while start > max(0, end - 32) and text[start - 1] not in _KEY_STOPS:
        start -= 1
    return text[start:end].strip()


def _separators(text: str) -> list[int]:
    """Where each ':' and '=' is, found with `str.find` (a memchr; a regex class scans in Python's
    `re` at ~10 ns a character: 2 KB of prose cost more than the keys behind its three colons)."""
    return sorted([*finds(text, ":"), *finds(text, "=")])


_LABELLED = (
    "address",
    "addr",
    "adresse",
    "anschrift",
    "dirección",
    "direccion",
    "domicilio",
)  # `_LABEL`'s keys


_REACH = 256  # how far a key's value is read (values over 120 characters are no address part)


def _keyed(
    text: str, lower: str, value_end: Callable[[str, int, int], int]
) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of values after an address key and ':' or '='."""
    for at in _separators(text):
        # a key `key_kind` names ends with one of `_LAST_WORDS` or `_LAST_ENDINGS`: a set lookup per
        # colon before the key is read ("10:30", "https:", "Customer:" end with none)
        tail = lower[max(0, at - 24) : at].rstrip(" \t\"'")
        if tail[-2:] not in _LAST_TWO and not tail[-1:].isdigit():  # most colons: one set lookup
            continue  # ("10:30", "Contact:"); a key ending in a digit is read ("Address #1", "Address.1")
        cut = len(tail)
        while cut and tail[cut - 1].isalnum():
            cut -= 1
        last = tail[cut:]
        if not last or (last not in _LAST_WORDS and not last.endswith(_LAST_ENDINGS)):
            continue
        key = _key_before(text, at)
        if not key or not key[0].isalpha():
            continue
        kind = key_kind(key)
        if kind is None:
            continue
        start = at + 1
        while start < len(text) and text[start] in " \t":
            start += 1
        quote = text[start : start + 1]
        if quote in ("'", '"'):
            start += 1
            # read at most _REACH characters: a value is at most 120 (`_value_ok`), and reading to the
            # text's end at every key cost n^2 on crafted text ("line1=" repeated)
            end = text.find(quote, start, start + _REACH)
            end = min(len(text), start + _REACH) if end == -1 else end
            nl = text.find("\n", start, end)
            end = end if nl == -1 else nl
        else:
            end = text.find("\n", start, start + _REACH)
            end = min(len(text), start + _REACH) if end == -1 else end
            cut_at = _VALUE_CUT.search(text, start, end)
            end = cut_at.start() if cut_at is not None else end
            if kind == STREET and key.lower().endswith(_LABELLED):
                yield kind, start, start  # `_labelled` reads this value; it counts as a street field here
                continue
            stripped = start + len(text[start:end].rstrip(" \t,.;"))
            if kind == STREET and value_end(text, start, stripped) < stripped:
                continue  # prose goes on after the value ("Hausnummer: 3 und dann ..."): not a form
        end = start + len(text[start:end].rstrip(" \t,.;"))
        if _value_ok(kind, text[start:end]):
            yield kind, start, end


def _cells(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of text[start:end] split at `sep`, quoted cells without their quotes."""
    cells, i = [], start
    while i <= end:
        while i < end and text[i] == " ":
            i += 1
        if i < end and text[i] in "\"'":
            close = text.find(text[i], i + 1, end)
            close = end if close == -1 else close
            cells.append((i + 1, close))
            nxt = text.find(sep, close, end)
        else:
            nxt = text.find(sep, i, end)
            cells.append((i, end if nxt == -1 else nxt))
        if nxt == -1:
            break
        i = nxt + 1
    return [(a, a + len(text[a:b].rstrip())) for a, b in cells]


def _tables(text: str) -> Iterator[tuple[str, int, int]]:
    """Cells under an address column of a CSV/TSV/pipe table whose header line names it."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    read_to = (
        0  # the lines read as rows so far: a row is not read again as a header (n^2 on "street,zip\n"*n)
    )
    for n, (a, b) in enumerate(lines[:-1]):
        if n < read_to:
            continue
        header = text[a:b]
        sep = max(",;|\t", key=header.count)
        if header.count(sep) < 1 or any(c.isdigit() for c in header.replace("1", "").replace("2", "")):
            continue
        kinds = [key_kind(text[x:y]) if y - x <= 30 else None for x, y in _cells(text, a, b, sep)]
        if not any(k in (STREET, CODE) for k in kinds):
            continue
        for m, (c, d) in enumerate(lines[n + 1 :], start=n + 1):
            row = _cells(text, c, d, sep)
            if len(row) != len(kinds):
                break
            read_to = m + 1
            for kind, (x, y) in zip(kinds, row, strict=True):
                if kind is not None and _value_ok(kind, text[x:y]):
                    yield kind, x, y


_INSERT = re.compile(r"(?i)insert\s+into\s+[\w.`\"]+\s*\(([^)]{1,400})\)\s*values\s*")


def _inserts(text: str) -> Iterator[tuple[str, int, int]]:
    """Values under an address column of an SQL INSERT with its column list."""
    for m in _INSERT.finditer(text):
        kinds = [key_kind(text[x:y].strip('`"[] ')) for x, y in _cells(text, m.start(1), m.end(1), ",")]
        if not any(k in (STREET, CODE) for k in kinds):
            continue
        at = m.end()
        while at < len(text) and text[at] == "(":
            close = _tuple_end(text, at + 1)
            row = _cells(text, at + 1, close, ",")
            if len(row) == len(kinds):
                for kind, (x, y) in zip(kinds, row, strict=True):
                    if kind is not None and _value_ok(kind, text[x:y]):
                        yield kind, x, y
            at = close + 1
            while at < len(text) and text[at] in " ,\t\n":
                at += 1


def _tuple_end(text: str, at: int) -> int:
    """The index of the ')' closing a VALUES tuple that starts at `at`, quotes skipped."""
    quote = ""
    for i in range(at, min(len(text), at + 2000)):
        c = text[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == ")":
            return i
    return min(len(text), at + 2000)


_TABLE_ROOTS = (
    "addr",
    "adres",
    "street",
    "stra",
    "zip",
    "post",
    "plz",
    "direc",
    "calle",
    "line",
    "cp",
    "cap",
)
_VCARD_ADR = re.compile(r"(?m)^ADR[^:\n]*:([^\n]*)")


def _vcards(text: str) -> Iterator[tuple[str, int, int]]:
    """A vCard ADR line: box;extended;street;town;region;postcode;country, one span over its parts."""
    for m in _VCARD_ADR.finditer(text):
        value = m.group(1)
        left = len(value) - len(value.lstrip(";"))
        right = len(value.rstrip("; "))
        if right > left and any(c.isdigit() for c in value):
            yield STREET, m.start(1) + left, m.start(1) + right


_GAP_WORD = re.compile(r"[^\W\d_]+")


def _joins(text: str, end: int, start: int) -> bool:
    """Whether two parts are one address's fields side by side: a short gap of separators and quotes
    (`;`, `', '`), and at most an address key (`","zip":"`, `\nUnit/Apt: `); not two table rows."""
    gap = text[end:start]
    if len(gap) > 16:
        return False
    words = _GAP_WORD.findall(gap)
    if not words:
        return "\n" not in gap
    return key_kind("".join(words)) is not None


def field_spans(
    text: str, lower: str, words: AbstractSet[str], value_end: Callable[[str, int, int], int]
) -> list[tuple[int, int]]:
    """(start, end) of each address part a field names, towns and units only beside a street or code;
    parts side by side in one row or object joined. `value_end(text, start, limit)` cuts an unquoted
    street value where prose resumes."""
    parts: list[tuple[str, int, int]] = []
    if ":" in text or "=" in text:
        parts += _keyed(text, lower, value_end)
    if "\n" in text and any(root in lower for root in _TABLE_ROOTS):
        parts += _tables(text)
    if not words.isdisjoint(("INSERT", "insert", "Insert")):
        parts += _inserts(text)
    if "BEGIN:VCARD" in words:
        parts += _vcards(text)
    if not any(kind == STREET for kind, _, _ in parts):
        # without a street field only postcodes under an unambiguous key count: a town, state, unit,
        # "cap" or "cp" beside a bare code is a config or a table ("state: Running", "cap: 5000")
        parts = [part for part in parts if part[0] == CODE]
        if not parts:
            return []
    spans: list[tuple[int, int]] = []  # a street field `_labelled` reads (start == end) only let towns in
    for start, end in sorted({(start, end) for _, start, end in parts if end > start}):
        if spans and (start < spans[-1][1] or _joins(text, spans[-1][1], start)):
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
