"""Generate the synthetic labeled policy corpus (deterministic): `python -m bench.policy.make_corpus`.

Every value is synthetic: card numbers and IBANs are computed to pass their checksums, keys are
random strings in the right shape, names are drawn from a list that only partly overlaps the
detector's given-name list (so name recall is not measured on the detector's own vocabulary).
Writes corpus.jsonl (PII/secrets with hard negatives, EN/DE/FR/ES) next to this file.
"""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
R = random.Random(20261125)

# -- value generators --------------------------------------------------------------------------------------
FIRST = [  # about a third are not in the detector's given-name list
    "Laura", "Thomas", "Camille", "Diego", "Priya", "Jürgen", "Sofía", "Hélène", "Marcus", "Ingrid",
    "Mateo", "Aurélie", "Kwame", "Svenja", "Bogdan", "Leilani", "Tadeo", "Oona", "Emre", "Ximena",
    "Wiebke", "Yannick", "Consuelo", "Fenna", "Ignacio", "Maëlle", "Radu", "Thandiwe", "Joaquín", "Elif",
]  # fmt: skip
LAST = [
    "Fischer", "Becker", "Dubois", "Ortega", "Natarajan", "Hoffmann", "García", "Lefèvre", "Okafor",
    "Lindqvist", "Moreau", "Castillo", "Brandt", "Nakamura", "Petrescu", "Mbeki", "Van der Berg",
    "Kowalski", "Delacroix", "Navarro", "Schulze", "Rinaldi", "Abernathy", "Quispe", "Haugen",
]  # fmt: skip
CITY = {"en": ["Springfield", "London", "Boston"], "de": ["Berlin", "München", "Köln"],
        "fr": ["Paris", "Lyon", "Toulouse"], "es": ["Madrid", "Sevilla", "Valencia"]}  # fmt: skip


def rnd(chars: str, n: int) -> str:
    return "".join(R.choice(chars) for _ in range(n))


def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + rnd(string.digits, length - len(prefix) - 1)
    for check in string.digits:
        candidate = body + check
        total = 0
        for i, c in enumerate(reversed(candidate)):
            v = int(c) * (2 if i % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return candidate
    raise AssertionError


def luhn_invalid(prefix: str, length: int) -> str:
    valid = luhn_complete(prefix, length)
    return valid[:-1] + str((int(valid[-1]) + R.randint(1, 9)) % 10)


def group(digits: str, sep: str, size: int = 4) -> str:
    return sep.join(digits[i : i + size] for i in range(0, len(digits), size))


def card() -> str:
    kind = R.choice(["4", "51", "55", "2221", "34", "37", "6011"])
    length = 15 if kind in ("34", "37") else 16
    digits = luhn_complete(kind, length)
    if length == 15:
        return R.choice([digits, f"{digits[:4]} {digits[4:10]} {digits[10:]}"])
    return R.choice([digits, group(digits, " "), group(digits, "-")])


IBAN_BBAN = {"DE": (18, string.digits), "FR": (23, string.digits), "ES": (20, string.digits),
             "GB": (18, None), "NL": (14, None), "IT": (23, None)}  # fmt: skip


def iban(valid: bool = True) -> str:
    country = R.choice(list(IBAN_BBAN))
    length, alphabet = IBAN_BBAN[country]
    if country == "GB":
        bban = rnd(string.ascii_uppercase, 4) + rnd(string.digits, 14)
    elif country == "NL":
        bban = rnd(string.ascii_uppercase, 4) + rnd(string.digits, 10)
    elif country == "IT":
        bban = R.choice(string.ascii_uppercase) + rnd(string.digits, 10) + rnd(string.digits, 12)
    else:
        bban = rnd(alphabet or string.digits, length)
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    if not valid:
        check = (check + R.randint(1, 50)) % 97 or 3
    value = f"{country}{check:02d}{bban}"
    return R.choice([value, group(value, " ")])


def phone(lang: str) -> str:
    options = {
        "en": [lambda: f"+1 ({R.randint(201, 989)}) 555-{R.randint(100, 9999):04d}",
               lambda: f"+44 20 {R.randint(7000, 7999)} {R.randint(1000, 9999)}",
               lambda: f"({R.randint(201, 989)}) 555-{R.randint(100, 9999):04d}",
               lambda: f"+1-{R.randint(201, 989)}-555-{R.randint(100, 9999):04d}"],
        "de": [lambda: f"+49 30 {R.randint(1000000, 99999999)}",
               lambda: f"+49 (0)89 {R.randint(100000, 9999999)}",
               lambda: f"0049 40 {R.randint(100000, 9999999)}",
               lambda: f"+49 171 {R.randint(1000000, 9999999)}"],
        "fr": [lambda: f"+33 1 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
               lambda: f"+33 6 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
               lambda: f"+33 (0)4 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}"],
        "es": [lambda: f"+34 {R.randint(600, 699)} {R.randint(100, 999)} {R.randint(100, 999)}",
               lambda: f"+34 91 {R.randint(100, 999)} {R.randint(10, 99)} {R.randint(10, 99)}",
               lambda: f"0034 {R.randint(600, 699)} {R.randint(100000, 999999)}"],
    }  # fmt: skip
    return R.choice(options[lang])()


def national_phone(lang: str) -> str:
    return {
        "en": lambda: f"{R.randint(201, 989)}-555-{R.randint(1000, 9999)}",
        "de": lambda: f"030 {R.randint(1000000, 9999999)}",
        "fr": lambda: f"06 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
        "es": lambda: f"{R.randint(600, 699)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
    }[lang]()


def email() -> str:
    first, last = R.choice(FIRST), R.choice(LAST)
    local = R.choice([f"{first}.{last}", f"{first[0]}{last}", f"{last}{R.randint(1, 99)}", f"{first}+news"])
    local = local.lower().replace(" ", "")
    for a, b in (
        ("é", "e"),
        ("è", "e"),
        ("ü", "u"),
        ("í", "i"),
        ("ë", "e"),
        ("ó", "o"),
        ("ç", "c"),
        ("á", "a"),
    ):
        local = local.replace(a, b)
    domain = R.choice(["example.com", "mail.example.org", "example.de", "correo.example.es", "example.fr"])
    return f"{local}@{domain}"


def ssn() -> str:
    return f"{R.randint(100, 665):03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"


def passport() -> str:
    return R.choice([rnd(string.digits, 9), "C" + rnd("0123456789CFGHJKLMNPRTVWXYZ", 8),
                     rnd(string.digits, 2) + rnd(string.ascii_uppercase, 2) + rnd(string.digits, 5),
                     rnd(string.ascii_uppercase, 3) + rnd(string.digits, 6)])  # fmt: skip


def dob(lang: str) -> str:
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.randint(1940, 2005)
    months = {
        "en": ["January", "March", "July", "October"],
        "de": ["Januar", "März", "Juli", "Oktober"],
        "fr": ["janvier", "mars", "juillet", "octobre"],
        "es": ["enero", "marzo", "julio", "octubre"],
    }
    name = R.choice(months[lang])
    return R.choice([f"{d:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/{y}",
                     f"{d} {name} {y}" if lang != "es" else f"{d} de {name} de {y}"])  # fmt: skip


def ipv4() -> str:
    return R.choice([f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                     f"192.168.{R.randint(0, 255)}.{R.randint(1, 254)}",
                     f"{R.randint(11, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"])  # fmt: skip


def ipv6() -> str:
    groups = [f"{R.randint(0, 0xFFFF):x}" for _ in range(8)]
    return R.choice(
        [":".join(groups), f"2001:db8::{groups[0]}:{groups[1]}", f"fe80::{groups[2]}:{groups[3]}"]
    )


ALNUM = string.ascii_letters + string.digits


def google_key() -> str:
    return "AIza" + rnd(ALNUM + "-_", 35)


def aws_key() -> str:
    return R.choice(["AKIA", "ASIA"]) + rnd(string.ascii_uppercase + "234567", 16)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt() -> str:
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": rnd(string.digits, 8), "exp": R.randint(1.7e9, 1.9e9)}).encode())
    return f"{header}.{payload}.{rnd(ALNUM + '-_', 43)}"


def pem(escaped: bool) -> str:
    body = [rnd(ALNUM + "+/", 64) for _ in range(R.randint(3, 6))] + [rnd(ALNUM + "+/", 20) + "=="]
    nl = "\\n" if escaped else "\n"
    return f"-----BEGIN PRIVATE KEY-----{nl}" + nl.join(body) + f"{nl}-----END PRIVATE KEY-----{nl}"


def secret_value() -> str:
    return R.choice([
        "ghp_" + rnd(ALNUM, 36),
        "sk-proj-" + rnd(ALNUM, 40),
        "xoxb-" + rnd(string.digits, 11) + "-" + rnd(ALNUM, 24),
        rnd(ALNUM, 8) + R.choice(["!", "#", "%", "?"]) + rnd(string.digits, 2),
        rnd(ALNUM, 40),
    ])  # fmt: skip


def person() -> str:
    return f"{R.choice(FIRST)} {R.choice(LAST)}"


def address(lang: str) -> str:
    if lang == "en":
        street = R.choice(
            ["Baker Street", "Maple Avenue", "Elm St.", "Sunset Boulevard", "Oak Lane", "Harbor Road"]
        )
        tail = R.choice(
            ["", f", {R.choice(CITY['en'])}, MA {R.randint(10000, 99999)}", f", Apt {R.randint(1, 40)}"]
        )
        return f"{R.randint(1, 9999)} {street}{tail}"
    if lang == "de":
        street = R.choice(
            ["Hauptstraße", "Berliner Straße", "Lindenweg", "Goetheplatz", "Schillerstr.", "Am Ring"]
        )
        street = "Ringstraße" if street == "Am Ring" else street
        tail = R.choice(["", f", {R.randint(10000, 99999)} {R.choice(CITY['de'])}"])
        return f"{street} {R.randint(1, 200)}{R.choice(['', 'a', 'b'])}{tail}"
    if lang == "fr":
        street = R.choice(["rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "place Bellecour",
                           "rue des Lilas", "chemin du Moulin"])  # fmt: skip
        tail = R.choice(["", f", {R.randint(10000, 95999)} {R.choice(CITY['fr'])}"])
        return f"{R.randint(1, 150)}{R.choice(['', ' bis'])} {street}{tail}"
    street = R.choice(["Calle de Alcalá", "Avenida de la Constitución", "Calle Mayor", "Paseo del Prado",
                       "Plaza de España", "Calle Gran Vía"])  # fmt: skip
    tail = R.choice(["", f", {R.randint(1, 9)}º {R.choice('ABCD')}"]) + R.choice(
        ["", f", {R.randint(10000, 52999)} {R.choice(CITY['es'])}"]
    )
    return f"{street} {R.randint(1, 200)}{tail}"


# -- hard negatives ------------------------------------------------------------------------------------
def negatives() -> dict[str, Callable[[], str]]:
    return {
        "VERSION": lambda: R.choice([f"v{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 40)}",
                                     f"{R.randint(1, 12)}.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 999)}",
                                     f"{R.randint(90, 130)}.0.{R.randint(1000, 6999)}.{R.randint(10, 200)}"]),
        "UUID": lambda: "-".join(rnd("0123456789abcdef", n) for n in (8, 4, 4, 4, 12)),
        "ORDER": lambda: R.choice([luhn_complete("4", 16), f"{R.randint(100, 999)}-{R.randint(1000000, 9999999)}",
                                   rnd(string.digits, 10), f"2026-{R.randint(100000, 999999)}"]),
        "INVOICE": lambda: R.choice([f"INV-2026-{R.randint(1, 99999):06d}", f"RE-{rnd(string.digits, 8)}",
                                     f"{R.randint(2020, 2026)}/{R.randint(1, 12):02d}/{R.randint(1, 9999):04d}"]),
        "TIMESTAMP": lambda: R.choice([f"2026-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:"
                                       f"{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z",
                                       f"{R.randint(1, 28):02d}.{R.randint(1, 12):02d}.2026 {R.randint(0, 23):02d}:"
                                       f"{R.randint(0, 59):02d}", str(R.randint(1_700_000_000, 1_800_000_000)),
                                       f"{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}"]),
        "ISBN": lambda: R.choice(["978-3-16-148410-0", "0-306-40615-2", "978-84-376-0494-7",
                                  "978-2-07-036822-8", "9780306406157"]),
        "SKU": lambda: R.choice([f"SKU-{R.randint(10000, 99999)}-{R.choice(['BLK', 'WHT', 'RED'])}-{R.choice('SML')}",
                                 f"{rnd(string.ascii_uppercase, 3)}-{rnd(string.digits, 6)}",
                                 f"4006381{rnd(string.digits, 6)}"]),
        "MASKED_CARD": lambda: R.choice([f"**** **** **** {rnd(string.digits, 4)}", f"XXXX-XXXX-XXXX-{rnd(string.digits, 4)}",
                                         f"4111 11** **** {rnd(string.digits, 4)}", f"************{rnd(string.digits, 4)}"]),
        "LUHN_INVALID": lambda: R.choice([luhn_invalid("4", 16), group(luhn_invalid("5", 16), " "),
                                          group(luhn_invalid("4", 16), "-")]),
        "IBAN_INVALID": lambda: iban(valid=False),
        "GIT_SHA": lambda: rnd("0123456789abcdef", 40),
    }  # fmt: skip


NEG_FRAMES = {
    "VERSION": {"en": "Upgrade to version {v} first.", "de": "Bitte auf Version {v} aktualisieren.",
                "fr": "Passez à la version {v} avant.", "es": "Actualice a la versión {v} primero."},
    "UUID": {"en": "The request id is {v}.", "de": "Die Anfrage-ID lautet {v}.",
             "fr": "L'identifiant est {v}.", "es": "El identificador es {v}."},
    "ORDER": {"en": "Order number {v} shipped.", "de": "Bestellnummer {v} ist versandt.",
              "fr": "La commande {v} est expédiée.", "es": "El pedido {v} fue enviado."},
    "INVOICE": {"en": "See invoice {v}.", "de": "Siehe Rechnung {v}.", "fr": "Voir la facture {v}.",
                "es": "Vea la factura {v}."},
    "TIMESTAMP": {"en": "Logged at {v} by the job.", "de": "Protokolliert um {v}.",
                  "fr": "Enregistré à {v}.", "es": "Registrado a las {v}."},
    "ISBN": {"en": "The book (ISBN {v}) is out of print.", "de": "Das Buch mit ISBN {v} ist vergriffen.",
             "fr": "Le livre ISBN {v} est épuisé.", "es": "El libro ISBN {v} está agotado."},
    "SKU": {"en": "Item {v} is back in stock.", "de": "Artikel {v} ist wieder da.",
            "fr": "L'article {v} est de retour.", "es": "El artículo {v} vuelve a estar disponible."},
    "MASKED_CARD": {"en": "Charged to card {v}.", "de": "Belastet auf Karte {v}.",
                    "fr": "Débité sur la carte {v}.", "es": "Cargado a la tarjeta {v}."},
    "LUHN_INVALID": {"en": "Reference digits {v} were rejected.", "de": "Die Ziffernfolge {v} wurde abgelehnt.",
                     "fr": "La suite {v} a été refusée.", "es": "La secuencia {v} fue rechazada."},
    "IBAN_INVALID": {"en": "The string {v} failed validation.", "de": "Die Angabe {v} war ungültig.",
                     "fr": "La valeur {v} est invalide.", "es": "El valor {v} no es válido."},
    "GIT_SHA": {"en": "Fixed in commit {v}.", "de": "Behoben in Commit {v}.", "fr": "Corrigé dans le commit {v}.",
                "es": "Corregido en el commit {v}."},
}  # fmt: skip

# -- entity frames: (type, generator, frame per language) ----------------------------------------------
FRAMES: dict[str, dict[str, list[str]]] = {
    "EMAIL": {"en": ["Please write to {v} with the results.", "CC {v} on the thread."],
              "de": ["Bitte schreiben Sie an {v}.", "Kontakt per E-Mail: {v}"],
              "fr": ["Écrivez-moi à {v} s'il vous plaît.", "Mon adresse est {v}."],
              "es": ["Escríbame a {v}, gracias.", "Mi correo es {v}."]},
    "PHONE": {"en": ["Call me at {v} tomorrow.", "My phone: {v}"], "de": ["Telefon: {v}", "Rufen Sie mich unter {v} an."],
              "fr": ["Mon téléphone : {v}", "Appelez-moi au {v}."], "es": ["Mi teléfono es {v}.", "Llámeme al {v}."]},
    "PHONE_NATIONAL": {"en": ["Call me at {v} after lunch."], "de": ["Mein Handy: {v}"],
                       "fr": ["Mon portable : {v}"], "es": ["Mi móvil es {v}."]},
    "CREDIT_CARD": {"en": ["My card number is {v}, exp 09/28.", "Charge {v} please."],
                    "de": ["Meine Kreditkarte: {v}", "Bitte belasten Sie {v}."],
                    "fr": ["Ma carte bancaire est {v}.", "Débitez {v} svp."],
                    "es": ["Mi tarjeta es {v}.", "Cobre a {v}, por favor."]},
    "IBAN": {"en": ["Wire it to {v} today."], "de": ["Meine IBAN lautet {v}."], "fr": ["Mon IBAN : {v}"],
             "es": ["Mi IBAN es {v}."]},
    "US_SSN": {"en": ["My SSN is {v}.", "Social security number {v} on file."], "de": ["Die US-SSN ist {v}."],
               "fr": ["Son numéro SSN est {v}."], "es": ["Su SSN es {v}."]},
    "PASSPORT": {"en": ["Passport number: {v}"], "de": ["Reisepassnummer {v}"], "fr": ["Numéro de passeport : {v}"],
                 "es": ["Número de pasaporte: {v}"]},
    "DATE_OF_BIRTH": {"en": ["Date of birth: {v}", "I was born on {v}."], "de": ["Geboren am {v}."],
                      "fr": ["Née le {v}.", "Date de naissance : {v}"], "es": ["Fecha de nacimiento: {v}"]},
    "IP_ADDRESS": {"en": ["The server at {v} is down.", "Client IP {v} was blocked."],
                   "de": ["Der Server {v} antwortet nicht."], "fr": ["Le serveur {v} ne répond pas."],
                   "es": ["El servidor {v} no responde."]},
    "GOOGLE_API_KEY": {"en": ["Use key {v} for Maps."], "de": ["Der Schlüssel ist {v}"], "fr": ["La clé {v} marche."],
                       "es": ["La clave {v} funciona."]},
    "AWS_ACCESS_KEY": {"en": ["aws_access_key_id = {v}"], "de": ["Zugriffsschlüssel {v}"], "fr": ["Clé d'accès {v}"],
                       "es": ["Clave de acceso {v}"]},
    "JWT": {"en": ["Authorization: Bearer {v}"], "de": ["Das Token {v} ist abgelaufen."],
            "fr": ["Le jeton {v} a expiré."], "es": ["El token {v} caducó."]},
    "URL_TOKEN": {"en": ["Download from https://files.example.com/export?id=42&token={v} now."],
                  "de": ["Link: https://api.example.de/v1/report?access_token={v}"],
                  "fr": ["Lien : https://example.fr/dl?sig={v}&x=1"],
                  "es": ["Enlace: https://example.es/share?key={v}"]},
    "SECRET": {"en": ["password: {v}", "Here is the token {v} for CI."], "de": ["Passwort: {v}"],
               "fr": ["mot de passe : {v}"], "es": ["contraseña: {v}"]},
    "PERSON": {"en": ["My name is {v}.", "Dear {v}, thanks for your order.", "Please ask {v} to review it.",
                      "Contact: {v}"],
               "de": ["Sehr geehrte Frau {v}, vielen Dank.", "Mein Name ist {v}.", "Ansprechpartner: {v}"],
               "fr": ["Je m'appelle {v}.", "Bonjour {v}, merci.", "Madame {v} viendra demain."],
               "es": ["Me llamo {v}.", "Estimado {v}, gracias.", "Sr. {v} llamará mañana."]},
    "ADDRESS": {"en": ["Ship it to {v}.", "I moved to {v} last year."], "de": ["Lieferadresse: {v}"],
                "fr": ["J'habite au {v}."], "es": ["Vivo en {v}."]},
}  # fmt: skip
FILLER = {
    "en": ["Can you summarize the report below?", "Thanks in advance.", "The meeting moved to Thursday.",
           "We need the numbers by Friday."],
    "de": ["Können Sie das zusammenfassen?", "Vielen Dank im Voraus.", "Das Treffen ist am Donnerstag."],
    "fr": ["Pouvez-vous résumer ce document ?", "Merci d'avance.", "La réunion est jeudi."],
    "es": ["¿Puede resumir el informe?", "Gracias de antemano.", "La reunión es el jueves."],
}  # fmt: skip


def value_for(kind: str, lang: str) -> tuple[str, str]:
    """(label type, value) for a frame kind."""
    gen: dict[str, Callable[[], str]] = {
        "EMAIL": email, "PHONE": lambda: phone(lang), "PHONE_NATIONAL": lambda: national_phone(lang),
        "CREDIT_CARD": card, "IBAN": iban, "US_SSN": ssn, "PASSPORT": passport, "DATE_OF_BIRTH": lambda: dob(lang),
        "IP_ADDRESS": lambda: R.choice([ipv4, ipv4, ipv6])(), "GOOGLE_API_KEY": google_key,
        "AWS_ACCESS_KEY": aws_key, "JWT": jwt, "URL_TOKEN": lambda: rnd(ALNUM, R.randint(16, 40)),
        "SECRET": secret_value, "PERSON": person, "ADDRESS": lambda: address(lang),
    }  # fmt: skip
    return ("PHONE" if kind == "PHONE_NATIONAL" else kind), gen[kind]()


def record(index: int, lang: str) -> dict[str, object]:
    sentences: list[str] = [R.choice(FILLER[lang])]
    entities, non_entities = [], []
    for kind in R.sample(list(FRAMES), R.randint(1, 3)):
        label, value = value_for(kind, lang)
        sentences.append(R.choice(FRAMES[kind][lang]).format(v=value))
        entities.append({"type": label, "value": value})
    for kind in R.sample(list(NEG_FRAMES), R.randint(1, 2)):
        value = negatives()[kind]()
        sentences.append(NEG_FRAMES[kind][lang].format(v=value))
        non_entities.append({"type": kind, "value": value})
    R.shuffle(sentences)
    return {"id": f"{lang}-{index:04d}", "lang": lang, "text": " ".join(sentences),
            "entities": entities, "non_entities": non_entities}  # fmt: skip


def key_file_record(index: int) -> dict[str, object]:
    """A pasted service-account key file: JSON-escaped PEM inside a JSON document."""
    key = pem(escaped=True)
    text = (
        'Why does this fail? {"type": "service_account", "project_id": "demo-project", '
        f'"private_key_id": "{rnd("0123456789abcdef", 40)}", "private_key": "{key}", '
        '"client_email": "runner@demo-project.iam.gserviceaccount.com"}'
    )
    return {"id": f"keyfile-{index:03d}", "lang": "en", "text": text,
            "entities": [{"type": "GCP_PRIVATE_KEY", "value": key},
                         {"type": "EMAIL", "value": "runner@demo-project.iam.gserviceaccount.com"}],
            "non_entities": []}  # fmt: skip


def main() -> None:
    records = [record(i, lang) for lang in ("en", "de", "fr", "es") for i in range(90)]
    records += [key_file_record(i) for i in range(10)]
    records += [
        {"id": f"pem-{i:03d}", "lang": "en", "text": f"Our key:\n{(k := pem(escaped=False))}\nIs it valid?",
         "entities": [{"type": "GCP_PRIVATE_KEY", "value": k.strip()}], "non_entities": []}
        for i in range(10)
    ]  # fmt: skip
    with (HERE / "corpus.jsonl").open("w") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {HERE / 'corpus.jsonl'}")


if __name__ == "__main__":
    main()
