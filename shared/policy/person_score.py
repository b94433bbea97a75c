"""Person names scored from token features, not found by one rule: a capitalized run around a known
given name or surname (or after a person cue) becomes a name when its evidence adds up.

Evidence for: a given name first and a surname last (from `given_names.txt` / `surnames.txt`, 86
locales; weaker when the token is also a common word: "Will", "Baker"), initials, a greeting or
sign-off, a verb or preposition that takes a person ("ask", "cc", "mit", "avec", "con"), a verb after
("said", "wrote"), a line of its own after a sign-off, a list with a name already found. Evidence
against: an article or determiner before ("the Jordan Valley"), a place preposition ("in", "nach"),
an organization suffix or a place/product head word next to it ("Morgan Bank", "Victoria Station",
"GmbH"), a model number after ("Alexa 3"), a capitalized common word joined to it ("Alexa Skills"),
a month or weekday, the token written in lower case elsewhere in the same text. The weights are set
by hand on the dev sets (docs/decisions/2026-11-29-detection.md); the threshold is `_THRESHOLD`.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from mypy_extensions import mypyc_attr

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy import DIRECTORY  # the data files (not next to a compiled module)
from shared.policy.detectors import Finding
from shared.policy.person_model import accept, band

__all__ = [
    "CUES",
    "EdgeWords",
    "Lexicon",
    "Sink",
    "candidate_tokens",
    "inner_capital",
    "lexicon",
    "person_runs",
    "read_lexicon",
    "score_run",
    "token_kind",
]

PERSON = "PERSON"
_HERE = DIRECTORY
_UP = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"  # Latin-1, Extended-A/B and Additional (Vietnamese); their cases alternate
_LOW = "a-zà-öø-ÿĀ-ɏḀ-ỿß"
_WORD = (  # Anna, O'Brien, McDonald, Fontaine-Leclerc; an initial (J., J.-P.); DUPONT
    rf"(?:(?:[{_UP}]['’]|Mc|Mac|Fitz|De|Di|Da|Du|La|Le)?[{_UP}][{_LOW}]+(?:['’\-][{_UP}]?[{_LOW}]+)*"
    rf"(?![{_UP}{_LOW}])|[{_UP}]\.(?:-?[{_UP}]\.)?|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)"
)
_PARTICLE = (
    r"(?:von der|von dem|von|van der|van den|van de|van|de la|de los|de las|del|de|du|des|da|das|dos|di|"
    r"le|la|zu|zur|y|i|e|bin|ben|binti|bint|ibn|al|el|Ó|Ní|Nic|Uí|Mac|ter|ten|af|av)"
)
_RUN_PATTERN = rf"(?<![\w.'’-]){_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD})*"
_RUN = re.compile(_RUN_PATTERN)
_THRESHOLD = 2.0  # the hand-set score's, used when no learned weights are present
_ALL = (-math.inf, math.inf)
Sink = list[tuple[int, int, list[str], float]]  # (start, end, features, hand score) per scored candidate


@mypyc_attr(native_class=False)  # `lexicon_file.load` fills one's `__dict__` (mypyc: no native class)
class Lexicon:
    """Given names, surnames and common words (lower case), read once on the first scan."""

    def __init__(
        self,
        given: frozenset[str],
        surnames: frozenset[str],
        common: frozenset[str],
        places: frozenset[str] = frozenset(),
        foreign: frozenset[str] = frozenset(),
    ) -> None:
        self.given = given
        self.surnames = surnames
        self.common = common
        self.places = places  # "Florence", "Santa Barbara": whole runs that are places
        # common words of DE/FR/ES/IT/PT/NL prose ("tage", "eres", "nella"): a name that is one is weak
        # evidence and opens no run (a German noun, a Spanish verb), like an English common word
        self.foreign = foreign
        self.names = given | surnames
        words = common | foreign
        # the names that open a candidate run: not those that are also common words ("The", "Can",
        # "Will", "Friday", "Tage"); those count as evidence inside a run another token or a cue opened
        self.seeds = frozenset(
            n for n in self.names if n.lower() not in words and n not in _CALENDAR and n not in places
        )
        # given names that are no word in lower case either: "priya", "gregor" in casual chat
        self.lower_seeds = frozenset(
            low for n in given if len(n) > 2 and (low := n.lower()) not in words and n not in places
        )

    def __getattr__(self, name: str) -> frozenset[str]:
        """Only consulted for an attribute not set: a precomputed lexicon's sets parsed on first read
        (`lexicon_file.deferred`; here, not in a subclass, as code compiled by mypyc accepts only
        this class itself where a `Lexicon` is annotated)."""
        from shared.policy.lexicon_file import deferred

        return deferred(self, name)


@cache
def lexicon() -> Lexicon:
    from shared.longlived import settle
    from shared.policy.lexicon_file import load  # precomputed: about half the CPU (cold start)

    table = load() or read_lexicon()
    settle()  # kept for the instance's life: out of every later full GC's traversal
    return table


def read_lexicon(directory: Path = _HERE) -> Lexicon:
    """The lexicon built from the word lists (`lexicon_file` holds it precomputed)."""

    def read(name: str) -> frozenset[str]:
        lines = (directory / name).read_text(encoding="utf-8").splitlines()
        return frozenset(w for line in lines if not line.startswith("#") for w in line.split())  # no notice

    places = frozenset((directory / "places.txt").read_text(encoding="utf-8").splitlines())
    foreign = read("foreign_words.txt")  # one of lexicon_file.SOURCES: required as the others are
    return Lexicon(read("given_names.txt"), read("surnames.txt"), read("common_words.txt"), places, foreign)


def _words(*groups: str) -> frozenset[str]:
    return frozenset(w for group in groups for w in group.split())


# Months, weekdays and holidays in EN/DE/FR/ES: calendar words, never a name that opens a run
_CALENDAR = _words(
    "January February March April May June July August September October November December",
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Januar Februar März Juni Juli Oktober Dezember",
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Janvier Février Mars Avril Mai Juin Juillet",
    "Août Septembre Octobre Novembre Décembre Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Enero",
    "Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre Lunes Martes",
    "Miércoles Jueves Viernes Sábado Domingo",
    # holidays: "OOO for Easter", "über Ostern", "à Pâques", "en Navidad"
    "Easter Christmas Xmas Thanksgiving Halloween Hanukkah Diwali Ramadan Eid Passover Pentecost Whitsun",
    "Ostern Weihnachten Pfingsten Silvester Pâques Toussaint Navidad Pascua Nochebuena Nochevieja",
)
# Words that end an organization, place or product name: a name next to one is not a person's.
_HEADS = _words(
    "inc inc. ltd ltd. llc llp lp plc gmbh ag kg ohg ug e.v. se sa s.a. sas sarl sàrl sl s.l. sau bv nv oy",
    "ab as a/s asa spa s.p.a. srl s.r.l. corp corp. corporation co co. company cie cía group gruppe groupe",
    "grupo holding holdings partners partner associates bank banque banco sparkasse capital ventures fund",
    "trust insurance versicherung assurance seguros consulting solutions systems technologies technology",
    "software labs lab analytics health healthcare pharma pharmaceuticals media studios studio foods motors",
    "energy logistics airlines airways air rail railway express hotel hotels resort café cafe restaurant",
    "bistro bar pub market markets supermarket store shop boutique center centre zentrum institute institut",
    "instituto university universität université universidad college school schule école escuela academy",
    "akademie foundation stiftung fondation fundación museum musée museo gallery library bibliothek park",
    "parc parque garden gardens river fluss lake see lac lago mount mountain mountains valley tal bay beach",
    "island islands isle coast city stadt ville ciudad county state province region district station",
    "bahnhof hauptbahnhof gare estación airport flughafen aéroport aeropuerto street road avenue square",
    "bridge tower hall house palace castle schloss château cathedral church kirche abbey stadium arena mall",
    "clinic klinik klinikum clinique clínica hospital krankenhaus hôpital pharmacy apotheke farmacia cloud",
    "platform suite pro max plus mini ultra lite edition engine app apps desk hub works team teams office",
    "drive docs sheets maps pay wallet network networks services service support club society association",
    "verein verband council ministry department agency court conference summit award prize cup league",
    "index industries electronics robotics dynamics digital data security wireless telecom mobile",
    "communications news times post journal magazine radio records music pictures films games entertainment",
    "sports fitness design architects engineering law legal dental medical care kitchen bakery bäckerei",
    "brewery winery farm farms estate estates realty properties construction manufacturing foundation",
    "project projekt projet proyecto program programme initiative festival tour series show model version",
    "airline express transit trail way lane drive place plaza strasse straße platz gasse rue calle avenida",
    "highway motorway autobahn peak hill hills forest wald bois canyon falls springs harbor harbour port",
    "pier island kingdom republic empire union federation",
    # rooms and buildings named after people ("the Linus Torvalds Wing", "Marie Curie Ward"), trades
    "ward building room theatre theater auditorium lounge pavilion annex tyres tires garage autos",
)
# Languages and nationalities, and voice assistants named like people: never a person on their own.
_NEVER_ALONE = _words(
    "english french german spanish italian portuguese dutch polish russian chinese japanese korean arabic",
    "hindi turkish greek swedish norwegian danish finnish czech hungarian romanian ukrainian hebrew",
    "persian vietnamese thai indonesian latin deutsch français española español alexa siri cortana bixby",
)
_PLACE_PREFIX = _words("lake mount mt mt. port fort cape lac mont monte puerto porto isla île loch glen")
_SAINT = _words("st st. saint sainte ste ste. sankt san santa santo são")  # a church, a school, a town
# Head nouns that FR/ES/IT/PT/DE/NL write before the person a street, station, school or prize is named
# after ("la calle Simón Bolívar", "la station Charles de Gaulle", "la statue de Jeanne d'Arc", "il
# Politecnico di Milano", "Flughafen Franz Josef Strauß"), in any case, optionally with "de/di/del".
# English writes these after the name ("Victoria Station": `_HEADS`), and an English noun before a name
# is often a relative clause ("the school Anna attends"), so the words English shares ("station",
# "museum", "park") count only after a determiner of those languages ("la station", "im Museum").
_NAMED_AFTER = _words(
    "rue avenue boulevard bd allée impasse quai chemin gare aéroport université lycée collège école",
    "hôpital musée statue monument parc stade théâtre fondation prix institut bibliothèque église",
    "cathédrale calle avenida avda. paseo glorieta ronda camino puente estación aeropuerto universidad",
    "colegio instituto escuela hospital museo estatua monumento parque estadio teatro fundación premio",
    "biblioteca iglesia catedral via viale corso piazza piazzale largo ponte stazione aeroporto",
    "università liceo scuola ospedale statua parco stadio fondazione chiesa basilica politecnico rua",
    "praça estação universidade escola museu estátua estádio fundação prémio prêmio straße strasse",
    "platz allee bahnhof flughafen universität gymnasium schule klinikum museum stiftung preis denkmal",
    "brücke stadion theater kirche straat plein station luchthaven universiteit ziekenhuis standbeeld",
    "brug stadion stichting prijs metro métro",
)
_SHARED_HEADS = _words(  # also English words: a name after them only after a foreign determiner
    "avenue boulevard hospital monument station museum theater park stadion via metro",
)
_FOREIGN_DETERMINERS = _words(
    "la le l' les el los las lo il gli della dello delle del dal al alla allo nel nella au aux du des",
    "à de da do na no der die das dem den des im am zum zur vom beim het een",
)
_NAMED_LINKS = _words("de di del della do da du des d' van von of")
_ARTICLES = _words(
    "the a our your their his her its this that these those my new old any every each some no",
    "der die das den dem des ein eine einen einem einer eines unser unsere ihr ihre le la les l' un une ce",
    "cette ces du au aux notre votre el los las una unos unas este esta nuestro nuestra su sus al del",
)
_PLACE_BEFORE = _words(
    "in at near into nach aus nahe im am ins zur zum à en au aux vers près dans hacia cerca desde hasta",
    "visit visiting visited via across around throughout outside inside",
)
_GREETINGS = _words(
    "dear hi hello hey hiya morning evening afternoon greetings thanks thank thx cheers regards best",
    "sincerely yours warmly liebe lieber hallo servus moin grüße gruß danke herzlich bonjour salut coucou",
    "cher chère chers merci cordialement amicalement hola querido querida estimado estimada gracias",
    "saludos atentamente abrazos abrazo besos beso ciao oye grazie saluti cara caro cari gentile bisous",
    "bises lg vg love xx xoxo buongiorno buenos buenas guten olá ola oi obrigado obrigada abraço abraços",
    "beijos cumprimentos hej hei hoi groetjes tschüss",
)
_PERSON_BEFORE = _words(
    "with by cc bcc ask asked asking tell told call called calling email emailed emailing ping pinged meet",
    "met meeting contact contacted speak spoke speaking talk talked invite invited remind reminded",
    "introduce introduced thank thanked loop forward forwarded assign assigned assignee owner signed",
    "according mentioned mention notify notified inform informed cc: attn attn: approved reviewed",
    "prepared written sent from hired interviewed paid pay congratulate congrats welcome welcomed",
    "wrote writes schrieb schreibt écrit escribió für mit frag fragen fragt sagen sag ruf rufen anrufen",
    "schreib schreiben schick informiere informieren",
    "kontaktiere kontaktieren gemeinsam avec demande demandez demander appelle appelez contacte contactez",
    "écris écrivez préviens prévenez remercie remercier signé con pregunta pregúntale llama llamar",
    "contacta contactar escribe escribir avisa avisar habla hablar firmado gracias i'm soy bin suis",
    "patient patientin customer client kunde kundin employee colleague kollege kollegin collègue compañero",
    "compañera parte it's it’s c'est c’est",
)
_PERSON_AFTER = _words(
    "said says wrote writes asked asks told tells replied replies called calls confirmed confirms agreed",
    "approved signed joined joins left leaves mentioned emailed will would can could should is was has had",
    "who whose sagt sagte schrieb schreibt meinte hat ist wird war fragt fragte dit a écrit demande était",
    "sera dijo dice escribió escribe pregunta preguntó está es fue será ha",
)
# A model number after a name is short ("Alexa 3", "Madison 4.2", "Galaxy S21"); a time, a range, a
# share, a rating or a phone number after a name is said of the person ("Emeka Ugwu 10:30-12", "Ana
# 30%", "Vasquez 2210", "Chloe Adebayo-Stone 07700 900 118"): those numbers make no model number
# (a dated reference does: "Reference: Villa Cortese 2024-08").
_AFTER = re.compile(  # firm: "Johnson & Johnson", "(Inc)", a model number; mail: "Anna Schmidt <anna@...>"
    r"(?P<firm>[ \t]*(?:&|\+|\band\s+(?:sons|co\b|company|partners|associates)|\(\s*(?:inc|ltd|gmbh)\b)"
    r"|[ \t]+(?:v?\d{1,3}(?:\.\d+)*(?![\d:%/–-])|\d{4}[/-]\d|[A-Z]{1,3}\d)|-\d|\.\d)"
    r"|(?P<mail>[ \t]*[<(\[]?[\w.+-]+@[\w-]+\.)"
)
_LINE_ALONE_AFTER = re.compile(r"[ \t]*[,.]?[ \t]*(?:\n|$)")
_SIGN_OFF_LINE = re.compile(
    r"(?:regards|wishes|best|thanks|thank you|cheers|sincerely|yours|warmly|grüße|gruß|grüßen|danke|"
    r"cordialement|amicalement|bises|bisous|merci|saludos|atentamente|abrazos|un abrazo|un saludo|gracias|"
    r"besos|grazie|saluti|abraço|abraços|beijos|cumprimentos|groetjes|lg|vg|love|xx|ciao|--|—)"
    r"[ \t]*[,.!]?[ \t]*\n[ \t]*$",
)
_VOCATIVE_END = re.compile(r"[ \t]*(?:[,.!:;\n]|$)")
_VOCATIVE_END_STRICT = re.compile(
    r"[ \t]*(?:[,!\n]|$)"
)  # an unknown word: "Hey Sandeep," not "Hey, Roleplay:"
_QUOTES = "\"'«»“”‘’„(¿¡*_"
# the greeting opens the line (after a quote, a bullet or a mail quote mark)
_VOCATIVE_START = re.compile(r"^[ \t>*\"'«“„(¿¡_-]*[\w'’]+(?:[ \t]+[\w'’]+)?[ \t]*,?[ \t]*$")
# ... or opens a sentence inside the line: "... the file is attached. Thanks, Kieran"
_SENTENCE_GREETING = re.compile(r"[.!?…][ \t]+[\w'’]+(?:[ \t]+[\w'’]+)?[ \t]*,?[ \t]*$")


_TITLE_WORDS = _words(
    "Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Miss Dr Dr. Prof Prof. Herr Herrn Frau Hr. Fr. M. MM. Mme Mme. Mlle Mlle.",
    "Monsieur Madame Mademoiselle Sr. Sra. Srta. Señor Señora Señorita Don Doña Dña. Dra. Sir Dame Lady Lord",
    "Mister Rev. Maître Me Ing. Lic. Mag. Dipl.-Ing.",
)
_PRONOUNS = _words(
    "i me my mine you your we our us they their them he him his she her it its ich mein meine du dein wir",
    "sie ihr ihre er es je moi mon ma mes tu ton ta nous vous il elle ils elles yo mi mis tu su sus nosotros",
    "usted ustedes él ella ellos ellas",
)
_FUNCTION_WORDS = _ARTICLES | _PRONOUNS  # "Das Paket", "Su SSN": a surname that is also an article
# Roles and offices in apposition before a name ("Le commercial Martin Boulanger", "Fahrer Tobias Wendt",
# "Vermieterin Gisela Oberhuber", "Inspector Gwen Tallis", "Rabbi Eliana Rosenfeld"): cues like a title,
# but one word after one that is also a common word is the office's ("Director General", "Chef Special").
_ROLES = _words(
    "inspector detective sergeant constable captain coach rabbi imam pastor reverend chaplain councillor",
    "cllr chair chairman chairwoman chairperson treasurer secretary sec host hostess insured reporter",
    "manager director supervisor receptionist technician engineer assistant coworker co-worker boss",
    "vermieter nachbar nachbarin lehrer lehrerin fahrer fahrerin kollegin chef chefin",
    "anwalt anwältin notar notarin pfarrer pfarrerin hausmeister hausmeisterin betreuer betreuerin",
    "commercial conseiller conseillère avocat avocate notaire voisin voisine infirmier infirmière",
    "professeur professeure gérant gérante directeur directrice chauffeur livreur livreuse",
    "abogado abogada vecino vecina profesor profesora enfermero enfermera conductor repartidor",
    "repartidora gerente director directora encargado encargada dott dott.ssa dottoressa dottore",
    "avvocato avvocata ingegnere",
)
_KIN = _ROLES | _words(  # kinship and relation words before a first name: "aunt Josefina", "Tante Gisela"
    "aunt auntie uncle grandma grandpa granny gran nana nan grandmother grandfather mum mom mummy",
    "mommy dad daddy son daughter brother sister cousin wife husband fiancé fiancée nephew niece",
    "boyfriend girlfriend stepson stepdaughter stepmother stepfather tante onkel oma opa mutter vater",
    "mama papa sohn tochter bruder schwester cousine neffe nichte frau mann familie tonton tata tatie",
    "mamie papy papi grand-mère grand-père fils fille frère sœur soeur neveu nièce tío tía tio tia",
    "abuela abuelo abuelita abuelito hijo hija hermano hermana primo prima sobrino sobrina esposa",
    "esposo marido familia driver pharmacist nurse neighbour neighbor roommate flatmate intern",
    # roles a record gives a person: "Victim Lorraine Pettigrew", "Recipient ...", "Caller Bradley"
    "victim suspect witness caller recipient sender addressee passenger guest tenant landlord applicant",
    "candidate officer judge pt patient defendant plaintiff claimant holder cardholder accountholder",
    "opfer zeuge zeugin anrufer anruferin empfänger empfängerin absender gast mieter mieterin inhaber",
    "inhaberin bewerber bewerberin richter richterin victime témoin destinataire expéditeur passager",
    "passagère locataire titulaire candidat candidate juge víctima testigo destinatario destinataria",
    "remitente pasajero pasajera huésped inquilino inquilina titular candidato candidata juez jueza",
)

_LINKS = _words("to with from by for a à an mit con avec de")  # "spoke to", "talked with", "assigned to"
# thanks given to someone: "thanks to", "merci à", "gracias a", "danke an", "grazie a", "shoutout to"
_THANKS_LINKED = _words("thanks thank merci gracias danke grazie shoutout shout-out kudos props")
_TITLE_LOWER = frozenset(t.lower().rstrip(".") for t in _TITLE_WORDS) | _KIN
_KINDS = (
    ("a", _ARTICLES),
    ("g", _GREETINGS),
    ("t", _TITLE_LOWER),
    ("b", _PERSON_BEFORE),
    ("l", _PLACE_BEFORE),
    ("v", _PERSON_AFTER),
    ("k", _LINKS),
)
_CONTEXT_WORDS = _TITLE_WORDS | _ARTICLES | _PRONOUNS | _GREETINGS | _PERSON_BEFORE | _PLACE_BEFORE


def _token_class(token: str, lex: Lexicon) -> str:
    return _classify(token)


def token_kind(token: str) -> str:
    """The lexicon class of one token (see `_classify`)."""
    return _classify(token)


@lru_cache(maxsize=8192)
def _classify(token: str) -> str:
    """G given name, S surname, N both, C common word only, I initial, U unknown; lower case when the
    name is also a common word ("g", "s", "n")."""
    lex = lexicon()
    if (token in _CONTEXT_WORDS or token.lower() in _CONTEXT_WORDS) and token not in lex.names:
        return "C"  # "Bonjour", "Estimado", "M.", "Die": context, not part of a name
    if token in ("P.S.", "PS", "N.B.", "NB", "P.P.S."):
        return "C"
    if token.endswith(".") and len(token) <= 5:
        return "I"
    if token.isupper():
        token = token.title()
        if token not in lex.names:
            return "C"  # an acronym ("SSN", "API")
    if token.endswith(("'s", "’s")):
        token = token[:-2]  # "Schmidt's"
    given, surname = token in lex.given, token in lex.surnames
    if not (given or surname) and "-" in token:  # "Jean-Luc", "Fontaine-Leclerc": by their parts
        parts = token.split("-")
        given, surname = parts[0] in lex.given, parts[-1] in lex.surnames or parts[0] in lex.surnames
    low = token.lower()
    common = low in lex.common or low in _CONTEXT_WORDS or ((given or surname) and low in lex.foreign)
    if given or surname:
        kind = "N" if given and surname else "G" if given else "S"
        return kind.lower() if common else kind
    return "C" if common else "U"


_SINGLE = {"G": 0.8, "N": 2.0, "S": 2.0, "g": 2.0, "n": 2.0, "s": 2.0}  # one word needs more context
_FIRST = {"G": 2.0, "N": 1.8, "g": 0.7, "n": 0.7, "S": 0.9, "s": 0.3, "I": 1.0, "U": 0.2, "C": -2.0}
_LAST = {"S": 1.6, "N": 1.4, "s": 0.7, "n": 0.7, "G": 0.8, "g": 0.2, "U": 0.6, "I": -1.0, "C": -2.0}
_MIDDLE = {"G": 0.3, "N": 0.3, "S": 0.3, "g": 0.1, "n": 0.1, "s": 0.1, "I": 0.4, "U": 0.1, "C": -1.5}


def score_run(
    text: str,
    lower: str,
    start: int,
    end: int,
    lex: Lexicon,
    bonus: float = 0.0,
    feats: list[str] | None = None,
    span: tuple[float, float] = (math.inf, math.inf),
    edges: EdgeWords | None = None,
) -> float:
    """The evidence that text[start:end], a run of capitalized tokens, is a person's name (the hand-set
    score); `feats` collects the named features the learned scorer (`person_model`) weighs when the
    score falls in `span` (low, high): outside it the weights cannot change the decision."""
    run = text[start:end]
    # "priya and tom": a given name written in lower case (chat); particles carry no evidence
    tokens = [run.title()] if run.islower() else [t.strip(",") for t in run.split() if t[0].isupper()]
    if not tokens or any(t in _CALENDAR for t in tokens):
        return -9.0
    heads = [i for i, t in enumerate(tokens) if t.lower() in _HEADS]
    if (
        heads
        and not (  # a known given name, then a surname that is also a head word
            heads == [len(tokens) - 1]
            and 1 < len(tokens) <= 3
            and tokens[-1] in lex.surnames
            and _classify(tokens[0]) in "GN"
            and not text[max(0, start - 3) : start].lower().endswith("of ")  # "Bank of America Plaza"
        )
    ):
        return -9.0  # "Morgan Bank", "Victoria Station"; but "Anna Hill", "Jennifer Park": a surname
    if len(tokens) == 1 and tokens[0].lower() in _NEVER_ALONE:
        return -9.0  # "into German:", "Alexa, play some jazz": a language or an assistant, alone
    classes = [_token_class(t, lex) for t in tokens]
    place = " ".join(tokens) in lex.places  # "Florence", "Santa Barbara", "Cape Town"
    if len(classes) > 1 and classes[-1] == "C" and _PARTICLE_BEFORE.search(text, start, end):
        classes[-1] = "s"  # "de la Croix", "van der Berg": a word after a particle is a surname
    if all(c == "I" for c in classes):
        return -9.0
    score = bonus + (-2.0 if tokens[0].lower() in _FUNCTION_WORDS else _FIRST[classes[0]]) - 3.0 * place
    if len(classes) == 1:
        score -= _SINGLE.get(classes[0], 3.0)
    else:
        # "Keiko T.", "Gunnar L.": a known given name and the initial of a surname
        last = (
            0.4
            if classes[-1] == "I" and classes[0] in "GN" and tokens[-1].endswith(".")
            else _LAST[classes[-1]]
        )
        score += last + sum(_MIDDLE[c] for c in classes[1:-1]) + 0.3
        if len(classes) > 3:
            score -= 0.8
    # a token written in lower case elsewhere in this text is a word here ("Will" and "will")
    for token in tokens if not run.islower() else ():
        low = token.lower()
        if low != token and _as_word(text, low, edges):
            score -= 1.0
            if feats is not None:
                feats.append("lw:1")
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40) : start]
    stripped = before.rstrip(" \t")
    if stripped[-1:] in (".", ",", ":"):
        stripped = stripped[:-1].rstrip(" \t")
    raw = stripped.rsplit(None, 2)[-2:] if stripped[-1:].isalnum() else []
    words_before = [w.lower().strip(_QUOTES) for w in raw]
    prev = words_before[-1].rstrip(":") if words_before else ""
    prev_cap = bool(raw) and raw[-1][0].isupper()
    at_sentence_start = not before.strip() or before.rstrip()[-1:] in ".!?:;\"'(«¿¡-–—*>"
    if prev_cap and (prev in _PLACE_PREFIX or prev in _SAINT):
        return -9.0  # "Lake Louise", "Port Louis", "St. Brigid's": a place or a saint, named after a person
    if (stripped == before.rstrip(" \t") and _named_after(before, prev, words_before, raw)) or (
        len(tokens) > 1 and tokens[0].lower() in _NAMED_AFTER and tokens[0] not in lex.names
    ):
        return -9.0  # "la calle Simón Bolívar", "statue de Jeanne d'Arc", "Politecnico di Milano"
    if prev in _WORK_VERBS and not tokens[-1].endswith(("'s", "’s")) and not _after_possessive(text, end):
        return -9.0  # "read Anna Karenina", "lu Madame Bovary": what is read or watched is a work's title
    if prev in _LINKS and len(words_before) == 2 and words_before[0] in _THANKS_LINKED:
        score += 1.6 if len(classes) > 1 else 2.0  # "thanks to", "merci à", "gracias a", "danke an"
    elif prev in _ARTICLES or (
        len(words_before) == 2 and words_before[0] in _ARTICLES and prev in ("new", "old")
    ):
        score -= 2.5
    elif prev in _GREETINGS:
        ending = _VOCATIVE_END if "U" not in classes else _VOCATIVE_END_STRICT
        vocative = ending.match(text, end) is not None and (
            _VOCATIVE_START.search(before) is not None or _SENTENCE_GREETING.search(before) is not None
        )
        score += 2.2 if len(classes) > 1 else 1.2
        if vocative and "C" not in classes:
            score += 5.0  # "Hi Will," "Hey Sandeep," "Thanks, Tom": the addressee of a line-opening greeting
    elif prev in _ROLES and len(classes) == 1 and classes[0] in "gnsC":
        return -9.0  # "Director General", "Secretary General": the office's own word, no name
    elif prev in _TITLE_LOWER:
        score += 2.0
    elif prev in _PERSON_BEFORE or (prev in _LINKS and words_before[0] in _PERSON_BEFORE):
        score += 1.6 if len(classes) > 1 else 2.0
    elif prev in _PLACE_BEFORE:
        score -= 1.2
    elif prev_cap and not at_sentence_start and prev.lower() in lex.common:
        score -= 1.5  # "Microsoft Teams", "Visit Santa Clara": joined to another capitalized word
    after = text[end : end + 24].split("\n", 1)[0]
    if after[:1] in ("'", "’") and after[1:2] != "s":
        after = after[1:]  # "St Thomas' Hospital"
    joined = _AFTER.match(after)
    if joined is not None:
        score += -3.0 if joined.lastgroup == "firm" else 1.5
    follow = after.split(None, 2)
    nxt = follow[0].strip(".,;:!?)\"'") if follow and not after[:1].isalnum() else ""
    if nxt:
        if nxt.lower() in _HEADS:
            score -= 4.0
        elif nxt[0].isupper() and nxt.lower() in lex.common and nxt not in lex.names:
            score -= 1.5  # "Alexa Skills", "Jordan Valley"
        elif after[:1] in " \t" and nxt.lower() in _PERSON_AFTER:
            score += 0.8
        elif after.startswith("'s ") or after.startswith("’s "):
            score += 0.5
    alone = not before.strip() and _LINE_ALONE_AFTER.match(text, end) is not None
    if alone:
        score += 0.5  # a name on a line of its own: a signature or an address block
        if _SIGN_OFF_LINE.search(lower, max(0, start - 40), start):
            score += 2.0
    if feats is not None and span[0] <= score < span[1]:
        _context_features(
            feats, text, run, classes, before, stripped, prev, words_before, after, nxt, alone, edges
        )
        feats.append("at:ss" if at_sentence_start else "at:ms")
    return score


# Reading verbs: what is read is a book's title, not a person ("read Anna Karenina", "j'ai lu Madame
# Bovary", "leer Don Quijote"); a possessive stays a person's ("read Anna's email"). Watching and
# listening are left out: one watches and listens to people. ("Jane Eyre gelesen": the verb follows.)
# An "un/une/ein + noun + name" rule ("un sac Louis Vuitton") was tried and dropped: person nouns are
# an open class ("una vecina Lucía Pérez", "un voisin Paul Girard" were lost).
_WORK_VERBS = _words(
    "read reading reread lire lu relu lisez lis leer leído leyendo leí lesen lese liest gelesen"
)


def _after_possessive(text: str, end: int) -> bool:
    """'s or its typographic form right after the run ("Anna Schmidt's")."""
    return text.startswith(("'s", "’s"), end)


def _named_after(before: str, prev: str, words_before: list[str], raw: list[str]) -> bool:
    """The run names what the head noun before it (with "de"/"di" between, or none) is named after.
    The head counts only written in lower case ("la calle", "rue") or after a determiner ("im Museum"):
    several heads are surnames too ("Juan Puente, María López"), and the caller never reads one across
    punctuation."""
    head, written = prev, raw[-1] if raw else ""
    if prev in _NAMED_LINKS and len(words_before) == 2:
        head, written = words_before[0], raw[0]
    if head not in _NAMED_AFTER:
        return False
    words = before.lower().split()
    at = len(words) - (2 if head is prev else 3)  # the word before the head
    determiner = at >= 0 and words[at].strip(_QUOTES) in _FOREIGN_DETERMINERS
    if head not in _SHARED_HEADS:
        return determiner or written.strip(_QUOTES)[:1].islower()
    return determiner


_LIST_AFTER = re.compile(r"(?:'s|’s)?(?:,|[ \t]+(?:and|und|et|y|e|or|oder|ou|o|&))[ \t]+([\w'’-]+)")
_LIST_BEFORE = re.compile(r"([\w'’-]+?)(?:'s|’s)?(?:,|[ \t]+(?:and|und|et|y|e|or|oder|ou|o|&))[ \t]+$")


def _kind(word: str) -> str:
    """The class of a context word: article, greeting, title/kin, person verb, place preposition,
    verb after a person, or other."""
    for kind, words in _KINDS:
        if word in words:
            return kind
    return "o"


def _context_features(
    feats: list[str],
    text: str,
    run: str,
    classes: list[str],
    before: str,
    stripped: str,
    prev: str,
    words_before: list[str],
    after: str,
    nxt: str,
    alone: bool,
    edges: EdgeWords | None = None,
) -> None:
    """Named features of a candidate run for the learned scorer: token classes, the words and marks
    around it, its shape and case, and where it stands on its line."""
    n = len(classes)
    shape = "l" if run.islower() else "u" if run.isupper() else "t"
    feats += (
        f"len:{min(n, 3)}",
        f"c0:{classes[0]}",
        f"cl:{classes[-1]}",
        f"cs:{''.join(classes[:3])}",
        f"sh:{shape}",
    )
    feats.append(f"p1:{prev}" if prev else "p1:_")
    feats.append(f"pk:{_kind(prev)}")
    if len(words_before) == 2:
        feats.append(f"p2:{words_before[0]}")
    if not before.strip():
        feats.append("pm:BOL")
    else:
        mark = stripped[-1:] if before[-1:] in " \t" else before[-1:]
        feats.append(f"pm:{mark if not mark.isalnum() else 'w'}{'_' if before[-1:] in ' ' else ''}")
    head = after[:1]
    feats.append(f"am:{head}" if head and not head.isalnum() else "am:EOL" if not after.strip() else "am:?")
    if nxt:
        feats.append(f"nx:{nxt.lower()}")
        feats.append(f"nk:{_kind(nxt.lower())}{'C' if nxt[0].isupper() else 'l'}")
    last = run.rsplit(None, 1)[-1].strip(".,").lower()
    if n == 1 and len(last) > 3:
        feats.append(f"x3:{last[-3:]}")
        feats.append(f"x2:{last[-2:]}")
    if alone:
        feats.append("alone:1")
    # people are listed with people: the class of the list item before and after ("Zara, Mercadona")
    item = _LIST_AFTER.match(after)
    if item is not None:
        feats.append(f"ln:{_classify(item.group(1)) if item.group(1)[0].isupper() else 'l'}")
    item = _LIST_BEFORE.search(before)
    if item is not None:
        feats.append(f"lp:{_classify(item.group(1)) if item.group(1)[0].isupper() else 'l'}")
    if shape == "l":
        feats.append("low:" + ("T" if (edges or EdgeWords(text)).few_capitals() else "F"))


_PROSE_EDGE = frozenset(" \t\n,;:!?()\"'«»")


_EDGE_SPLIT = re.compile("[" + re.escape("".join(sorted(_PROSE_EDGE))) + "]")


class EdgeWords:
    """A long text's whole words between `_PROSE_EDGE` characters, split on first use: made per scan
    (`person_runs`) and dropped with it, so a text's words outlive no scan (a module global kept the
    last long text and its words until the next long scan, up to 16 KB or more held idle)."""

    __slots__ = ("_few", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None
        self._few: bool | None = None

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_EDGE_SPLIT.split(self._text))
        return self._words

    def few_capitals(self) -> bool:
        """Fewer than one capital letter in 40 characters (a chat in lower case: the "low:" feature of a
        lower-case candidate), counted once per scan: each lower-case candidate counted the whole text
        again, so a lower-case given name repeated ("lena " x n, each occurrence a candidate) grew
        quadratically (16 / 32 / 64 KB: 4.0 / 14.6 / 44.8 s)."""
        if self._few is None:
            text = self._text
            self._few = sum(map(str.isupper, text)) * 40 < len(text)
        return self._few


def _as_word(text: str, word: str, edges: EdgeWords | None = None) -> bool:
    """`word` (lower case) occurs as a whole word in `text` (case-sensitive: written in lower case).
    On a long text the answer comes from the set of its words between `_PROSE_EDGE` characters, split
    once per scan (`edges`, made for `text`; without one, split for this call): each of a run's tokens
    searched the whole text, so a 16 KB roster ("Tobias Wendt " repeated) made ~40,000 whole-text
    searches (1.4 s of 1.9 s). A word holding an edge character ("o'brien") is searched as before."""
    if len(text) > 2048 and not any(c in _PROSE_EDGE for c in word):
        return word in (edges or EdgeWords(text)).words()
    index = text.find(word)
    while index != -1:
        end = index + len(word)
        if (index == 0 or text[index - 1] in _PROSE_EDGE) and (end == len(text) or text[end] in _PROSE_EDGE):
            return True  # not inside an e-mail address or a path ("f.achterberg@", "/baker/")
        index = text.find(word, index + 1)
    return False


_NONSPACE = re.compile(r"\S+")


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return not before or before[-1] in "\n.!?:;\"'(«¿¡-–—*>"


def _sub_run(text: str, start: int, end: int, anchor: int, lex: Lexicon) -> tuple[int, int]:
    """The tokens of the run around `anchor` that are not common words: "Contact", "Please", "Dear"
    before a name are its context, "Marketing Lead" after it is not part of it."""
    spans = [(m.start(), m.end()) for m in _NONSPACE.finditer(text, start, end)]
    kinds = [_token_class(text[s:e], lex) if text[s].isupper() else "p" for s, e in spans]
    at = next((k for k, (s, e) in enumerate(spans) if s <= anchor < e), 0)
    if kinds[at] in "Cp":  # a cue's run: its first token that is not a common word
        at = next((k for k, kind in enumerate(kinds) if kind not in "Cp"), at)
    if kinds[0] in "gns" and len(spans) > 2 and _sentence_start(text, spans[0][0]):
        kinds[0] = "C"  # "Ping Oluwaseun Bakare": a common word opening the sentence is its verb
        at = max(at, 1)
    i = j = at
    while i > 0 and kinds[i - 1] != "C":
        i -= 1
    while j + 1 < len(spans) and (kinds[j + 1] != "C" or kinds[j] == "p"):
        j += 1  # a common word right after a particle is a surname: "de la Croix"
    while i < j and kinds[i] == "p":
        i += 1
    while j > i and kinds[j] == "p":
        j -= 1
    return spans[i][0], spans[j][1]


# at most 12 words right of a known name: a name is a few words, and an unbounded run made every
# occurrence of a given name in a long line of them ("Jan Jan Jan ...") a candidate to the line's end
# (n candidates of length n, cubic with drop_firms: 4 KB took 40 s); identity fixture unchanged
_RUN_RIGHT = re.compile(rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,12}}")
_WORD_ONLY = re.compile(rf"{_WORD}$|{_PARTICLE}$")


def _run_start(text: str, index: int) -> int:
    """Where the run of capitalized words (and particles) that holds `index` starts on its line:
    at most four words back, read right to left without a regex pass over the text."""
    floor = max(text.rfind("\n", 0, index) + 1, index - 80)
    start = index
    for _ in range(4):
        if start - 1 <= floor or text[start - 1] not in " \t":
            break
        word_start = max(text.rfind(" ", floor, start - 1), text.rfind("\t", floor, start - 1)) + 1
        word_start = max(word_start, floor)
        if _WORD_ONLY.match(text, word_start, start - 1) is None:
            break
        start = word_start
    while start < index and not text[start].isupper():  # a run starts with a capitalized word
        start = text.find(" ", start, index) + 1 or index
    return start


_PARTICLE_BEFORE = re.compile(rf"[ \t]{_PARTICLE}[ \t]+\S+$")
# at most 12 words after a cue, as `_RUN_RIGHT`: with a capitalized cue before every name ("Fahrer
# Tobias Wendt " repeated) an unbounded run reached the line's end from each cue (16 KB: 40 s)
_RUN_AT = re.compile(
    rf"[ \t]*[,:]?[ \t]*(?:(?:to|à|a|an)[ \t]+)?"
    rf"((?<![\w.'’-]){_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,12}})"
)  # "thanks to Ana"
_CUES = _GREETINGS | _PERSON_BEFORE | _TITLE_LOWER  # "aunt Josefina", "MR ADEBAYO OLUMIDE"
CUES = _CUES  # the cue words `person_runs` reads in `heads`
_BULLET = re.compile(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+", re.MULTILINE)
_AND = r"(?:,|[ \t]+(?:and|und|et|y|e|&|or|oder|ou|o))[ \t]+"
_AND_AFTER = re.compile(rf"{_AND}({_RUN_PATTERN})")
_AND_BEFORE = re.compile(rf"({_RUN_PATTERN}){_AND}$")
_AND_LITERALS = (",", " and ", " und ", " et ", " y ", " e ", " & ", " or ", " oder ", " ou ", " o ")


def _cue_runs(text: str, lower: str, heads: set[str]) -> Iterator[tuple[int, int, float, int]]:
    """The capitalized run right after each person cue that occurs ("from", "cc", "Hi", "mit")."""
    for cue in heads & _CUES:
        index = lower.find(cue)
        while index != -1:
            end = index + len(cue)
            if (index == 0 or not lower[index - 1].isalpha()) and (
                end == len(lower) or not lower[end].isalpha()
            ):
                m = _RUN_AT.match(text, end)
                if m is not None:
                    yield m.start(1), m.end(1), 0.0, m.start(1)
            index = lower.find(cue, end)


def _neighbours(text: str, found: list[Finding]) -> Iterator[tuple[int, int, float, int]]:
    """Runs listed with a name: joined by and/und/et/y or a comma, or the other items of a bulleted
    list one of whose items starts with a name (people are listed with people)."""
    if any(sep in text for sep in _AND_LITERALS):
        for f in found:
            after = _AND_AFTER.match(text, f.end)
            before = _AND_BEFORE.search(text, max(0, f.start - 60), f.start)
            for m in (after, before):
                if m is not None:
                    yield m.start(1), m.end(1), 1.5, m.start(1)
    bullets = {m.end(): m for m in _BULLET.finditer(text)} if "\n" in text else {}
    if any(f.start in bullets for f in found):
        for at in bullets:
            m = _RUN.match(text, at)
            if m is not None:
                yield m.start(), m.end(), 1.5, m.start()


def person_runs(
    text: str,
    lower: str,
    tokens: Iterable[str],
    heads: set[str],
    found: list[Finding],
    sink: Sink | None = None,
) -> Iterator[Finding]:
    """Runs around each occurrence of `tokens` (known names present in the text, given names written
    in lower case) and after each cue word of `heads` (the text's lower-case words), scored; then the
    runs listed with a name (one of these or of `found`, the names a title or strong cue gave). `sink`
    collects every scored candidate (training)."""
    lex = lexicon()
    seen: dict[tuple[int, int], float] = {}
    candidates = list(_cue_runs(text, lower, heads))
    for token in tokens:
        index = text.find(token)
        while index != -1:
            end = index + len(token)
            if (index == 0 or not text[index - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha()
            ):
                right = _RUN_RIGHT.match(text, end)  # matches the empty string at least
                candidates.append((_run_start(text, index), right.end() if right else end, 0.0, index))
            index = text.find(token, end)
    if ":" in text:
        candidates.extend(_after_colons(text))
    edges = EdgeWords(text)  # the text's whole words, split once for the scan if a run asks
    scored = list(_score(text, lower, candidates, lex, seen, sink, edges))
    yield from scored
    if scored or found:
        names = found + scored
        yield from (
            again := list(_score(text, lower, list(_neighbours(text, names)), lex, seen, sink, edges))
        )
        yield from _score(text, lower, list(_repeated(text, names + again, lex)), lex, seen, sink, edges)


_COLON_VALUE = re.compile(rf":[ \t]+({_RUN_PATTERN})")
# A capitalized word (or an initial, or capitals) after a space, comma or colon: every cue run, colon
# run and strong-cue name starts at one that no full stop leads to. Capitals are few, so the search
# is cheap; when none qualifies (and no title or known name is present), no candidate run exists.
_CAPITAL = re.compile(  # the capital first (a charset the engine skips ahead to), then what is before it
    rf"[{_UP}](?<=[\s,:].)(?<![.!?]\s.)(?<![.!?]\s\s.)[{_UP}{_LOW}.'\u2019]"
)


_LAST_CAPITAL: tuple[str, bool] = ("", False)  # the last text asked and its answer (one entry)


def inner_capital(text: str) -> bool:
    """Whether a capitalized word follows a space, comma or colon that no sentence end leads to (one
    or two spaces after ".", "!" or "?" count as a sentence end; more are taken as inner: a superset).
    The answer for the last text is kept: the name recognizer's gate and this module's fast path ask
    it of the same text object in one scan (one tuple, swapped whole: safe across threads)."""
    global _LAST_CAPITAL
    last = _LAST_CAPITAL
    if last[0] is text:
        return last[1]
    found = _CAPITAL.search(text) is not None
    _LAST_CAPITAL = (text, found)
    return found


def _after_colons(text: str) -> Iterator[tuple[int, int, float, int]]:
    """The run after a colon: "Pharmacist: Hyun-woo Park", "Reviewer: O'Sullivan" (any label)."""
    for m in _COLON_VALUE.finditer(text):
        yield m.start(1), m.end(1), 0.8, m.start(1)


def _covers(starts: list[int], reach: list[int], index: int) -> bool:
    """Whether a span starting at or before `index` ends after it (`reach`: the furthest end of the spans
    up to each of `starts`, sorted)."""
    at = bisect_right(starts, index) - 1
    return at >= 0 and reach[at] > index


def _repeated(text: str, names: list[Finding], lex: Lexicon) -> Iterator[tuple[int, int, float, int]]:
    """A word of a name found in this text stands for the same person elsewhere in it ("Attendees:
    Julia Brandt ..." then "Julia to chase"): each word of a found name of two words or more that is
    not a common word is proposed wherever else it occurs, with a bonus (still scored: "Banco
    Santander" is not "Iker Santander")."""
    words: set[str] = set()
    for f in names:
        parts = [w.strip(",") for w in text[f.start : f.end].split()]
        if len(parts) >= 2:
            words.update(
                w for w in parts if len(w) > 2 and w[0].isupper() and _token_class(w, lex) not in "CIgns"
            )
    # whether a found name covers an index: the spans sorted by start, with the furthest end of each
    # prefix, so one bisect answers it (a scan of every span for every mention was n^2: 0.8 s at 64 KB)
    covered = sorted((f.start, f.end) for f in names)
    starts = [a for a, _ in covered]
    reach: list[int] = []
    furthest = -1
    for _, b in covered:
        furthest = max(furthest, b)
        reach.append(furthest)
    for word in words:
        index = text.find(word)
        while index != -1:
            end = index + len(word)
            if (
                (index == 0 or not text[index - 1].isalpha())
                and (end == len(text) or not text[end].isalpha())
                and not _covers(starts, reach, index)
            ):
                yield index, end, 3.0, index
            index = text.find(word, end)


def _score(
    text: str,
    lower: str,
    candidates: list[tuple[int, int, float, int]],
    lex: Lexicon,
    seen: dict[tuple[int, int], float],
    sink: Sink | None = None,
    edges: EdgeWords | None = None,
) -> Iterator[Finding]:
    """Score each candidate once per bonus (a run listed with a name is scored again, with its bonus)."""
    for start, end, bonus, anchor in candidates:
        start, end = _sub_run(text, start, end, anchor, lex)
        given = _GIVEN_AFTER.match(text, end)
        surname = _surname_before(text, start)
        cell = given is not None and _cell_start(text, start)
        if given is not None and _surname_first(text[start:end], given.group(1), lex, cell):
            end, bonus = given.end(1), bonus + 1.0  # "WANG, Mei", "Kowalski, Piotr": surname first
            more = _GIVEN_MORE.match(text, end) if cell else None  # "1. Rodríguez, Ana Lucía"
            if more is not None and all(_token_class(t, lex) != "C" for t in more.group().split()):
                end = more.end()
        elif surname is not None and _surname_first(
            surname.group(1), text[start:end], lex, _cell_start(text, surname.start(1))
        ):
            start, bonus = surname.start(1), bonus + 1.0
        if seen.get((start, end), -1.0) >= bonus:
            continue
        seen[(start, end)] = bonus
        feats: list[str] = []
        span = _ALL if sink is not None else band()
        hand = score_run(text, lower, start, end, lex, bonus, feats, span, edges)
        if hand <= -9.0:
            continue
        if feats:  # only where the learned weights can change the decision (cost)
            feats.append(f"b:{bonus:g}")
        if sink is not None:
            sink.append((start, end, feats, hand))
        if hand >= _THRESHOLD or (feats and accept(feats, hand)):
            yield Finding(PERSON, start, end, 0.7)


_SURNAME_BEFORE = re.compile(rf"(?<![\w-])({_WORD}),[ \t]+$")  # before a given name (one or more words)
_GIVEN_AFTER = re.compile(rf",[ \t]+({_WORD})(?![\w-])")


def _surname_before(text: str, start: int) -> re.Match[str] | None:
    """`_SURNAME_BEFORE.search(text, max(0, start - 40), start)`, searched only when a comma and
    spaces or tabs end the text before `start` (or end it before a final newline, where `$` matches
    too): every match ends so. Tried at each of the 40 positions, the pattern cost ~25 k instructions
    per candidate run (13 runs on the dense PII bench prompt: 0.33 M), almost never matching."""
    floor = max(0, start - 40)
    end = start - 1 if start > floor and text[start - 1] == "\n" else start
    blank = end
    while blank > floor and text[blank - 1] in " \t":
        blank -= 1
    if blank == end or blank <= floor or text[blank - 1] != ",":
        return None
    return _SURNAME_BEFORE.search(text, floor, start)


_GIVEN_MORE = re.compile(rf"(?:[ \t]{_WORD}){{1,2}}(?![\w-])")


_CELL_START = re.compile(r"(?:^|[\n\"'(|;\t>:]|\d[.)]|[—–-])[ \t]*$")


def _cell_start(text: str, start: int) -> bool:
    """The run opens a line, a quoted value, a cell or a numbered item ("1. Rodríguez, Ana Lucía")."""
    return _CELL_START.search(text, max(0, start - 6), start) is not None


def _surname_first(run: str, given: str, lex: Lexicon, cell: bool = False) -> bool:
    """A one-word run that is a surname (in capitals or a known one), then a comma and a given name.
    At the start of a cell, several given names may follow and the surname may also be a word or a
    given name ("Rodríguez, Ana Lucía"); not within a line, where "Ravi Subramaniam, Ole Gunnar" lists."""
    first = given.split(None, 1)[0] if given.strip() else given  # "Ana Lucía": its first word
    kind = _token_class(first, lex)
    if " " in run or run.endswith(("'s", "’s")) or kind not in "GNgn" or run in lex.places:
        return False
    if not cell and " " in given:
        return False
    surnames = "SNsn" if cell and kind in "GN" else "S"
    return (run.isupper() and len(run) > 1) or _token_class(run, lex) in surnames


def candidate_tokens(stripped: set[str]) -> set[str]:
    """The words of a text (`stripped`) that open a candidate run: known names that are no common
    word, and given names written in lower case that are no common word either ("priya", "gregor").
    Two set intersections at C speed. (Capitalized words the lexicon does not know were tried too: +3
    dev names for ~30 k instructions on every typical request; not kept.)"""
    lex = lexicon()
    return (stripped & lex.seeds) | (stripped & lex.lower_seeds)
