"""Street addresses as a small grammar: a street line (EN/DE/FR/ES, number before or after the street
type, "Am Markt 3", "C/ Mayor, 23"), or a PO box, then any of: units (flat, floor, building, "3. OG",
"2º izq."), a postcode and city line ("10115 Berlin", "Leeds LS6 2AB", "Dayton, OH 45401",
"Auckland 1010") and a country, on the same line after commas or on the next lines; units and c/o
before the street line belong to the address too."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.address_fields import field_spans
from shared.policy.anchors import matches_at, starts_of
from shared.policy.detectors import Detector, Finding, has_digit

__all__ = ["ADDRESS", "ADDRESS_DETECTORS", "label_matches"]

ADDRESS = "ADDRESS"
_UP = "A-ZÀ-ÖØ-ÞĀ-ɏ"
_LOW = "a-zà-öø-ÿĀ-ɏß"
_WORD = rf"(?:(?:Mc|Mac|O['’])?[{_UP}][{_LOW}]+(?:['’\-][{_UP}]?[{_LOW}]+)*)"
_NUM = (  # 12, 221B, 7-9, 12/3, 418-II, 45/2/14 (Vienna: house/staircase/door)
    r"\d{1,5}[A-Za-z]?(?:\s?[-/–]\s?(?:\d{1,4}[A-Za-z]{0,3}|[A-Z]{1,3}\b))?(?:/\d{1,3}(?![\d/]))?"
)
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_EN_TYPES = (
    "Street St Avenue Ave Road Rd Boulevard Blvd Lane Ln Drive Dr Court Ct Way Place Pl Terrace Ter Parkway "
    "Pkwy Circle Cir Square Sq Highway Hwy Close Crescent Cres Row Gardens Hill Grove Mews Walk Green Rise "
    "View Vale Wharf Quay Yard Trail Path Plaza Alley Esplanade Embankment Parade Promenade Loop Pike Point "
    "Park Heights Ridge Gate Broadway Turnpike Expressway Fwy Freeway"
).split()
_EN_TYPE = "(?:" + "|".join(sorted(_EN_TYPES, key=len, reverse=True)) + ")"
_DE_SUFFIX = (
    r"(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|graben|hof|berg|"
    r"stieg|kamp|twiete|brücke|wall|zeile|anger|feld|garten|park|höhe|kai|tor|au|grund|gässchen|promenade|"
    r"gatan|vägen|gata|gate|gade|vej|veien|vegen|torget|stigen|backen|straat|laan|plein|gracht|kade|dreef)"
)
_DE_PREFIX = (
    r"(?:Am|An der|An den|An dem|Auf der|Auf dem|Auf den|Im|In der|In den|Zum|Zur|Unter den|Hinter der|"
    r"Hinter dem|Vor dem|Bei der|Alte|Neue|Alter|Neuer|Große|Großer|Kleine|Kleiner|Obere|Untere|Oberer|"
    r"Unterer)"
)
_FR_TYPE = (
    r"(?:rue|avenue|av\.|boulevard|bd|blvd|place|pl\.|allée|chemin|ch\.|impasse|imp\.|quai|cours|route|rte|"
    r"square|passage|voie|résidence|lotissement|hameau|faubourg|fbg|sentier|montée|esplanade|promenade|"
    r"rond-point|parvis|villa|cité|traverse|ruelle)"
)
_ES_TYPE = (
    r"(?:Calle|C/|c/|Avenida|Avda\.?|Av\.|Plaza|Pl\.|Pza\.|Paseo|Pº|Camino|Carrer|Ronda|Travesía|Carretera|"
    r"Ctra\.|Glorieta|Rambla|Vía|Callejón|Urbanización|Urb\.|Passeig|Avinguda|Rúa|Via|Viale|Piazza|Corso|Rua|"
    r"Travessa|Largo|Avenue|Rue|Chemin|Route|Boulevard|Quai|Allée|Impasse|Polígono|Pol\.|Jirón|Jr\.|"
    r"Calzada|Carrera|Cra\.|Diagonal|Transversal|Pasaje|Psje\.|Alameda|Praça|Estrada|Vicolo|Strada|"
    r"Piazzale|Lungomare|Contrada)"
)
_DE_PREFIX_WORDS = frozenset(_DE_PREFIX.strip("(?:)").replace("|", " ").split()) - {"der", "den", "dem"}
_BOX_WORDS = frozenset(
    "Box BOX box Postfach BP B.P. postale Apartado Apdo Apdo. Casilla Bag PMB Postal Postbus".split()
)
_EN_WORDS = frozenset(w + p for w in _EN_TYPES for p in ("", ".", ",", ".,"))
_ES_WORDS = frozenset(
    "Calle C/ c/ Avenida Avda Avda. Av. Plaza Pl. Pza. Paseo Pº Camino Carrer Ronda Travesía Carretera Ctra. "
    "Glorieta Rambla Vía Callejón Urbanización Urb. Passeig Avinguda Rúa Via Viale Piazza Corso Rua Travessa "
    "Largo Avenue Rue Chemin Route Boulevard Quai Allée Impasse Polígono Pol. Jirón Jr. Calzada Carrera "
    "Cra. Diagonal Transversal Pasaje Psje. Alameda Praça Estrada Vicolo Strada Piazzale Lungomare "
    "Contrada".split()
)
_DE_SUFFIXES = tuple(_DE_SUFFIX.strip("(?:)").replace("\\.", ".").split("|"))
_SPACE_DIGIT = re.compile(r"\s\d")


_DE_LAST = frozenset(suffix[-1] for suffix in _DE_SUFFIXES)  # the characters a street word can end with


def _german_suffix_before_number(lower: str) -> bool:
    """A word ending like a German street ("...straße", "...weg", "str.") right before a number: the
    words before each " <digit>" are checked with str.endswith, not a regex alternation at every position.
    When the character before the space is not one a suffix ends with (a digit, "s", ":"), that word
    cannot end with one: skipped without slicing out the word (most " <digit>" of digit-dense text)."""
    for m in _SPACE_DIGIT.finditer(lower):
        at = m.start()
        if at == 0 or (lower[at - 1] not in _DE_LAST and not lower[at - 1].isspace()):
            continue
        word = lower[max(0, at - 40) : at].rstrip().rsplit(None, 1)[-1:]
        if word and word[0].endswith(_DE_SUFFIXES):
            return True
    return False


# The French and Colombian prefilters open with a digit class, so `re` started them at every digit
# (the 345 of the dense PII bench prompt: 0.31 M and 0.35 M instructions for two prefilters that found
# nothing). Each is now searched only where its match can be:
# - the French street type stands between blanks (`\s+` before it, `\s` after), so it is a whole word
#   of the lower-cased text: one of the text's words (the engine's set of them) lower-cased. A text
#   none of whose words is a type is rejected by one C-speed pass over that set (~30 k instructions on
#   the dense prompt; splitting `lower` anew cost ~170 k: a string object per word);
# - the Colombian number sign ("#", "no", "nº", "n°") follows the digit, an optional letter and blanks:
#   the regex is tried only at the one or two positions before each sign.
_FR_TYPE_WORDS = frozenset(_FR_TYPE.removeprefix("(?:").removesuffix(")").replace("\\.", ".").split("|"))
_FR_NUMBER_TYPE = re.compile(rf"\d,?\s+(?:(?:bis|ter|quater|[a-d]),?\s+)?{_FR_TYPE}\s")
_CO_NUMBER = re.compile(r"\d[a-z]?\s*(?:#|n[oº°]\.?)\s*\d{1,3}[a-z]?\s?-\s?\d")
_CO_SIGNS = ("#", "no", "nº", "n°")


def _german_street(lower: str, words: AbstractSet[str]) -> bool:
    return _german_suffix_before_number(lower)


def _french_number_type(lower: str, words: AbstractSet[str]) -> bool:
    """`_FR_NUMBER_TYPE.search(lower) is not None`, searched only when a word is a street type. `words`:
    the text's blank-separated words (`lower` splits into the same words lower-cased; a character that
    lowers to two, U+0130, is in no type either way)."""
    if _FR_TYPE_WORDS.isdisjoint(map(str.lower, words)):
        return False
    return _FR_NUMBER_TYPE.search(lower) is not None


def _colombian_number(lower: str, words: AbstractSet[str]) -> bool:
    """`_CO_NUMBER.search(lower) is not None`, tried at the digit (or the digit and letter) that the
    blanks before each number sign follow."""
    for sign in _CO_SIGNS:
        index = lower.find(sign)
        while index != -1:
            blank = index
            while blank and lower[blank - 1].isspace():
                blank -= 1
            for start in (blank - 1, blank - 2):
                if start >= 0 and _CO_NUMBER.match(lower, start) is not None:
                    return True
            index = lower.find(sign, index + 1)
    return False


# (prefilter: words of which one must occur, a regex over the lower-cased text or a test of it and the
# text's words; the pattern)
Prefilter = frozenset[str] | re.Pattern[str] | Callable[[str, AbstractSet[str]], bool]
_STREETS: tuple[tuple[Prefilter, re.Pattern[str]], ...] = (
    (  # English: 221B Baker Street, 1600 Amphitheatre Pkwy, 350 West 42nd Street
        _EN_WORDS,
        re.compile(
            rf"\b{_NUM},?\s+(?:(?:{_WORD}|{_ORDINAL}|[NSEW])\.?\s+){{1,4}}{_EN_TYPE}\b\.?"
            rf"(?:\s+(?:North|South|East|West|NE|NW|SE|SW|N|S|E|W)\b)?(?:[ \t]+\d{{1,3}}(?=,))?"  # "St 21,"
        ),
    ),
    (  # German: Hauptstraße 5a, Berliner Straße 12, Am Lindenhof 7, An der Alster 12
        _german_street,
        re.compile(
            rf"\b(?:{_WORD}(?:-{_WORD})*{_DE_SUFFIX}|{_WORD}(?:er)?\s+(?:Straße|Strasse|Str\.|Weg|Platz|Allee|"
            rf"Gasse|Ring|Damm|Ufer|Chaussee|Steig|Markt|Graben))"
            rf"\s+{_NUM}\b(?:\s(?:bis|ter|hs)\b)?"
        ),
    ),
    (  # German streets named by a preposition or adjective: Am Lindenhof 7, An der Alster 12
        _DE_PREFIX_WORDS,
        re.compile(rf"\b{_DE_PREFIX}\s+{_WORD}(?:[\s-]{_WORD})?\s+{_NUM}\b"),
    ),
    (  # French: 12 bis, rue de la Paix
        _french_number_type,
        re.compile(
            rf"\b{_NUM}(?:\s?(?:bis|ter|quater|[A-D]))?,?\s+(?i:{_FR_TYPE})\s+"
            rf"(?:(?:de la|de l['’]|du|des|de|d['’]|la|le|les)\s*)?{_WORD}"
            rf"(?:\s+(?:de\s+|du\s+|des\s+|la\s+)?{_WORD}){{0,3}}"
        ),
    ),
    (  # Spanish (and IT/PT): Calle de Alcalá 45, C/ Mayor, 23, Avda. de la Constitución 45
        _ES_WORDS,
        re.compile(
            rf"(?<![\w/]){_ES_TYPE}\s+(?:(?:de la|de los|de las|del|de|dels|della|delle|dei|du|des|do|da|dos|"
            rf"das)\s+|d['’]\s*)?{_WORD}"
            rf"(?:\s+(?:de\s+|del\s+|la\s+)?{_WORD}){{0,3}},?\s+(?:(?i:n[º°o]|nave|local|km)\.?\s*)?"
            rf"(?:{_NUM}\b|s/n(?![\w/]))"
        ),
    ),
    (  # PO boxes: PO Box 4471, Postfach 10 04 52, BP 45, Apartado de Correos 123
        _BOX_WORDS,
        re.compile(
            r"\b(?:P\.?\s?O\.?\s?Box|Post Office Box|Private Mail Bag|Private Bag|PMB|Postfach|B\.?P\.?|"
            r"Boîte postale|Caixa Postal|Postbus|Apartado(?: de [Cc]orreos)?|"
            r"Apdo\.?|Casilla)\s+(?:[A-Z]{1,3}\s)?\d{1,6}(?:\s\d{2,3}){0,2}(?:-\d{5}|-?[A-Z](?![\w-]))?\b"
        ),
    ),
)
_TR_WORDS = frozenset("Caddesi Cad. Cd. Sokak Sokağı Sok. Sk. Bulvarı Blv. Bulvar Mahallesi Mah.".split())
_PL_WORDS = frozenset("ul. Ul. al. Al. os. Os.".split())
_STREETS += (
    (  # Turkish: "Bagdat Caddesi No: 215 D: 6", "Ataturk Bulvari No:112 Daire:7" (with their letters)
        _TR_WORDS,
        re.compile(
            rf"\b{_WORD}(?:\s{_WORD}){{0,2}}\s+(?:Caddesi|Cad\.|Cd\.|Sokak|Sokağı|Sok\.|Sk\.|Bulvarı|Blv\.|"
            rf"Bulvar|Mahallesi|Mah\.)\s+(?:No\s?:\s?|No\.?\s)\d{{1,4}}[A-Z]?(?:/\d{{1,3}})?"
            rf"(?:\s+(?:D|Daire|Kat)\s?:\s?\d{{1,4}})*"
        ),
    ),
    (  # Polish: ul. Długa 17/3, al. Jerozolimskie 65/79, ul. Piotrkowska 104 lok. 12
        _PL_WORDS,
        re.compile(
            rf"(?<![\w.])(?:[Uu]l|[Aa]l|[Oo]s)\.\s+{_WORD}(?:\s{_WORD}){{0,2}}\s+{_NUM}\b"
            r"(?:\s+(?:lok|m)\.\s?\d{1,4}[A-Za-z]?\b)?"  # the flat: "104 lok. 12", "17 m. 3"
        ),
    ),
    (  # Colombian: Carrera 43A # 1-50, Calle 26 No. 68-35
        _colombian_number,
        re.compile(
            r"\b(?:Carrera|Cra\.?|Kr\.?|Calle|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?|Transversal|Tv\.?)\s+"
            r"\d{1,3}[A-Z]?(?:\s?[Bb]is)?\s*(?:#|[Nn][oº°]\.?)\s*\d{1,3}[A-Z]?\s?-\s?\d{1,3}\b"
        ),
    ),
)
# After the street line: units, postcode/city, country; each after a comma or on the next line.
_SEP = r"(?:[ \t]*[,;][ \t]*|[ \t]*\n[ \t]*|[ \t]+(?=(?:[A-Z]-)?\d{4,5}[ \t]))"
_UNIT = (
    r"(?:(?i:apt|apartment|unit|suite|ste|flat|floor|fl|room|rm|bldg|building|block|wohnung|whg|app|appt|"
    r"appartement|bât|bat|bâtiment|escalier|esc|étage|etage|porte|piso|puerta|planta|portal|bloque|"
    r"escalera|dpto|departamento|hinterhaus|vorderhaus|seitenflügel|gartenhaus|aufgang|stiege|tür|top|"
    r"tower|torre|halle|raum|werk|haus|lgh|no|nr|n[º°]|scala|sc|int|interno|nave|local|oficina|of|"
    r"apto|andar|sala|loja|rgb|hh|vh|blk|plot|lot|lote|parcela|mz|manzana|km|edificio|edif|casa|dept|depto|"
    r"lok|lokal|kv|kw)"
    r"(?![a-zà-ÿ])\.?(?:\s+\d{1,2}\.\s?(?:OG|Obergeschoss|Stock|Etage)|\s*[\w/º°ª-]{1,6}(?:\.\d{1,4})?)?|"
    r"#\s?\w{1,6}(?:-\w{1,6})?|(?i:case postale|boîte postale|boîte|bte|postfach|caixa postal)\s\d{1,6}\b|"
    rf"(?i:col|colonia|stn|station)\.?\s{_WORD}(?:\s{_WORD}){{0,2}}|\d{{1,2}}\s?tr\b|"
    r"(?i:daire|kat)\s?:\s?\d{1,4}|"
    r"\d{1,2}\.\s?(?:OG|Obergeschoss|Stock|Etage|étage)(?:\s(?:links|rechts|Mitte))?|"
    r"\d{1,2}(?:st|nd|rd|th)\s(?i:floor|fl\.?)|\d{1,2}\s?(?:e|er|ème|eme)\s(?:étage|etage)|\d{1,2}/F\b|"
    r"(?:EG|DG|UG)\b|\d{1,2}\.?\s?[ºª°]\.?\s?(?:[A-Z]\b|(?i:izq|izda|dcha|dch|der|centro|ctro|esq|dto|drt)\.?)?|"
    r"(?i:bajo|ático|entresuelo|principal)\b(?:\s[A-Z]\b)?)"
)
_CITY = rf"{_WORD}(?:[ \t-](?:(?:am|an der|sur|sous|de|del|la|le)[ \t-])?{_WORD}){{0,2}}"
_TOWN = (  # after a postcode: one word, or "Frankfurt am Main", "Bad Homburg", "Saint-Denis"
    rf"(?:(?:Bad|Sankt|St\.|Saint|Sainte|San|Santa|Le|La|Les|El|Los|Las|New)[ \t]+)?{_WORD}"
    rf"(?:[ \t](?:am|an der|im|in der|ob der|sur|sous|lès|en|de|del)[ \t]{_WORD}(?:[ \t]{_WORD})?)?"
    rf"(?:[ \t]+OT[ \t]+{_WORD})?"  # 17291 Nordwestuckermark OT Schönermark (Ortsteil)
    rf"(?:[ \t][A-ZÆØÅ](?=[ \t]*(?:[,.\n]|$)))?"  # 1620 København V (a district letter)
)
_POSTCODE_CITY = (
    # 10115 Berlin, F-75002 Paris
    rf"(?:(?:[A-Z]{{1,2}}-)?\d{{5}}[ \t]+{_TOWN}(?:[ \t]+Cedex(?:[ \t]\d{{1,2}})?)?"
    rf"|\d{{4}}[ \t]+{_TOWN}"  # 1010 Wien, 8001 Zürich
    rf"|{_CITY},?[ \t]+(?:[A-Z]{{2}}[ \t]+)?\d{{5}}(?:-\d{{4}})?(?![ \t]+[{_UP}])"  # Dayton, OH 45401
    rf"|{_CITY},?[ \t]+[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}"  # Leeds LS6 2AB
    rf"|{_CITY}(?:[ \t]+[A-Z]{{2,3}})?[ \t]+\d{{4}}\b"  # Auckland 1010, Sydney NSW 2000
    rf"|[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}(?:[ \t]+{_TOWN})?"  # SW1A 1AA London
    rf"|{_CITY},?[ \t]+[A-Z]{{2}}[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"  # Winnipeg, MB R3C 3R2
    rf"|\d{{3}}[ \t]\d{{2}}[ \t]+{_TOWN}"  # 114 55 Stockholm
    rf"|\d{{4}}[ \t]?[A-Z]{{2}}[ \t]+{_TOWN}"  # 1016 GV Amsterdam
    rf"|\d{{4}}-\d{{3}}[ \t]+{_TOWN}"  # 4050-262 Porto
    rf"|\d{{2}}-\d{{3}}[ \t]+{_TOWN}"  # 31-147 Kraków
    rf"|[A-Z]\d{{4}}[A-Z]{{3}}[ \t]+{_CITY}"  # C1043AAZ Buenos Aires
    rf"|{_CITY}[ \t]+\({_CITY}\)[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"  # Montréal (Québec) H3H 1M7
    rf"(?:[ \t]+[A-Z]{{2}}(?![\w-])|[ \t]+\((?:[A-Z][ \t])?{_CITY}\))?"  # Firenze FI, Oleiros (A Coruña)
)
_COUNTRY = (  # after an address: a country in its own or an English name, in capitals too
    r"(?i:USA|U\.S\.A\.|United States|UK|United Kingdom|England|Scotland|Wales|Northern Ireland|Ireland|"
    r"Germany|Deutschland|Austria|Österreich|Switzerland|Schweiz|Suisse|Svizzera|France|Belgique|België|"
    r"Belgium|España|Spain|Italia|Italy|Portugal|Nederland|Netherlands|Luxembourg|Canada|Australia|"
    r"New Zealand|Mexico|México|Poland|Polska|Denmark|Danmark|Sweden|Sverige|Norway|Norge|Finland|Suomi|"
    r"Iceland|Ísland|Czech Republic|Czechia|Česko|Slovakia|Hungary|Magyarország|Romania|România|Bulgaria|"
    r"Greece|Cyprus|Malta|Croatia|Slovenia|Serbia|Estonia|Latvia|Lithuania|Ukraine|Russia|Türkiye|Turkey|"
    r"Israel|Lebanon|United Arab Emirates|UAE|Saudi Arabia|Qatar|Egypt|Morocco|Tunisia|Nigeria|Ghana|"
    r"Kenya|South Africa|India|Pakistan|Bangladesh|Sri Lanka|Nepal|China|Hong Kong|Taiwan|Japan|Korea|"
    r"South Korea|Singapore|Malaysia|Thailand|Vietnam|Viet Nam|Philippines|Indonesia|Brazil|Brasil|"
    r"Argentina|Chile|Colombia|Peru|Perú|Uruguay|Paraguay|Bolivia|Ecuador|Venezuela|Costa Rica|Panama|"
    r"Panamá|Guatemala|Puerto Rico|Tonga|Fiji|Falkland Islands)"
)
_TAIL = re.compile(  # a country followed by a number is a town's name ("Singapore 521221"): the segments'
    rf"{_SEP}(?:{_UNIT}|{_POSTCODE_CITY}|{_COUNTRY}(?![ \t]*\d))(?![\w-])"
)
_BUILDING = (
    rf"(?:The\s+)?(?:{_WORD}\s+){{1,3}}(?:Estate|House|Court|Building|Tower|Towers|Heights|Centre|Center|"
    rf"Residence|Mansions|Lodge|Cottage|Rectory|Farm|Hall|Wharf)|Résidence(?:\s+{_WORD}){{1,3}}"
)
_UNIT_BEFORE = re.compile(
    rf"(?:\b{_UNIT}|\b\d{{1,4}}[a-z]?\s*(?:/|-)|\b(?:c/o|[Cc]hez)\s+[\w .'-]{{2,40}}|\b{_BUILDING})[,;]?\s*$",
)


# Further ", Place" segments (district, town, region) with or without a postcode: kept when one of
# them holds a digit or the last one ends the sentence or line ("Orlando West, Soweto, 1804",
# "Causeway Bay, Hong Kong.", "Dublin 6W").
_CODE_TAIL = r"(?:\d[\dA-Z]{1,3}|[A-Z]\d[\dA-Z]{2})"  # the second half of a postcode: "4AW", "X2Y3"
_SEGMENT = re.compile(
    rf"[ \t]*,[ \t]*(?:{_POSTCODE_CITY}"
    rf"|{_CITY}[ \t]+-[ \t]+[A-Z]{{2}}"  # São Paulo - SP (before the bare town it starts with)
    rf"|(?:Co\.|County)[ \t]+{_WORD}(?:[ \t]+[A-Z]\d[\dW][ \t]?[A-Z\d]{{4}})?"  # Co. Mayo F26 K7P3
    rf"|{_COUNTRY}|[A-Z]{{2,5}}(?=[ \t]*(?:[.;!?\n)]|$))"  # Poland; CDMX, NSW (a region's code)
    rf"|(?:Mc|Mac)?{_CITY}(?:[ \t]+[A-Z]{{0,3}}\d[\dA-Z]{{0,5}}(?:[ \t]{_CODE_TAIL})?)?"
    rf"|[A-Z]{{0,2}}\d[\dA-Z]{{1,4}}(?:[ \t]{_CODE_TAIL})?"  # Dublin 6W, R95 X2Y3
    rf"|[A-Z]{{2}}[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"  # MB R3C 3R2
    rf"|{_CITY}[ \t]+[A-Z]{{2}}[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"  # Halifax NS B3J 2M4
    rf"|\d{{5}}-\d{{3}})(?![\w-])(?![ \t]\d)"  # 01426-001 (Brazil)
)
# the sentence or line ends, or a contact detail follows ("..., Santiago, ana@mail.cl", "..., +596 ...")
_SENTENCE_END = re.compile(r"[ \t]*(?:[.;!?\n)—–]|$|,[ \t]*(?:\+\d|\(?\d{2,4}[ )]\d|[\w.+-]+@))")


def _segments(text: str, end: int) -> int:
    best = end
    for _ in range(4):
        m = _SEGMENT.match(text, end)
        if m is None:
            break
        end = m.end()
        if any(c.isdigit() for c in m.group()) or _SENTENCE_END.match(text, end):
            best = end
    return best


def _streets(text: str, lower: str, words: set[str]) -> Iterator[re.Match[str]]:
    for prefilter, pattern in _STREETS:
        if isinstance(prefilter, frozenset):
            hit = not words.isdisjoint(prefilter)
        elif callable(prefilter):
            hit = prefilter(lower, words)
        else:
            hit = prefilter.search(lower) is not None
        if hit:
            yield from pattern.finditer(text)


def _address(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _streets(text, lower, words):
        start, end = _extend(text, m.start(), m.end())
        yield Finding(ADDRESS, start, end, 0.8)
    yield from _anchored(text)


# A street line the grammar cannot read by its words (no street type: "Meir 44", "Storgatan 23",
# "88 Kingsway"; or no number: "Dalston Lane") is read back from a postcode and town right after it.
# One pattern that opens with a digit class (the regex engine skips to digits at C speed): 4-5 digits
# (or 3 + 2) before a town, a ZIP code, the inward half of a UK postcode ("4FF").
_ANCHOR = re.compile(r"[0-9](?:[0-9]{2,4}(?:[ \t](?:[0-9]{2}[ \t]+)?[A-ZÀ-Þ]|(?![\w-]))|[A-Z]{2}(?![\w-]))")
_US_STATE = re.compile(r",[ \t]*[A-Z]{2}[ \t]+$")
_UK_OUTWARD = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?$")
_STREET_BEFORE = re.compile(
    rf"(?:(?<=[\s,:;(])|^)(?:{_NUM}[ \t]+(?:{_WORD}[ \t]+){{0,2}}{_WORD}"  # 88 Kingsway
    rf"|(?:{_WORD}[ \t]+){{0,2}}{_WORD}[ \t]+{_NUM}"  # Storgatan 23
    rf"|(?:{_WORD}[ \t]+){{1,3}}{_EN_TYPE}\.?)[ \t]*,[ \t]*(?:(?:{_CITY}|{_UNIT})[ \t]*,[ \t]*){{0,2}}"
    rf"(?:{_CITY}[ \t]*)?$"
)


def _anchors(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of postcodes that can close an address: 4-5 digits (or 3 + 2) before a town, a UK
    postcode, a US state and ZIP code."""
    for m in _ANCHOR.finditer(text):
        start, end = m.start(), m.end()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-./+"):
            continue  # part of a longer number, a date, a version or a phone number
        if text[end - 1].isalpha() and text[start + 1].isdigit():
            yield start, end  # 2000 Antwerpen
        elif text[end - 1].isdigit():
            if end - start == 5:
                state = _US_STATE.search(text, max(0, start - 8), start)
                if state is not None:
                    yield state.start(), end  # , CA 90027
        else:
            outward = _UK_OUTWARD.search(text, max(0, start - 5), start)
            if outward is not None and not (outward.start() and text[outward.start() - 1].isalnum()):
                yield outward.start(), end  # BN3 4FF


def _anchored(text: str) -> Iterator[Finding]:
    for anchor_start, anchor_end in _anchors(text):
        line_start = text.rfind("\n", 0, anchor_start) + 1
        m = _STREET_BEFORE.search(text, max(line_start, anchor_start - 100), anchor_start)
        if m is None:
            continue
        street_end = text.find(",", m.start())
        start, end = _extend(text, m.start(), street_end)
        if end >= anchor_end:  # the tail reached the postcode
            yield Finding(ADDRESS, start, end, 0.75)


# Table and CSV cells after a street line: "4410 Mesquite Bend Ln | San Antonio | 78240", "Ulmenweg
# 2;01217;Dresden": up to three town or postcode cells, kept from the first postcode cell on.
_CELL = re.compile(
    rf"[ \t]*([|;])[ \t]*(?:{_CITY}|(?:[A-Z]{{1,2}}-)?\d{{4,5}}(?:-\d{{3,4}})?|\d{{3}}[ \t]\d{{2}}|"
    rf"[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}|\d{{4}}[ \t]?[A-Z]{{2}})(?=[ \t]*(?:[|;\n]|$))"
)


def _cells(text: str, end: int) -> int:
    best, sep, coded = end, "", False
    for _ in range(3):
        m = _CELL.match(text, end)
        if m is None or (sep and m.group(1) != sep):
            break
        sep, end = m.group(1), m.end()
        coded = coded or any(c.isdigit() for c in m.group())
        if coded:  # a town cell counts after the postcode cell ("01217;Dresden"), not alone
            best = end
    return best


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """A street line with its units and c/o before it and its units, postcode, town and country after."""
    for _ in range(4):  # "Flat 2, Block C, Pembury Estate, 14 ..."
        unit = _UNIT_BEFORE.search(text, max(0, start - 48), start)
        if unit is None or unit.start() == start:
            break
        start = unit.start()
    for _ in range(6):
        tail = _TAIL.match(text, end)
        if tail is None:
            break
        end = tail.end()
    end = _segments(text, end)
    if "|" in text or ";" in text:
        end = _cells(text, end)
    return start, end


# An address by its label: "Address:", "Lieferadresse:", "Dirección:", "billing_address": "...", "lives
# at", "ship to" (EN/DE/FR/ES). The value is the rest of the line, or the block of lines under a label
# that ends its line; it is cut where prose resumes and must hold a digit (a house, box or postcode).
_LABEL_WORDS = (
    "address", "addr", "adresse", "anschrift", "dirección", "direccion", "domicilio", "lives at", "live at",
    "living at", "staying at", "moved to", "ship to", "send it to", "deliver to", "mail to", "wohnt in",
    "wohne in", "wohnhaft", "habite", "vit au", "vivo en", "vive en", "zustellung", "home:", "bill to",
    "lieferung an", "livraison", "envío a", "enviar a", "entrega", "plz", "postcode", "zip", "postal",
    "straße/", "strasse/", "street", "line1", "line_1", "addr1", "addr_1", "straße", "strasse", "calle",
    "indirizzo", "endereço", "morada", "straat",
)  # fmt: skip
_LABEL = re.compile(
    r"(?:\b(?:[a-zäöüéè_]*(?:address|addr|adresse|anschrift)|dirección|direccion|domicilio|home|bill to|"
    r"ship to|deliver to|delivery to|mail to|return address|adresse de livraison|livraison|envío a|"
    r"enviar a|entrega en|lieferung an|plz(?:/ort)?|postcode|post code|zip(?: code)?|code postal|"
    r"código postal|stra(?:ß|ss)e/hausnr\.?|"
    r"[a-z_]*street(?:_?address)?|(?:address_?)?line_?1|addr_?1|stra(?:ß|ss)e|calle|indirizzo|"
    r"endereço|morada|straat)\b[\"']?[ \t]*(?:[:=]|\(.{0,20}\)[ \t]*:)[ \t]*[\"']?"
    r"|\b(?:lives|live|living|staying|moved|send it|ship it|mail it|deliver it)[ \t]+(?:at|to)[ \t]+|"
    r"\b(?:wohnt|wohne|wohnhaft)(?:[ \t]+jetzt)?[ \t]+in[ \t]+(?:der[ \t]+)?|"
    r"\b(?:habite|vit|vis)[ \t]+(?:au|à)[ \t]+|"
    r"\b(?:vivo|vive|vivimos)[ \t]+en[ \t]+(?:la[ \t]+|el[ \t]+)?)"
)
# Where a `_LABEL` match can start: each alternative opens with one of these at the match's start or,
# after `[a-z…_]*`, later in the same word ("billing_address"); every alternative opens with `\b`, so the
# match starts where the word holding the root starts. `_LABEL` is tried only there (`matches_at`),
# not at every word of the text: 173 -> ~20 µs on the 2 KB dense PII prompt, the same matches.
_LABEL_STARTS = starts_of(
    "addr", "adresse", "anschrift", "dirección", "direccion", "domicilio", "home", "bill to", "ship",
    "deliver", "mail", "return address", "livraison", "envío a", "enviar a", "entrega en", "lieferung an",
    "plz", "post", "zip", "code postal", "código postal", "stra", "street", "line", "calle", "indirizzo",
    "endereço", "morada", "liv", "staying", "moved", "send it", "wohn", "habite", "vit", "vis", "viv",
)  # fmt: skip


def _word_start(text: str, index: int) -> int:
    while index and (text[index - 1].isalnum() or text[index - 1] == "_"):  # `\w` in a str pattern
        index -= 1
    return index


def label_matches(lower: str) -> Iterator[re.Match[str]]:
    """`_LABEL.finditer(lower)`, tried only at the starts of words holding a label's root."""
    return matches_at(_LABEL, lower, _word_starts(lower, _LABEL_STARTS(lower)))


def _word_starts(text: str, indices: Iterable[int]) -> set[int]:
    """`{_word_start(text, i) for i in indices}`, each walk stopping at the previous index: one inside
    the same word has the same start ("street1street1..." walked back over the whole run per root: n^2)."""
    out: set[int] = set()
    last, last_start = -1, 0
    for index in sorted(set(indices)):
        start = index
        while start > last and start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if start == last:  # walked back to the previous index over word characters only
            start = last_start
        out.add(start)
        last, last_start = index, start
    return out


_CUT = re.compile(r"[ \t]+[—–|][ \t]|[ \t]+/[ \t]|;|[ \t]+\(|\t|\.(?=[ \t]+[A-Z\n]|[ \t]*$)|\?|!|\"")
_ADDRESS_LOWER = frozenset(
    """de la del des du le les di da do dos das e y et am an der im in auf zum zur bis ter rue avenue allée
    chemin impasse quai route place bd av st rd ave apt ste unit flat floor suite c/o bajo izq izda dcha piso
    planta puerta étage etage links rechts whg og no nr n° nº box dpto depto departamento apto andar sala
    loja scala sc int interno nave local oficina of rgb hh vh blk plot lot lote mz km edificio edif casa
    bis ter quater x entre esq esquina col colonia barrio sector""".split()
)


def _value_end(text: str, start: int, limit: int) -> int:
    """Where a labelled address ends: before a dash, bracket or sentence end, and before the first
    lower-case word once the value has had its number (prose resumes: "until June", "i think")."""
    end = limit
    for cut in _CUT.finditer(text, start, limit):
        if cut.group() == ".":
            word = text[max(start, cut.start() - 6) : cut.start()].rsplit(None, 1)[-1:]
            if word and len(word[0]) <= 4 and not word[0].isdigit():
                continue  # "Av.", "St.", "Col.", "N.": an abbreviation, not a sentence end
        end = cut.start()
        break
    value = text[start:end]
    if not value.islower():  # "12 oak st springfield il 62704" has no capitals to go by: keep the line
        seen_digit = False
        for m in _TOKEN.finditer(text, start, end):
            token = m.group().strip(",.")
            if seen_digit and token.isalpha() and token.islower() and token not in _ADDRESS_LOWER:
                end = m.start()
                break
            seen_digit = seen_digit or any(c.isdigit() for c in token)
    else:
        last = None
        for m in _TOKEN.finditer(text, start, end):
            if any(c.isdigit() for c in m.group()):
                last = m.end()
        end = last if last is not None else end
    end = len(text[:end].rstrip(" \t,;:."))
    word = text[max(start, end - 6) : end].rsplit(None, 1)[-1:]
    if text[end : end + 1] == "." and word and word[0].isalpha() and len(word[0]) <= 5:
        end += 1  # an abbreviation's dot belongs to it: "2º izq.", "Mérida, Yuc."
    return end


_TOKEN = re.compile(r"\S+")
# an IPv4/IPv6 address (with a port or prefix) or a MAC address after an "address" label
_NETWORK_ADDRESS = re.compile(
    r"\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5}|/\d{1,2})?|\[?[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*\]?(?::\d{1,5})?|"
    r"[0-9A-Fa-f]{2}(?:[:\-][0-9A-Fa-f]{2}){5}"
)


def _labelled(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    if not any(label in lower for label in _LABEL_WORDS):
        return
    for m in label_matches(lower):
        start = m.end()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        if not text[start:line_end].strip():  # "Deliver to:" then a block of lines
            block = text.find("\n\n", start)
            limit = min(len(text), start + 200, len(text) if block == -1 else block)
            lines = [(a.start(), a.end()) for a in re.finditer(r"[^\n]+", text[:limit]) if a.start() > start]
            while lines and not any(c.isdigit() for c in text[lines[0][0] : lines[0][1]]) and len(lines) > 1:
                if any(c.isdigit() for c in text[lines[1][0] : lines[1][1]]):
                    lines = lines[1:]  # a name line above the street line: the person, not the address
                    break
                lines = lines[1:]
            lines = [ln for ln in lines if "@" not in text[ln[0] : ln[1]] and ":" not in text[ln[0] : ln[1]]]
            if not lines:
                continue
            start, end = lines[0][0], lines[-1][1]
        else:
            start = start + len(text[start:line_end]) - len(text[start:line_end].lstrip(" \t"))
            end = _value_end(text, start, min(line_end, start + 160))
        value = text[start:end]
        street = len(value) >= 6 and any(c.isdigit() for c in value) and not ("@" in value or "://" in value)
        if street and _NETWORK_ADDRESS.fullmatch(value) is None:  # "bind_address: 0.0.0.0:3306" is no street
            yield Finding(ADDRESS, start, end, 0.75)


def _addresses(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """Street-grammar addresses, then labelled values where the grammar found nothing or found less
    (the label's value goes on with more comma-separated segments), then the parts that form, table,
    SQL and vCard fields name; readings that overlap are one address (their union)."""
    found = list(_address(text, lower, words))
    labelled = []
    for f in _labelled(text, lower, words):
        inside = [g for g in found if g.start < f.end and f.start < g.end]
        if all("," in text[g.end : f.end] or (f.start < g.start and g.end <= f.end) for g in inside):
            labelled.append(f)  # more segments than the grammar read, after or before its street line
    found += labelled
    found += [
        Finding(ADDRESS, start, end, 0.75) for start, end in field_spans(text, lower, words, _value_end)
    ]
    yield from _union(found)


def _union(found: list[Finding]) -> list[Finding]:
    """Overlapping readings of one address merged ("Gate 3, 2850 Commerce" and "2850 Commerce Pkwy,
    Miramar, FL 33025"): the engine would keep only the longest, dropping the other's part. The
    readings stay too: when the union overlaps a finding that wins over it (a name before the
    street), the engine falls back to them."""
    if len(found) < 2:
        return found
    groups: list[list[Finding]] = []
    reach = 0  # the end of the last group (its members' furthest end), kept as it grows: linear
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if groups and f.start < reach:
            groups[-1].append(f)
            reach = max(reach, f.end)
        else:
            groups.append([f])
            reach = f.end
    out: list[Finding] = []
    for group in groups:
        if len(group) > 1:
            end, score = max(g.end for g in group), max(g.score for g in group)
            out.append(Finding(ADDRESS, group[0].start, end, score))
        out += group
    return out


ADDRESS_DETECTORS: tuple[Detector, ...] = (
    Detector(ADDRESS, 30, _addresses, (has_digit,)),  # every form holds a house, box or postcode number
)
