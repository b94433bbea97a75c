"""A found address completed to its edges: whichever reading found it (the street grammar, a label,
a postcode read back, a field), the comma-separated segments around it that are address parts are
read once more.

- **After it**: units ("piso 5 dto. B", "bureau 400", "Tower 2", "int. 4"), a district, town, region or
  country of capitalized words, with a postcode before or after ("Wan Chai, Hong Kong", "C1193AAE
  CABA, Argentina", "Montréal (Québec) H2X 1K8"), a district number after the town ("Praha 10").
- **Before it**: a unit, floor, building or estate segment ("3rd Floor, Mahalaxmi Chambers, ", "Hall B,
  Level 1, ", "Urb. Los Almendros, ", "ZI des Landes, "), and a street type in lower case that the
  grammar left ("chemin des | Vignes 8").

A segment that holds another finding (a name, a phone number) or a lower-case word that is no address
word ends the reading, so prose and the person before the address stay out. Only added: the engine's
overlap resolution keeps the longest and falls back to the address as found.
"""

from __future__ import annotations

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Finding
from shared.policy.person_score import lexicon

__all__ = ["complete_addresses"]

ADDRESS = "ADDRESS"
_UP = "A-ZÀ-ÖØ-ÞĀ-ɏ"
_LOW = "a-zà-öø-ÿĀ-ɏß"
_UNIT_WORDS = (
    r"(?:apt|apartment|unit|suite|ste|flat|floor|level|room|rm|bureau|piso|planta|puerta|dto|depto|"
    r"dpto|et|étage|etage|ap|apto|stan|lok|kv|int|interno|scala|bte|bus|tower|torre|block|blk|bloque|"
    r"portal|hall|building|bldg|house|villa|plot|lot|no|nr|door|porte|gate|wing|casa|edificio|edif|"
    r"oficina|of|local|nave|department|dept|km)"
)
# a unit word, a dot or a blank (not "ApS"), and its number or letter ("piso 5", "dto. B", "Tower 2"),
# not a name ("Casa Las Encinas")
_UNIT = (
    rf"(?i:{_UNIT_WORDS})(?:\.[ \t]*|[ \t]+)(?:n[oº°]\.?[ \t]*)?"
    rf"(?:#?(?=[\w/-]{{0,5}}\d)[\w/-]{{1,6}}|[A-Z]{{1,2}}(?!\w))(?:\.(?![ \t]*$|\s))?"
)
# a capitalized word ("St." and "Co." keep their dot where a word follows; a sentence's end does not)
_CAP = rf"(?:[{_UP}](?:[{_LOW}'\u2019-]|\.(?=[ \t]*[{_UP}{_LOW}]))*|[{_UP}]{{2,}})"
_PARTICLE = r"(?:de|del|de la|des|du|la|le|los|las|am|an der|sur|sous|di|da|do|dos|y|et|of|upon|on)"
_PLACE = rf"{_CAP}(?:[ \t-](?:{_PARTICLE}[ \t-])?{_CAP}){{0,3}}"
# a postcode: capitals and digits with a digit ("C1193AAE", "H2X 1K8", "EC2N 4AY", "L-4011", "100 00")
_CODE = r"(?=[A-Z\d-]*\d)[A-Z\d]{1,8}(?:-[A-Z\d]{1,5})?(?:[ ](?=[A-Z\d]*\d)[A-Z\d]{2,4})?"
_FLOOR = r"\d{1,2}(?:st|nd|rd|th|º|ª|e|er)?[ \t]+(?i:floor|level|étage|piso|planta)"
_SEGMENT = (
    rf"(?:{_UNIT}(?:[ \t]+{_UNIT}){{0,2}}|{_FLOOR}"
    rf"|{_CODE}[ \t]+{_PLACE}(?:[ \t]+\({_PLACE}\))?"
    rf"|{_PLACE}(?:[ \t]+\({_PLACE}\))?(?:[ \t]+{_CODE})?)"
)
# one more segment after the address: a comma, the segment, then where a segment ends (group 2: prose
# resumes after it, "..., Kaduna is where ...": the last segment)
_TAIL = re.compile(
    rf",[ \t]*({_SEGMENT})(?=[ \t]*(?:[,;)\n<|]|\.(?:\s|$)|$|[ \t][-\u2013\u2014][ \t])|([ \t]+[{_LOW}]))"
)
_DISTRICT = re.compile(rf"[ \t]\d{{1,2}}(?=[ \t]*(?:[,;)\n<|]|\.(?:\s|$)|$)|[ \t]+[{_LOW}])")  # "Praha 10"
# a segment before the address that names a unit, floor, building or estate, and its comma
_HEAD_WORD = re.compile(
    rf"{_UNIT}|(?i:\d{{1,2}}(?:st|nd|rd|th|º|ª|e|er)?[ \t]+(?:floor|level|étage|piso|planta)\b|"
    r"(?:urb|urbanización|pol|polígono|zi|za|zone|estate|complex|residencial|conjunto|c/o)\b)"
)
_HEAD_SEGMENT = re.compile(rf"(?:^|(?<=[,:\n( \t]))[ \t]*({_SEGMENT}),[ \t]*$")
_UNITS_AFTER = re.compile(rf"(?:[ \t]+{_UNIT})+(?=[ \t]*(?:[,;)\n]|\.(?:\s|$)|$))")  # "piso 5| dto. B"
_STREET_TYPE_BEFORE = re.compile(
    r"(?<![\w])(?i:chemin|rue|avenue|allée|impasse|route|boulevard|quai|place|calle|carrer|via|viale|"
    r"rua|avenida|travessa|ulica|ul\.|str\.)(?:[ \t]+(?:de la|des|du|de|del|dei|della|do|da|dos|das))?"
    r"[ \t]+$"
)


def complete_addresses(text: str, found: list[Finding]) -> list[Finding]:
    """`found` plus each ADDRESS finding grown over the address segments around it (see above).
    Returns `found` itself when it holds no ADDRESS finding."""
    addresses = {(f.start, f.end): f for f in found if f.type == ADDRESS}
    if not addresses:
        return found
    others = bytearray(len(text))  # 1 where another finding is: one test per segment, not per finding
    for start, end in {(f.start, f.end) for f in found if f.type != ADDRESS}:
        others[start:end] = b"\x01" * (end - start)
    grown: list[Finding] = []
    for (start, end), f in addresses.items():
        new_start, new_end = _head(text, start, others), _tail(text, end, others)
        if (new_start, new_end) != (start, end):
            grown.append(Finding(ADDRESS, new_start, new_end, f.score))
    return found + grown if grown else found


def _free(others: bytearray, start: int, end: int) -> bool:
    return others.find(1, start, end) == -1


def _tail(text: str, end: int, others: bytearray) -> int:
    m = _UNITS_AFTER.match(text, end)
    if m is not None and _free(others, end, m.end()):
        end = m.end()
    for _ in range(4):
        m = _TAIL.match(text, end)
        if m is None or not _free(others, m.start(1), m.end(1)):
            break
        if m.group(2):  # prose goes on after it: a known place or a postcode's segment ends the address
            if m.group(1) in lexicon().places or any(c.isdigit() for c in m.group(1)):
                return m.end(1)
            break  # "..., Bitte klingeln Sie": a sentence's first word, not a town
        end = m.end(1)
    m = _DISTRICT.match(text, end)
    if m is not None and text[end - 1 : end].isalpha() and _free(others, m.start(), m.end()):
        end = m.end()
    return end


def _head(text: str, start: int, others: bytearray) -> int:
    m = _STREET_TYPE_BEFORE.search(text, max(0, start - 24), start)
    if m is not None and _free(others, m.start(), start):
        start = m.start()
    best, at = start, start
    for _ in range(3):
        m = _HEAD_SEGMENT.search(text, max(0, at - 60), at)
        if m is None or not _free(others, m.start(1), at):
            break
        at = m.start(1)
        if _HEAD_WORD.match(m.group(1)) is not None:
            best = at  # a unit or building segment: it and the segments after it belong to the address
    return best
