"""Organizations are not persons: a person-name finding that a legal form follows ("Kestrel Point Ltd",
"Construcciones Ebro S.L.", "Adler GmbH & Co. KG"), that a company label introduces ("Firma Adler
Feinkost", "Business name: Blackwood Carpentry", "Raison sociale : ..."; also a brand or product noun:
"il prodotto Giovanni Rana", "la marca Pedro del Hierro", and the later names of a list it opens: "the
company Johnson Controls and Harvey Nichols"), or whose possessive names a
place or an institution ("St. Aidan's Hospital") is dropped, whichever detector proposed it (the
cue scorer, a form label, a JSON field). So is what a thing is called ("a village called Ashby
Parva", "ein Laden namens ...", "un pueblo llamado ..."; not "a girl named Hazel": person nouns keep
it), and every other occurrence of a name dropped as an organization in the same text ("Firma Adler
Feinkost ... geht an: Adler Feinkost"). The legal forms are those of company registers (EN, DE, FR,
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
_AND_CO = (  # "& Sons", "& Fils", "& Asociados": a firm named after its founders
    r"&[ \t]*(?:Co|Cie|Cía|Sons|Söhne|Fils|Hijos|Figli|Partners|Partner|Associates|Associés|Asociados|"
    r"Associati)\b"
)
# A legal form right after the name (a comma may stand between): "Acme Widgets, Inc.", "Ebro S.L."
# Possessive blanks: with `[ \t]*,?[ \t]*` a run of n blanks after a name was split every way between the
# two (n^2: "sid" + 8,000 spaces took 4-5 s). Exact: what follows them starts with "&" or a letter.
_LEGAL_AFTER = re.compile(rf"[ \t]*+,?[ \t]*+(?:{_AND_CO}|(?:{_FORMS})(?![\w/]))")
# ... or inside the span a label's value took whole: "Legal name: Kestrel Point Ltd"
_LEGAL_IN = re.compile(rf"[ \t,](?:{_AND_CO}|(?:{_FORMS})(?![\w/]))")
# A company label right before it on its line (lower case): "Firma", "Business name:", "Empresa:". Not
# a role a person also fills (employer, vendor, supplier, Arbeitgeber, Lieferant, fournisseur, proveedor:
# a household that employs a nanny, a freelancer; they hid "Employer: Anna Schmidt" and earned no dev row)
_LABEL_WORDS = (
    r"(?:\bfirma|\bcompany(?: name)?|\bbusiness(?: name)?|\blegal (?:name|entity)|\btrading as|\bt/a|"
    r"\bempresa|\braz[oó]n social|\braison sociale|\bsoci[ée]t[ée]|\bunternehmen|"
    r"\bbrand|\bproduct|\bmarke|\bprodukt|\bhersteller|\bmarque|\bproduit|\benseigne|\bentreprise|"
    r"\bmarca|\bproducto|\bfabricante|\bazienda|\bprodotto|\bditta|\bcompanies|\bbrands|\bproducts|"
    r"\bmarken|\bmarques|\bproduits|\bmarcas|\bproductos|\bempresas|\baziende|\bprodotti)"
)
# A name after "and" in a list that a company label opens: "The company Johnson Controls and Harvey
# Nichols", "les marques Ferrero, Lindt et ..."
_CAP_RUN = r"(?:[A-ZÀ-Þ][\w'\u2019&.\-]*[ \t]*){1,4}"
_AND = r"(?:,|and|und|et|y|e|&)[ \t]*"
_LIST_BEFORE = re.compile(rf"(?i:{_LABEL_WORDS})[ \t]*:?[ \t]*(?-i:{_CAP_RUN}(?:{_AND}{_CAP_RUN})*{_AND})$")
_LABEL_BEFORE = re.compile(rf"{_LABEL_WORDS}[ \t]*:?[ \t]*$")
# A role a firm usually fills and a person sometimes does (a household employs a nanny, a freelancer
# sells): the value is a firm unless every word of it is a given name or surname of the lexicon ("Employer:
# Anna Schmidt" stays a person; "Employer: Schmitz Cargobull", "Proveedor: López Hermanos" are firms).
_ROLE_BEFORE = re.compile(
    r"(?:\bemployer|\barbeitgeber|\bemployeur|\bempleador|\bvendor|\bsupplier|\blieferant|\bfournisseur"
    r"|\bproveedor)[ \t]*:?[ \t]*$"
)
_LABEL_FIRST = re.compile(rf"{_LABEL_WORDS}[ \t]")  # the label inside the span: "Firma Adler Feinkost"
# A possessive before an institution or a place: "St. Aidan's Hospital", "Guy's and St Thomas'"
_POSSESSIVE_HEAD = re.compile(
    r"['\u2019]s[ \t]+(?:Hospital|Clinic|School|College|University|Church|Cathedral|Chapel|Park|Square|"
    r"Gardens?|Bridge|Cross|Inn|Hall|Academy|Infirmary|Centre|Center|Bar|Pub|Kitchen|Bakery)\b"
)


# "a village called", "the app named", "ein Dorf namens", "un village appelé", "un pueblo llamado": an
# article, one noun, a naming word (lower case). Unless the noun is a person's, what follows is a
# thing's name. Only the naming word is searched first (str.find): most texts have none.
_NAMING = ("called", "named", "namens", "appel", "nommé", "llamad", "denominad", "chamad", "chiamat")
_NAMED_THING = re.compile(
    r"\b(?:a|an|the|this|that|some|ein|eine|einen|einem|der|die|das|un|une|le|la|el|los|las|uno|una)"
    r"[ \t]+(?:[a-zà-ÿ\-]+[ \t]+)?([a-zà-ÿ]+)[ \t]+(?:called|named|namens|appel[ée]e?s?|nomm[ée]e?s?|"
    r"llamad[oa]s?|denominad[oa]s?|chamad[oa]s?|chiamat[oa])[ \t]+$"
)
_PERSON_NOUN_WORDS = """
    man men woman women girl girls boy boys guy guys lady gentleman kid kids child children baby son
    daughter brother sister friend friends person people someone somebody colleague colleagues
    customer client student pupil teacher doctor nurse patient character protagonist hero heroine
    narrator detective author writer user employee worker manager engineer neighbour neighbor mother
    father wife husband partner cousin uncle aunt nephew niece grandson granddaughter twin twins
    mann frau mädchen junge kind sohn tochter freund freundin kollege kollegin kunde kundin
    homme femme fille garçon enfant fils ami amie collègue client cliente personnage
    hombre mujer chica chico niña niño hijo hija amigo amiga compañero compañera cliente personaje
    señor señora tipo
    """
_PERSON_NOUNS = frozenset(_PERSON_NOUN_WORDS.split())


# an agent noun by its ending names a person too, whatever the trade ("a plumber called Anna Schmidt", "a
# contractor named ...", "un plombier appelé ...", "ein Handwerker namens ...", "un fontanero llamado
# ..."): the list above cannot hold every trade, and a thing's noun with such an ending ("a tower called
# ...") only keeps a name masked (thirteenth session: "a contractor named Anna Schmidt" was in clear)
# A German feminine agent noun ends in -in after an agent's ending ("Handwerkerin", "Direktorin",
# "Polizistin", "Studentin"); a bare -in is a thing's too ("mountain", "Magazin", "cabin": end-of-round
# review, "a mountain called Ben Nevis" was masked).
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|eur|euse|ier|ière|ero|era|ista|ora|(?:er|or|ist|eur|ent|ant)in)$")
# Places and things whose nouns have an agent's ending: the name after them is the thing's ("a monster
# called Grendel Smith", "a folder called Marta Lopez", "une rivière appelée Blanche Fontaine", "una
# carretera llamada ...", "ein Ordner namens ..."). The list wins over the ending.
_THING_NOUN_WORDS = """
    river tower server folder file list monster computer container center theater theatre chapter letter
    number paper water corner border cluster router printer browser header footer filter trigger buffer
    parameter layer register adapter wrapper banner poster sticker thriller burger chamber shelter quarter
    summer winter cancer tractor trailer steamer freighter tanker cruiser destroyer
    ferry helicopter scooter laptop tablet monitor mirror motor door floor corridor sector vector
    processor elevator reactor generator indicator calculator detector connector selector compressor
    accelerator sensor factor error harbor harbour horror interior exterior meteor manor
    playlist checklist wishlist mist wrist twist fist station island
    rivière quartier fichier dossier papier escalier atelier cahier sentier clavier panier chantier
    frontière lumière carrière barrière bannière clairière théâtre moteur ordinateur secteur
    capteur radiateur ascenseur couleur valeur fleur erreur compteur répertoire tondeuse perceuse
    carretera frontera escalera bandera pradera ladera cafetera primavera tijera
    agujero sendero dinero fichero llavero lucero sombrero lista pista revista vista hora computadora
    impresora lavadora motor monitor
    ordner zimmer fenster theater computer server koffer messer keller kloster ufer wasser lager
    magazin container router drucker rechner speicher
    """
_THING_NOUNS = frozenset(_THING_NOUN_WORDS.split())


def _named_thing(lower: str, f: Finding) -> bool:
    head = lower[max(0, f.start - 48) : f.start]
    if not any(word in head for word in _NAMING):
        return False
    m = _NAMED_THING.search(head)
    if m is None or m.group(1) in _PERSON_NOUNS:
        return False
    return m.group(1) in _THING_NOUNS or _AGENT_NOUN.search(m.group(1)) is None


def _is_firm(text: str, lower: str, f: Finding) -> bool:
    if _LEGAL_AFTER.match(text, f.end) is not None or _POSSESSIVE_HEAD.match(text, f.end) is not None:
        return True
    if _LEGAL_IN.search(text, f.start, f.end) is not None or _LABEL_FIRST.match(lower, f.start) is not None:
        return True
    # the line's start looked for no further back than it is used (an unbounded rfind read back to the
    # text's start for every name of a long line: n^2)
    line_start = max(text.rfind("\n", max(0, f.start - 40), f.start) + 1, f.start - 40)
    if _LABEL_BEFORE.search(lower, line_start, f.start) is not None:
        return True
    if _ROLE_BEFORE.search(lower, line_start, f.start) is not None and not _all_name_words(text, f):
        return True
    before = text[max(text.rfind("\n", max(0, f.start - 120), f.start) + 1, f.start - 120) : f.start]
    conjunction = before.rstrip().rpartition(" ")[2] in ("and", "und", "et", "y", "e", "&")
    return conjunction and _LIST_BEFORE.search(before) is not None  # "..., Kontakt Urs Zimmermann" is not


def _all_name_words(text: str, f: Finding) -> bool:
    from shared.policy.person_score import lexicon  # the lexicon is read on first use, never at import

    names = lexicon().names  # as written: "Anna", "Müller"
    words = [w.strip(".,'\u2019").capitalize() for w in text[f.start : f.end].replace("-", " ").split()]
    return any(words) and all(w in names for w in words if w)


# A work's title in guillemets, whole: "lu « Madame Bovary »", "the novel «Anna Karenina»" (two words
# or more, a title word may stand before the name the cue found), only after a reading verb or a work
# noun: French and Swiss German set « » as their ordinary quotes ("Le client s'appelle « Marie Dubois »",
# "Kontoinhaber: «Hans Müller»"). Guillemets only: a nickname goes in other quotes ('Robert "Bob" Smith').
_GUILLEMET_OPEN = re.compile(r"«[ \t\u00a0\u202f]*(?:[A-ZÀ-Þ][\w'\u2019.-]*[ \t]+){0,2}$")
_GUILLEMET_CLOSE = re.compile(r"[ \t\u00a0\u202f]*»")
_WORK_CUE = re.compile(
    r"(?<!\w)(?:read|reading|reread|lu|lue|relu|lire|lis|lisez|lesen|lese|liest|gelesen|leer|leído|leí"
    r"|leyendo|livres?|romans?|books?|novels?|buch|bücher|romane?|libros?|novelas?|romanzo|films?|movie"
    r"|película|series?|serie|série|pièce|album|chanson|canción|canzone|songs?|lied|opéra|opera|oper"
    r"|tableau|cuadro|quadro|gemälde|painting|poème|poem|gedicht|poema|ouvrage|œuvre|werk|obra|titre"
    r"|title|titel|título|titolo)(?!\w)",
    re.IGNORECASE,
)


def _in_title_quotes(text: str, f: Finding) -> bool:
    """(`drop_firms` asks only when the text holds a "«": asked per name, the test read the text once
    per name, n^2 on a long list of names.)"""
    opening = _GUILLEMET_OPEN.search(text, max(0, f.start - 40), f.start)
    if opening is None or _GUILLEMET_CLOSE.match(text, f.end) is None:
        return False
    inside = text[opening.start() + 1 : f.end].split()
    return (
        len(inside) >= 2 and _WORK_CUE.search(text, max(0, opening.start() - 40), opening.start()) is not None
    )


# `_firm_anywhere` reads the whole text once per distinct name: on a roster of thousands of names that
# is names x length (256 KB of "Surname, Given" lines: 7 s of 20). The first 256 distinct names are
# judged at every occurrence, later ones at their own: a bound, not exact past it (no identity text and
# no dev record has that many names).
_ANYWHERE_NAMES = 256


def drop_firms(text: str, lower: str, found: list[Finding]) -> list[Finding]:
    """`found` without the person names that are an organization's (see the module docstring)."""
    if not any(f.type == PERSON for f in found):
        return found
    firm: dict[str, bool] = {}  # by name: `_firm_anywhere` reads every occurrence, so one answer per name
    quotes = "«" in text
    kept = []
    for f in found:
        if f.type == PERSON:
            value = text[f.start : f.end]
            if value in firm:
                is_firm = firm[value]
            elif len(firm) < _ANYWHERE_NAMES:
                is_firm = firm[value] = _firm_anywhere(text, lower, f)
            else:  # past the bound: this occurrence alone (a bounded read)
                is_firm = _is_firm(text, lower, f)
            if is_firm or _named_thing(lower, f) or (quotes and _in_title_quotes(text, f)):
                continue
        kept.append(f)
    return kept


def _firm_anywhere(text: str, lower: str, f: Finding) -> bool:
    """`_is_firm` at this occurrence of the name or at any other in the text."""
    value = text[f.start : f.end]
    index = text.find(value)
    while index != -1:
        if _is_firm(text, lower, Finding(PERSON, index, index + len(value), f.score)):
            return True
        index = text.find(value, index + 1)
    return False
