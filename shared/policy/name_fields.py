"""Person names found by where they stand, not by a cue word before them.

- chat-log speaker labels ("Anna Schmidt: sounds good", "[10:42] Yuki Tanaka:"), when a text has
  two speaker lines or more;
- form labels in EN/DE/FR/ES ("Full name:", "Kontoinhaber:", "Nom et prénom :", "Titular:", ...),
  OCR-tolerant (digits read for letters: "N4me:", "Narne" is not handled);
- JSON/YAML keys and SQL columns that name a person field ("full_name": "...", INSERT INTO users
  (first_name, last_name) VALUES ('...', '...'), WHERE surname = '...').
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import finds, matches_at
from shared.policy.detectors import OCR_FOLD, Detector, Finding

__all__ = [
    "FIELD_DETECTORS",
    "FIELD_KEY",
    "NAME_LOWER",
    "NAME_UPPER",
    "PERSON_LABELS",
    "is_name",
    "person_key",
]

PERSON = "PERSON"
# The letters of a name word, as regex class contents (names.py and name_forms.py use them too):
# Latin-1 and Latin Extended-A (its cases alternate, so both are allowed)
NAME_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
NAME_LOWER = "a-zà-öø-ÿßĀ-ž"
_UP, _LOW = NAME_UPPER, NAME_LOWER
_WORD = (  # Anna, Fontaine-Leclerc, O'Brien, N'Diaye, McArthur, MacLeod; DUPONT; an initial
    rf"(?:(?:[{_UP}]['’]|Mc|Mac|Fitz)?[{_UP}][{_LOW}]+(?:['’\-][{_UP}]?[{_LOW}]+)?"
    rf"|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?|[{_UP}]\.)"
)
_PARTICLE = (
    r"(?:von der|von|van der|van den|van|de la|de los|de las|del|de|du|da|di|dos|das|le|la|zu|y|bin|ben|"
    r"al|el|"
    r"Ó|Ní|Nic|Mac|Mc|Uí|St\.)"
)
_NAME = rf"{_WORD}(?:,?[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,3}}"  # one line
_NAME_VALUE = re.compile(rf"[ \t]*({_NAME})(?![{_LOW}{_UP}])")

_NOT_NAMES = frozenset(
    [
        "Agent",
        "Customer",
        "User",
        "Assistant",
        "System",
        "Bot",
        "Support",
        "Admin",
        "Moderator",
        "Host",
        "Guest",
        "Q",
        "A",
        "Note",
        "Notes",
        "Subject",
        "From",
        "To",
        "Cc",
        "Bcc",
        "Date",
        "Re",
        "Fwd",
        "Sent",
        "Betreff",
        "Objet",
        "Asunto",
        "Von",
        "An",
        "Datum",
        "Fecha",
        "Para",
        "De",
        "Kunde",
        "Kundin",
        "Client",
        "Cliente",
        "Operator",
        "Me",
        "You",
        "Team",
        "Everyone",
        "All",
        "Summary",
        "Answer",
        "Question",
        "Response",
        "Input",
        "Output",
        "Error",
        "Warning",
        "Info",
        "Debug",
        "Step",
        "Total",
        "Status",
        "Result",
        "Example",
        "Tip",
        "Update",
        "Reminder",
        "Action",
        "Item",
        "Items",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "N/A",
        "Unknown",
        "None",
        "Null",
        "Yes",
        "No",
        "Ja",
        "Nein",
        "Oui",
        "Non",
        "Sí",
        "TBD",
        "Test",
        "Customer",
        "Service",
        "Interviewer",
        "Interviewee",
        "Speaker",
        "Moderatorin",
        "Frage",
        "Antwort",
        "Réponse",
        "Pregunta",
        "Respuesta",
    ]
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_STAMP = (  # [10:42], (10:42), 10:42 PM, [12/03, 09:14], [2026-11-30 10:42:01], [Sun 23:11]
    rf"(?:\[(?:[A-Z][a-z]{{2}},?[ \t]+)?[\d/.,: \t-]{{4,22}}(?:[AaPp][Mm])?\][ \t]*"
    rf"|\({_TIME}\)[ \t]+|(?:\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}},?[ \t]+)?{_TIME}[ \t]+(?:[-–][ \t]+)?)"
)  # WhatsApp's export: "12/05/24, 21:05 - Ollie:", "14:02 - Wanjiru:"
_SPEAKER = re.compile(
    rf"^[ \t>*-]*({_STAMP})?"
    rf"(?:\*\*)?({_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,2}})(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]",
    re.MULTILINE,
)
# chat exports: "<anna_k> did anyone ...", "[Ebru Demir] has joined", "Jonas Weber  10:42" (Slack)
_NICK = re.compile(rf"^[ \t]*(?:{_STAMP})?<([A-Za-z][\w.-]{{1,29}})>[ \t]", re.MULTILINE)
_BRACKETED = re.compile(rf"^[ \t]*\[({_WORD}(?:[ \t]+{_WORD}){{0,2}})\][ \t]+[a-z]", re.MULTILINE)
_SLACK = re.compile(rf"^({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]{{1,3}}{_TIME}[ \t]*$", re.MULTILINE)
# @mentions (not a decorator at a line start, not an e-mail address, not @here/@channel)
_MENTION = re.compile(
    r"(?<![\w.@/])@([A-Za-z][\w.-]{0,30}[A-Za-z0-9])(?:[ \t]([A-Z][\w'’-]+(?:-[A-Z][\w]+)?))?"
)
_NOT_MENTIONS = frozenset("here channel everyone all team room group everybody".split())
_LABELS = (
    # EN
    "full name", "name", "first name", "last name", "surname", "given name", "family name", "middle name",
    "patient name", "patient", "customer name", "client name", "account holder", "account name", "cardholder",
    "card holder", "name on card", "employee name", "employee", "contact person", "contact name", "applicant",
    "tenant", "landlord", "beneficiary", "recipient", "sender", "attn", "attention", "signed by", "signature",
    "witness", "guardian", "parent", "spouse", "emergency contact", "policyholder", "insured", "driver",
    "passenger", "guest name", "member", "student", "candidate", "owner", "author", "reported by", "assignee",
    "requested by", "prepared by", "approved by", "from", "to", "cc", "rep", "doctor", "physician", "nurse",
    # DE
    "vollständiger name", "vor- und nachname", "name, vorname", "nachname", "vorname", "familienname",
    "geburtsname", "kontoinhaber", "kontoinhaberin", "karteninhaber", "empfänger", "empfängerin", "absender",
    "absenderin", "antragsteller", "antragstellerin", "mieter", "mieterin", "vermieter", "vermieterin",
    "patientin", "ansprechpartner", "ansprechpartnerin", "versicherungsnehmer", "unterschrift", "zeuge",
    "erziehungsberechtigter", "arzt", "ärztin", "sachbearbeiter", "sachbearbeiterin", "mitarbeiter",
    "mitarbeiterin", "kunde", "kundin", "inhaber", "von", "an",
    # FR
    "nom complet", "nom et prénom", "nom, prénom", "nom de famille", "nom", "prénom", "prénoms",
    "titulaire du compte", "titulaire", "destinataire", "expéditeur", "expéditrice", "locataire", "bailleur",
    "bénéficiaire", "demandeur", "demandeuse", "patiente", "assuré", "assurée", "signataire", "conducteur",
    "médecin", "client", "cliente", "interlocuteur", "contact", "de", "à",
    # ES
    "nombre completo", "nombre y apellidos", "apellidos y nombre", "apellidos", "apellido", "nombre",
    "titular de la cuenta", "titular", "destinatario", "destinataria", "remitente", "inquilino", "inquilina",
    "arrendador", "beneficiario", "beneficiaria", "solicitante", "paciente", "asegurado", "asegurada",
    "firmante", "médico", "médica", "conductor", "cliente", "contacto", "para",
)  # fmt: skip
_LABEL_SET = frozenset(_LABELS)
PERSON_LABELS = _LABEL_SET  # words that name a person's field: "Customer (Okafor, Ada)" reads it
_SEPARATORS = re.compile(r"[:=\t]|\s[-–]\s")
_SEPARATOR_LITERALS = (":", "=", "\t", " - ", " – ")


def _separator_positions(text: str) -> list[tuple[int, int]]:
    """(start, end) of every separator, found with str.find (a regex alternation starting with
    `\\s` tries every position)."""
    out = []
    for literal in _SEPARATOR_LITERALS:
        index = text.find(literal)
        while index != -1:
            out.append((index, index + len(literal)))
            index = text.find(literal, index + 1)
    return sorted(out)


_FOLDED = "013457@|"  # the characters OCR_FOLD changes
_LABEL_TAIL = re.compile(r"\s*\((?:in|e|a|s)\)\s*$|\s+$")
_LABEL_SPLIT = re.compile(r"[\s|;,(\[{\"'*>]+")
_LABEL_LAST = frozenset(_LABEL_SPLIT.split(label)[-1] for label in _LABELS)
# The split's last piece is the end of the head's last word (or "" after a splitting character): a
# last word that ends with no label's last word cannot end a label. Before the fold and split of each
# head (~2 + 2 µs) were done for every separator: `_labels` cost 0.61 M instructions on the dense PII
# bench prompt's 16 separators.
_LABEL_ENDS = tuple(sorted(_LABEL_LAST))
_LOOSE_LABELS = frozenset(
    """from to cc de à von an para contact owner member patient employee client cliente kunde kundin name
    nom""".split()
)
_FIELD_KEYS = (
    r"(?:full_?name|fullname|name|first_?name|firstname|last_?name|lastname|given_?name|family_?name|"
    r"middle_?name|surname|display_?name|customer_?name|client_?name|contact_?name|contact|patient_?name|"
    r"patient|employee_?name|employee|author|owner|holder|account_?holder|cardholder|card_?holder|"
    r"recipient|sender|beneficiary|applicant|tenant|driver|passenger|guest|member_?name|user_?name|"
    r"person|spouse|parent|guardian|witness|assignee|reporter|vorname|nachname|familienname|"
    r"kontoinhaber|empfaenger|empfänger|absender|nom|prenom|prénom|nom_complet|titulaire|destinataire|"
    r"nombre|apellidos?|nombre_completo|titular|destinatario|remitente|given|family|forename)"
)
_FIELD = re.compile(rf"^{_FIELD_KEYS}$", re.IGNORECASE)
FIELD_KEY = _FIELD  # a key, column or element name that names a person field (`person_key` reads more)
# A key made of parts (snake_case, camelCase, kebab-case) names a person when its last part is a person
# noun ("sales_rep", "bookingGuest", "speaker", "client") or "name" after one ("guest_name",
# "speakerName"), or it says who did something ("approved_by", "createdBy"); no part may name a thing
# ("company_name", "file_owner", "venue_contact", "host_user"). Which keys hold names is a structure of
# the container, not of the value: the value must still read as a name (`is_name`).
_KEY_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_PERSON_PARTS = frozenset(
    """customer client guest user rep speaker presenter author owner contact patient employee tenant
    passenger recipient sender cardholder holder applicant student spouse assignee reporter reviewer
    approver requester requestor attendee organizer organiser beneficiary witness guardian driver member
    person buyer seller signatory signer landlord lessee insured teacher doctor physician kunde kundin
    mieter inhaber cliente""".split()
)
_DONE_BY = frozenset(
    """approved reviewed created updated modified signed submitted requested reported assigned prepared
    written authored edited verified checked completed closed opened merged raised filed entered
    recorded issued ordered booked invited referred registered accepted rejected escalated""".split()
)
_THING_PARTS = frozenset(
    """file company firm org organization organisation product brand city street town country host
    server domain app application project team bucket table db database event venue device model
    branch store shop hotel bank business place location site group role dept department plan category
    tag channel queue topic service package module class function field column key var pipeline job
    repo image container cluster node pod region zone account display agent bot system""".split()
)
# every last part `person_key` can accept
_LAST_PARTS = _PERSON_PARTS | {"by", "name", "names"}


def person_key(key: str) -> bool:
    """Whether a key, column or element name names a person field (`FIELD_KEY`, or by its parts)."""
    if _FIELD.match(key) is not None:
        return True
    found = _KEY_PART.findall(key)
    # the last part decides first: a table header's cells are mostly prose, whose last word is none of
    # these (lowering and testing every part of such a cell was half of `_person_tables`' cost)
    if not found or found[-1].lower() not in _LAST_PARTS:
        return False
    parts = [p.lower() for p in found]
    if any(p in _THING_PARTS for p in parts):
        return False
    last = parts[-1]
    if last == "by":
        return len(parts) >= 2 and parts[-2] in _DONE_BY
    if last in ("name", "names"):
        return len(parts) >= 2 and parts[-2] in _PERSON_PARTS
    return last in _PERSON_PARTS


_VALUE_START = re.compile(r"[:=][ \t]*([\"'“‘])")  # a quoted value after ":" or "=" (JSON, YAML, code)
_CLOSING = {"“": "”", "‘": "’"}  # typographic quotes close with their pair: full_name=“Ana Ruiz”
# "first" and "last" are a name's parts only as a pair of keys: {"first": "Anneke", "last": "Verhoeven"}
_PAIRED_KEYS = {"first": ('"last"', "'last'"), "last": ('"first"', "'first'")}
# a form-encoded value, "+" for each blank: full_name=Dorothea+Okafor-Lindqvist
_FORM_VALUE = re.compile(r"=([^\s&\"'<>;=+]{1,40}(?:\+[^\s&\"'<>;=+]{1,40}){1,3})(?=[&\s;]|$)")
_ARRAY_START = re.compile(r"[:=][ \t]*\[")  # "given": ["Adaeze", "Chioma"] (FHIR and the like)
_ARRAY_ITEM = re.compile(r"[ \t\n]*([\"'])([^\"'\n]{1,80})\1[ \t\n]*(,|\])")
_KEY_BEFORE = re.compile(r"([A-Za-zÀ-ÿ_]{2,30})[\"']?[ \t]*$")
_YAML_KEY = re.compile(r"^[ \t-]*([A-Za-zÀ-ÿ_]{2,30})[ \t]*:[ \t]+(?=[^\s\"'])", re.MULTILINE)
_COLON_VALUE = re.compile(r":[ \t]+(?=[^\s\"'])")  # every `_YAML_KEY` match holds one
_SQL_INSERT = re.compile(
    r"insert\s+into\s+[\w.\"`\[\]]+\s*\(([^)]{1,500})\)\s*values\s*((?:\([^;]{1,2000}?\)\s*,?\s*)+)",
    re.IGNORECASE,
)
_SQL_TUPLE = re.compile(r"\(((?:'(?:[^']|'')*'|[^()'])*)\)")
_SQL_VALUE = re.compile(r"'((?:[^']|'')*)'|([^,\s][^,]*)")
_SQL_EQ = re.compile(r"(?:=|\blike\b)[ \t]*'([^'\n]{2,80})'", re.IGNORECASE)  # anchored on "=" / LIKE
_SQL_KEY = re.compile(r"([A-Za-z_]{2,30})[\"`\]]?[ \t]*$")
_NAMEISH = re.compile(rf"^(?:{_NAME})$")
_LOWER_NAMEISH = re.compile(r"^[a-zà-öø-ÿ]+(?:[ '\-][a-zà-öø-ÿ]+){1,3}$")  # "anna schmidt" in a name field


def is_name(value: str) -> bool:
    value = value.strip()
    if not 2 <= len(value) <= 80 or any(ch.isdigit() for ch in value) or "@" in value:
        return False
    words = value.replace(",", " ").split()
    if not words or words[0] in _NOT_NAMES or value.lower() in ("true", "false", "null", "none"):
        return False
    return _NAMEISH.match(value) is not None or (len(words) >= 2 and _LOWER_NAMEISH.match(value) is not None)


def _token_kind(token: str) -> str:
    """`person_score.token_kind`: the lexicon class of a token (imported here on first use: the lexicon
    is read on the first scan, not at import)."""
    from shared.policy.person_score import token_kind

    return token_kind(token)


def _common_word(value: str) -> bool:
    """Whether the value's last word is only a common word to the lexicon ("Security Team", "Terraform
    Cloud", "Code Owners") and no word of it a name only. A team or tool ends in its noun; a name ends in a
    surname, and honorifics and initials ("M. Moussa Diallo", "Frau Weber") come first. A word in
    capitals is judged as its capitalized form: the lexicon calls every word in capitals it does not know
    as a name "C" (an acronym), so "ADEBAYO OLUMIDE" read as a team; and a value with a word the lexicon
    knows only as a name ("Kwame Wisdom", "Nguyen Thi Thu Ha") or a given name first ("Grace Promise") is
    a person whose last name the lexicon also knows as a word."""
    words = value.replace(",", " ").split()
    if not words:
        return False
    kinds = [_token_kind(w.title() if w.isupper() and len(w) > 3 else w) for w in words]
    return kinds[-1] == "C" and not any(kind in "GSN" for kind in kinds) and kinds[0] not in "gn"


def _value_finding(text: str, start: int, value: str, key: str = "") -> Finding | None:
    """A person key's value that reads as a name. A key that names a person only by its parts
    ("client", "user", "created_by", "reviewer": `person_key` beyond `FIELD_KEY`) also holds tools and
    teams ("Terraform Cloud", "Security Team", "GitHub Actions"), so its value's last word may not be only
    a common word ("Folasade Ogundipe", "M. Moussa Diallo", "Rose Baker" pass; "Mozilla Firefox", with
    no such word, still reads as a name)."""
    stripped = value.strip()
    if not is_name(stripped):
        return None
    if key and _FIELD.match(key) is None and _common_word(stripped):
        return None
    offset = start + value.find(stripped)
    return Finding(PERSON, offset, offset + len(stripped), 0.8)


# a lower-case speaker label, at a line start or after a sentence end or a dash ("sara: yes", "standup
# notes - ahmed: done w/ auth. lucy: blocked"): a chat written without capitals. Found from each ": "
# (str.find) and read backwards, not by a pattern tried at every position.
_LOWER_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<= - )|(?<=\| ))[ \t>*-]*([a-zà-öø-ÿ][a-zà-öø-ÿ'\-]{1,20})\Z"
)


def _lower_speakers(text: str) -> Iterator[Finding]:
    """Lower-case speaker labels that are given names or surnames in the lexicon, when at least two
    different ones speak (so "note:", "todo:", "fix:" and a lone "anna:" are not read as a chat)."""
    labels: list[tuple[int, str]] = []
    index = text.find(": ")
    while index != -1:
        m = _LOWER_LABEL.search(text, max(0, index - 26), index)
        if m is not None and _token_kind(m.group(1).title()) in "GNSgns":
            labels.append((m.start(1), m.group(1)))
        index = text.find(": ", index + 2)
    if len({word for _, word in labels}) >= 2:
        for start, word in labels:
            yield Finding(PERSON, start, start + len(word), 0.7)


def _line_starts(text: str) -> Iterator[int]:
    yield 0
    for index in finds(text, "\n"):
        yield index + 1


def speaker_matches(text: str) -> Iterator[re.Match[str]]:
    """`_SPEAKER.finditer(text)`, tried only at line starts (where its `^` can match): in MULTILINE
    mode `re` tries a `^` pattern at every position (this detector on the 2 KB dense PII bench prompt,
    11 lines: 386 k -> 284 k instructions)."""
    return matches_at(_SPEAKER, text, _line_starts(text))


def _said(text: str, m: re.Match[str]) -> str:
    """What a speaker line says after its label."""
    end = text.find("\n", m.end())
    return text[m.end() : len(text) if end == -1 else end].strip()


def _dialogue(text: str, lines: list[re.Match[str]]) -> bool:
    """Two one-word speakers or more that are not common words, one a given name or surname of the
    lexicon, none a place, their lines saying something (none starting with a digit, at least half of
    them two words or more): a dialogue where each may speak once ("Olu: is the Dell back?" / "Marta:
    not yet"). A form's labels are common words ("Note:", "Datum:") or unknown ones ("Betrag:",
    "Hostname: web-01") with values, not utterances; a list of towns ("Berlin: 12", "Paris: 3 nuits",
    "Victoria: 12 stores") names places. Common words that speak ("Dad:") are left out of the count
    (and are not masked when they speak once)."""
    from shared.policy.person_score import lexicon

    places = lexicon().places
    kinds: dict[str, str] = {}
    said = 0
    counted = 0
    for m in lines:
        name = m.group(2)
        if " " in name:
            continue
        kind = kinds.get(name) or _token_kind(name)
        kinds[name] = kind
        if kind == "C":
            continue
        words = _said(text, m)
        if name in places or words[:1].isdigit():
            return False
        counted += 1
        said += " " in words
    named = [kind for kind in kinds.values() if kind != "C"]
    return len(named) >= 2 and any(kind in "GNS" for kind in named) and 2 * said >= counted


def _speakers(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    if text.count(":") < 2:
        return
    yield from _lower_speakers(text)
    if "\n" not in text:
        return
    lines = [
        m
        for m in speaker_matches(text)
        if m.group(2).split()[0] not in _NOT_NAMES and m.group(2).lower() not in _LABEL_SET
    ]
    if len(lines) < 2:
        return
    seen = Counter(m.group(2) for m in lines)
    multi = sum(1 for name in seen if " " in name)
    stamped = sum(1 for m in lines if m.group(1)) >= 2  # a chat export: every speaker counts
    # so does a chat whose labels are set in bold ("**Ines:** can we ...", "**Bartek**: fine")
    bold = [m for m in lines if text[m.start(2) - 2 : m.start(2)] == "**"]
    if not stamped and len(bold) >= 2:  # labels no lexicon calls common words ("**Budget:**" is one)
        stamped = all(_token_kind(w) != "C" for m in bold for w in m.group(2).split())
    dialogue = not stamped and multi < 2 and _dialogue(text, lines)
    for m in lines:
        name = m.group(2)
        if name.isupper() and len(name) <= 3:
            continue  # "Q:", "AB:" initials-only labels
        once = " " not in name and seen[name] < 2 and multi < 2 and not stamped
        if once and (not dialogue or _token_kind(name) == "C"):
            continue  # "Betrag: 40 EUR" is a form field; a one-word speaker must speak twice
        # a label that speaks twice or in a stamped export stays a name even when the lexicon also calls
        # it a common word: "Wisdom:", "Promise:", "Happy:" are given names ("Mum:" is masked with them)
        yield Finding(PERSON, m.start(2), m.end(2), 0.75)


def _mentions(text: str) -> Iterator[re.Match[str]]:
    """`_MENTION` at each "@" (str.find), not a regex pass with a look-behind at every position."""
    index = text.find("@")
    while index != -1:
        if index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "_.@/"):
            m = _MENTION.match(text, index)
            if m is not None:
                yield m
        index = text.find("@", index + 1)


def _chat(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """IRC nicks, bracketed names of join/leave lines, Slack export headers and @mentions."""
    if "\n" in text:
        at = 0
        for line in text.split("\n"):  # a `^` pattern in MULTILINE mode is tried at every position
            head, tail = line.lstrip()[:1], line.rstrip()[-1:]
            patterns: tuple[re.Pattern[str], ...] = (
                (_NICK, _BRACKETED) if head in ("<", "[") else (_NICK,) if head.isdigit() else ()
            )
            if tail.isdigit():
                patterns += (_SLACK,)
            for pattern in patterns:
                m = pattern.match(text, at)
                if m is not None and m.group(1).split()[0] not in _NOT_NAMES:
                    yield Finding(PERSON, m.start(1), m.end(1), 0.75)
            at += len(line) + 1
    if "@" in text:
        for m in _mentions(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            after = text[m.end(1) : m.end(1) + 1]
            if (not text[line_start : m.start()].strip() and after in ("", "\n", "\r")) or m.group(1).count(
                "."
            ) > 1:
                continue  # "@dataclass" alone on its line, "@app.route.get": code
            if m.group(1).lower() in _NOT_MENTIONS or text[m.end(1) : m.end(1) + 1] in ("(", "."):
                continue
            if not _personal_handle(m.group(1), text[m.start() - 1 : m.start()] == "<"):
                continue  # "@devops-bot", "<@U04AB12X>": a bot, a member id
            end = m.end(2) if m.group(2) and m.group(1)[0].isupper() else m.end(1)
            yield Finding(PERSON, m.start(), end, 0.7)


def _personal_handle(handle: str, slack: bool = False) -> bool:
    """Whether a mention's handle may be a person's: not a bot ("bot"/"bots" as a part split at - _ .,
    "@devops-bot", or a well-known bot account, "@dependabot") and, in Slack's "<@...>" form only, not a
    member id in capitals and digits ("<@U04AB12X>"). A word merely ending in "bot" is a surname
    ("@annatalbot", "@ericchabot"), and a handle in capitals with digits may be a person's ("@JOHN99").
    A nickname is a person's too: requiring a given name or surname in the handle lost three dev names
    ("@feli-m", "@jin-woo", "@femi") for one look-alike ("@pizzalover99")."""
    low = handle.lower()
    if low in _BOT_ACCOUNTS or any(part in ("bot", "bots") for part in _HANDLE_SPLIT.split(low)):
        return False  # "@devops-bot", "@dependabot"; not "@talbot", "@jacob-robot", "@abbott_bot1"
    return not slack or any(c.islower() for c in handle) or not any(c.isdigit() for c in handle)


_BOT_ACCOUNTS = frozenset(
    "dependabot renovate github-actions codecov mergify slackbot netlify vercel sonarcloud copilot"
    " pre-commit-ci allcontributors greenkeeper snyk-bot stale imgbot".split()
)
_HANDLE_SPLIT = re.compile(r"[-_.]+")


def _labels(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """A label ending right before a separator (":", "=", a tab or a dash), then a name."""
    for sep_start, sep_end in _separator_positions(text):
        head = lower[max(0, sep_start - 40) : sep_start]
        if head[-1:].isspace() or head[-1:] == ")":
            head = _LABEL_TAIL.sub("", head)
        last = head.rsplit(None, 1)[-1:]
        # the last word, folded as the head would be (the fold maps no character to or from a blank)
        word = last[0].translate(OCR_FOLD) if last else ""
        if (word.isalpha() and word not in _LABEL_LAST) or not word.endswith(_LABEL_ENDS):
            continue  # the word before the separator ends no label (most separators: no fold, no split)
        if any(ch in head for ch in _FOLDED):
            head = head.translate(OCR_FOLD)  # 1:1 fold: "N4me" reads "name"
        tail = _LABEL_SPLIT.split(head)[-4:]
        if tail[-1] not in _LABEL_LAST:
            continue  # every label ends with one of these words (one set lookup rejects most)
        label = next((" ".join(tail[i:]) for i in range(len(tail)) if " ".join(tail[i:]) in _LABEL_SET), None)
        if label is None or (len(label) + 1 < len(head) and head[-len(label) - 1].isalnum()):
            continue
        value = _NAME_VALUE.match(text, sep_end)
        if value is None:
            continue
        name = value.group(1).rstrip(",")
        if name.split()[0].rstrip(",") in _NOT_NAMES:
            continue
        if label in _LOOSE_LABELS and len(name.replace(",", " ").split()) < 2:
            continue  # "From: Paris", "To: Marketing": one word after a loose label is not enough
        yield Finding(PERSON, value.start(1), value.start(1) + len(name), 0.8)


def _yaml_keys(text: str) -> Iterator[re.Match[str]]:
    """`_YAML_KEY.finditer(text)` (at most one match per line), tried only on lines with ": ": a
    `^` in MULTILINE mode is tried at every position of the text."""
    line = -1
    for colon in _COLON_VALUE.finditer(text):
        start = text.rfind("\n", 0, colon.start()) + 1
        if start <= line:
            continue  # this line was tried already
        line = start
        m = _YAML_KEY.match(text, start)
        if m is not None:
            yield m


def _arrays(text: str) -> Iterator[Finding]:
    """The quoted strings of an array under a person key."""
    for m in _ARRAY_START.finditer(text):
        key = _KEY_BEFORE.search(text, max(0, m.start() - 32), m.start())
        if key is None or not person_key(key.group(1)):
            continue
        at = m.end()
        for _ in range(8):
            item = _ARRAY_ITEM.match(text, at)
            if item is None:
                break
            finding = _value_finding(text, item.start(2), item.group(2), key.group(1))
            if finding is not None:
                yield finding
            at = item.end()
            if item.group(3) == "]":
                break


def _paired(key: str, lower: str, present: dict[str, bool]) -> bool:
    """ "first" or "last" as a key, with its partner key quoted in the same text. Whether the partner is
    in the text is looked up once per text (`present`), not once per value: a text of n '{"first": "x"}'
    values without a "last" key was n whole-text searches (64 KB: 2.5 s)."""
    name = key.lower()
    partners = _PAIRED_KEYS.get(name)
    if partners is None:
        return False
    found = present.get(name)
    if found is None:
        found = present[name] = any(p in lower for p in partners)
    return found


def _form_values(text: str) -> Iterator[Finding]:
    """A person key's form-encoded value whose words "+" joins (a form post, a query string)."""
    for m in _FORM_VALUE.finditer(text):
        key = _KEY_BEFORE.search(text, max(0, m.start() - 32), m.start())
        if key is None or not person_key(key.group(1)):
            continue
        value = m.group(1)
        if _value_finding(text, m.start(1), value.replace("+", " "), key.group(1)) is not None:  # same length
            yield Finding(PERSON, m.start(1), m.end(1), 0.8)


def _fields(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    if ":" in text or "=" in text:
        present: dict[str, bool] = {}  # `_paired`'s partner keys, each searched at most once
        for m in _VALUE_START.finditer(text):  # anchored on the value, the key looked up behind it
            key = _KEY_BEFORE.search(text, max(0, m.start() - 32), m.start())
            if key is None:
                continue
            if person_key(key.group(1)):
                named = key.group(1)  # `_value_finding` asks more of a value under a key named by its parts
            elif _paired(key.group(1), lower, present):
                named = ""  # "first"/"last" with its partner key: no further test
            else:
                continue
            close = text.find(_CLOSING.get(m.group(1), m.group(1)), m.end(), m.end() + 81)
            if close != -1:
                finding = _value_finding(text, m.end(), text[m.end() : close], named)
                if finding is not None:
                    yield finding
        if "+" in text and "=" in text:
            yield from _form_values(text)
        if "[" in text:
            yield from _arrays(text)
        if ":" in text:
            for m in _yaml_keys(text):
                if not person_key(m.group(1)):
                    continue
                line_end = text.find("\n", m.end())
                value = text[m.end() : len(text) if line_end == -1 else line_end].split("#")[0]
                finding = _value_finding(text, m.end(), value, m.group(1))
                if finding is not None:
                    yield finding
    if "values" in lower:
        for m in _SQL_INSERT.finditer(text):
            columns = [c.strip() for c in m.group(1).split(",")]
            keys = [c.strip("\"'`[]") for c in columns]
            person = [i for i, c in enumerate(keys) if person_key(c)]
            if not person:
                continue
            for row in _SQL_TUPLE.finditer(text, m.start(2), m.end(2)):
                values = list(_SQL_VALUE.finditer(row.group(1)))
                for i in person:
                    if i < len(values) and values[i].group(1) is not None:
                        at = row.start(1) + values[i].start(1)
                        finding = _value_finding(text, at, values[i].group(1), keys[i])
                        if finding is not None:
                            yield finding
    if "'" in text and ("=" in text or "like" in lower):
        for m in _SQL_EQ.finditer(text):
            key = _SQL_KEY.search(text, max(0, m.start() - 32), m.start())
            if key is not None and person_key(key.group(1)):
                finding = _value_finding(text, m.start(1), m.group(1), key.group(1))
                if finding is not None:
                    yield finding


def _separator(text: str, lower: str) -> bool:
    return any(literal in text for literal in _SEPARATOR_LITERALS)


def _field_gate(text: str, lower: str) -> bool:
    return ":" in text or "=" in text or "values" in lower or "like" in lower


def _colon(text: str, lower: str) -> bool:
    return ":" in text


def _chat_gate(text: str, lower: str) -> bool:
    return "@" in text or "<" in text or "[" in text or ":" in text


FIELD_DETECTORS: tuple[Detector, ...] = (
    Detector(PERSON, 19, _chat, (_chat_gate,)),
    Detector(PERSON, 21, _fields, (_field_gate,)),
    Detector(PERSON, 21, _labels, (_separator,)),
    Detector(PERSON, 19, _speakers, (_colon,)),
)
