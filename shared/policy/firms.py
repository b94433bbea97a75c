"""Organizations are not persons: a person-name finding that a legal form follows ("Kestrel Point Ltd",
"Construcciones Ebro S.L.", "Adler GmbH & Co. KG"), that a company label introduces ("Firma Adler
Feinkost", "Business name: Blackwood Carpentry", "Raison sociale : ..."), or whose possessive names a
place or an institution ("St. Aidan's Hospital") is dropped, whichever detector proposed it (the
cue scorer, a form label, a JSON field). The legal forms are those of company registers (EN, DE, FR,
ES, IT, NL, Nordic); the test is a look at the few characters around each person finding, so texts
without one pay nothing.
"""

from __future__ import annotations

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Finding

__all__ = ["drop_firms"]

PERSON = "PERSON"
_FORMS = (
    r"Ltd|Limited|LLC|L\.L\.C|LLP|Inc|Incorporated|Corp|Corporation|plc|PLC|GmbH|gGmbH|mbH|AG|KG|KGaA|"
    r"OHG|UG|e\.\s?V|SE|S\.A|SA|SAS|S\.A\.S|SARL|Sàrl|S\.L|SL|S\.L\.U|SLU|S\.Coop|SpA|S\.p\.A|Srl|"
    r"S\.r\.l|BV|B\.V|NV|N\.V|Oy|Oyj|AB|A/S|ASA|ApS|Pty|Ltda|Lda|Cía|Cie"
)
_AND_CO = r"&[ \t]*(?:Co|Cie|Cía|Sons|Söhne|Partners|Associates)\b"
# A legal form right after the name (a comma may stand between): "Acme Widgets, Inc.", "Ebro S.L."
_LEGAL_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?:{_AND_CO}|(?:{_FORMS})(?![\w/]))")
# ... or inside the span a label's value took whole: "Legal name: Kestrel Point Ltd"
_LEGAL_IN = re.compile(rf"[ \t,](?:{_AND_CO}|(?:{_FORMS})(?![\w/]))")
# A company label right before it on its line (lower case): "Firma", "Business name:", "Empresa:"
_LABEL_WORDS = (
    r"(?:\bfirma|\bcompany(?: name)?|\bbusiness(?: name)?|\blegal (?:name|entity)|\btrading as|\bt/a|"
    r"\bempresa|\braz[oó]n social|\braison sociale|\bsoci[ée]t[ée]|\bunternehmen|\bemployer|"
    r"\barbeitgeber|\bemployeur|\bempleador|\bvendor|\bsupplier|\blieferant|\bfournisseur|\bproveedor)"
)
_LABEL_BEFORE = re.compile(rf"{_LABEL_WORDS}[ \t]*:?[ \t]*$")
_LABEL_FIRST = re.compile(rf"{_LABEL_WORDS}[ \t]")  # the label inside the span: "Firma Adler Feinkost"
# A possessive before an institution or a place: "St. Aidan's Hospital", "Guy's and St Thomas'"
_POSSESSIVE_HEAD = re.compile(
    r"['\u2019]s[ \t]+(?:Hospital|Clinic|School|College|University|Church|Cathedral|Chapel|Park|Square|"
    r"Gardens?|Bridge|Cross|Inn|Hall|Academy|Infirmary|Centre|Center|Bar|Pub|Kitchen|Bakery)\b"
)


def _is_firm(text: str, lower: str, f: Finding) -> bool:
    if _LEGAL_AFTER.match(text, f.end) is not None or _POSSESSIVE_HEAD.match(text, f.end) is not None:
        return True
    if _LEGAL_IN.search(text, f.start, f.end) is not None or _LABEL_FIRST.match(lower, f.start) is not None:
        return True
    line_start = max(text.rfind("\n", 0, f.start) + 1, f.start - 40)
    return _LABEL_BEFORE.search(lower, line_start, f.start) is not None


def drop_firms(text: str, lower: str, found: list[Finding]) -> list[Finding]:
    """`found` without the person names that are an organization's (see the module docstring)."""
    if not any(f.type == PERSON for f in found):
        return found
    return [f for f in found if f.type != PERSON or not _is_firm(text, lower, f)]
