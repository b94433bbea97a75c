"""Credentials in the shapes tools and people write them: HTTP Basic headers, `curl -u user:pass`,
`sshpass -p`, "user/pass: a / b" pairs, "pw" values, Wi-Fi keys, wallet recovery phrases and quoted
passphrases after a password word.

Each form is a structure (a header, a flag, a label pair) plus a check on the value: a Basic header's
value must decode to "user:password", a flag's or pair's password is taken as written (the user name
beside it is an identifier, not the credential, and stays), a Wi-Fi key needs
eight characters (WPA's minimum) and two character classes, a recovery phrase twelve to twenty-four
lower-case words, a quoted passphrase three lower-case words or two character classes.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import any_of, case_digit_classes, finds, folds_apart, matches_at

__all__ = ["PHRASE_ROOTS", "scan_forms", "scan_phrases", "scan_quoted_passwords"]

# A substring of the cue of every form whose value may hold no digit (the others are gated on a digit)
PHRASE_ROOTS = ("phrase", "frase", "mnemonic")

_BASIC = re.compile(r"(?i:\bbasic)[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![\w+/=])")
_CURL_USER = re.compile(  # the user may be an e-mail address (`-u ana@example.com:<api token>`)
    r"(?:^|[\s;|&])(?:-u|--user)(?:[ \t]+|=)[\"']?[^\s:\"']{1,64}:([^\s\"']{3,})"
)
_FLAG_PASS = re.compile(  # `docker login -u bob -p ...`: after a login's user flag, -p is its password
    r"(?i:sshpass[ \t]+-p|--pass(?:word)?(?:[ \t]+|=)|/p:|"
    r"\blogin(?:[ \t]+[^\s|;&]+){0,3}?[ \t]+(?:-u|--username)(?:[ \t]+|=)[^\s|;&]+[ \t]+-p[ \t]+)"
    r"[ \t]*[\"']?([^\s\"']{4,})"
)
_PAIR = re.compile(
    r"(?i:\b(?:user(?:name)?|login|benutzer(?:name)?|usuario|utilisateur|identifiant|id|nutzer)[ \t]*/[ \t]*"
    r"(?:pass(?:word)?|pw|pwd|passwort|kennwort|mot de passe|mdp|contraseña|clave)|\bcreds|\bcredentials)"
    r"[ \t]*[:=]?[ \t]*[\"']?([^\s/:\"',;]{1,64})[\"']?[ \t]*[/:][ \t]*[\"']?([^\s\"',;]{3,64})"
)
# "PW-2210-BLK" (digits, a dash, letters) is an article number; "PW-Xk9#mQ2$vL" is a password
_PW = re.compile(
    r"(?i:(?<![A-Za-z0-9\-])(?:pw|mdp)(?!\w)(?!-\d+-[a-z]))"
    r"[ \t]*(?:[:=]|is|est|es|ist)?[ \t]*[\"']?([^\s\"',;]{4,64})"
)
_WIFI = re.compile(
    r"(?i:(?:wi-?fi|wlan|wpa2?|network|netzwerk)[ \t-]*(?:key|schlüssel|passphrase|psk)|\bpsk|"
    r"netzwerkschlüssel|clé (?:wi-?fi|wpa|de sécurité réseau|réseau)|clave de red|clave (?:del )?wi-?fi|"
    r"chiave (?:wi-?fi|di rete)|\bssid\b[^\n]{1,40}?(?:\bkey|schlüssel|\bclé|\bclave|\bchiave))"
    r"[ \t]*(?:[:=]|is|ist|lautet|est|es|è)?[ \t]*[\"'«“„]?([^\s\"',;«»“”„]{8,63})"
)
# the Wi-Fi QR code's payload (`WIFI:T:WPA;S:<ssid>;P:<password>;;`, the ZXing format phones read)
_WIFI_QR = re.compile(r"WIFI:(?:[TSH]:(?:[^;\\]|\\.)*;)*P:((?:[^;\\\s]|\\.){4,63});")
# a Cookie header's session cookies: "Cookie: _ga=GA1.2...; theme=dark; sessionid=<value>"
_COOKIE_LINE = re.compile(r"(?i:[ \t>]*(?:set-)?cookie[ \t]*:[^\n]*)")  # matched at line starts
_COOKIE_PAIR = re.compile(r"(?<![\w.\-])([\w.\-]+)=([^;\s]+)")
_SESSION_NAME = re.compile(r"(?i:sess|sid|token|auth|jwt|remember|login)")
# a table's column named for a credential (CSV/TSV exports of password managers, user lists, a branch
# list's Wi-Fi and alarm codes): the whole header cell, blanks read as "_": "password", "Wi-Fi password",
# "WLAN-Schlüssel", "clave wifi", "admin_pw", "api key", "Alarm code", "Türcode"; not "Wi-Fi name",
# "password_changed_at", "zip_code" or a bare "key"/"code" (an i18n table's keys, product codes), nor an
# access or entry code's column (a promotion's, a ticket's, an event's: "access_code" over "WELCOME10",
# "Entry code" over "VIP2024"): a code is a credential by the lock it opens
_CREDENTIAL_HEADER = re.compile(
    r"(?:(?:wi-?fi|wlan|wpa2?|admin|root|db|database|user|account|login|sftp|ftp|ssh|router|portal|"
    r"e?-?mail|vpn|app|initial|temp|temporary|new|old|master)[_\-]?)?(?:password|passwort|kennwort|passwd|"
    r"pass|pwd|pw|passcode|pin|mot_de_passe|mdp|contraseña|contrasena|clave|senha|wachtwoord|lösenord|"
    r"schlüssel|secret|token|api_?key|secret_?key|access_?key|private_?key)(?:[_\-](?:wifi|wi-fi|wlan|wpa2?))?|"
    r"(?:alarm|alarme|alarma|door|gate|safe|keypad|lock|tür|tor|porte|puerta|portail)"
    r"[_\-]?(?:code|pin|kombination|combo)|(?:code|pin|clave|código)_(?:alarme|alarma|porte|puerta|wifi)|"
    r"(?:pin|clave)_acceso"
)
# every header name above holds one of these (lowercased): the lines that hold none are no header
_CREDENTIAL_ROOTS = (
    "pass", "pw", "pin", "mdp", "contrase", "clave", "senha", "wachtwoord", "lösenord", "schlüssel", "secret",
    "token", "key", "code", "kennwort", "combo", "kombination", "código",
)  # fmt: skip
_PHRASE = re.compile(
    r"(?i:(?:recovery|seed|secret|backup|mnemonic|wallet)[ \t-]*(?:phrase|words)|mnemonic|"
    r"wiederherstellungsphrase|phrase de (?:récupération|secours)|frase (?:de recuperación|semilla))"
    r"[ \t]*(?:[:=]|is|ist|est|es)?[ \t]*[\"']?((?:[a-z]{3,8}[ \t]+){11,23}[a-z]{3,8})(?![a-z])"
)
_PASSWORD_WORDS = ("password", "passwort", "kennwort", "mot de passe", "contraseña", "passphrase")
_QUOTED_AFTER_PASSWORD = re.compile(  # matched right after one of `_PASSWORD_WORDS`
    r"(?:[ \t]+[^\s:=\"]{1,20}){0,5}?"
    r"[ \t]*(?:[:=]|is|ist|lautet|est|es|è)[ \t]*[\"“„«]([^\"“”„«»\n]{6,64})[\"”“»]"
)
_PAIR_ROOTS = ("pass", "pw", "mdp", "kennwort", "contraseña", "clave")  # the pair's second label
_WIFI_ROOTS = ("wifi", "wi-fi", "wlan", "wpa", "psk", "netzwerk", "network", "clé", "clave", "chiave", "ssid")
_FLAGS = (("-u", _CURL_USER), ("-p", _FLAG_PASS), ("--pass", _FLAG_PASS), ("/p:", _FLAG_PASS))
_pair_root = any_of(*_PAIR_ROOTS)
_wifi_root = any_of(*_WIFI_ROOTS)
_PLACEHOLDER = frozenset({"password", "changeme", "redacted", "********", "your password", "secret"})


def _basic_pair(value: str) -> bool:
    """Whether a Basic header's value decodes to a printable "user:password"."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return ":" in decoded and decoded.isprintable()


def _cookies(text: str, lower: str) -> Iterator[tuple[int, int]]:
    starts = {lower.rfind("\n", 0, at) + 1 for at in finds(lower, "cookie")}
    for line in matches_at(_COOKIE_LINE, text, starts):
        for m in _COOKIE_PAIR.finditer(text, line.start(), line.end()):
            value = m.group(2)
            if _SESSION_NAME.search(m.group(1)) and len(value) >= 16 and case_digit_classes(value) >= 2:
                yield m.start(2), m.end(2)


def _credential_header(cell: str) -> bool:
    """Whether a header cell names a credential column (callers skip cells longer than a name: a line
    of prose split at its commas holds long ones)."""
    name = cell.strip().strip("\"'").strip()  # '"password      "': a padded cell inside its quotes
    return _CREDENTIAL_HEADER.fullmatch(name.lower().replace(" ", "_")) is not None


def _table_columns(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """The values under a credential-named column of a delimited table: a header line whose cells
    (split on ",", ";" or a tab) include one such name, then the rows with as many cells. Only the
    lines that hold a header word are read as headers."""
    header_lines = {lower.rfind("\n", 0, at) + 1 for word in _CREDENTIAL_ROOTS for at in finds(lower, word)}
    read_to = 0  # the end of the rows read so far: a line read as a row is not read again as a header
    for start in sorted(header_lines):
        if start < read_to:
            continue
        end = text.find("\n", start)
        if end == -1:
            continue  # a header with no row under it
        line = text[start:end]
        for sep in (",", ";", "\t"):
            if sep not in line:
                continue
            cells = line.split(sep)
            columns = [  # the length of the cell's text: a hand-aligned table pads its cells with blanks
                i
                for i, c in enumerate(cells)
                if len(c.strip().strip("\"'").strip()) <= 48 and _credential_header(c)
            ]
            if not columns:
                continue
            row_start = end + 1
            for _ in range(200):
                row_end = text.find("\n", row_start)
                row_end = len(text) if row_end == -1 else row_end
                values = text[row_start:row_end].split(sep)
                if len(values) != len(cells):
                    break
                for i in columns:
                    at = row_start + sum(len(v) + 1 for v in values[:i])
                    value = values[i].strip().strip("\"'")
                    if len(value) >= 4 and value.lower() not in _PLACEHOLDER:
                        begin = text.index(value, at)
                        yield begin, begin + len(value)
                read_to = row_end
                if row_end == len(text):
                    break
                row_start = row_end + 1
            break


def scan_forms(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every credential written in a tool or label form (the caller checks that the
    text holds a digit: a Basic header's base64, a flag's, pair's, pw's or Wi-Fi key's value without
    one is not found). Each form's pattern runs only when its cue's root occurs."""
    if "basic" in lower:
        for m in _BASIC.finditer(text):
            if _basic_pair(m.group(1)):
                yield m.start(1), m.end(1)
    slash = "/" in text
    if "-" in lower or slash:  # every flag's root holds one of them
        for root, pattern in _FLAGS:
            if root in lower:
                for m in pattern.finditer(text):
                    if m.group(1).lower() not in _PLACEHOLDER and not m.group(1).startswith("$"):
                        yield m.start(1), m.end(1)
    if (slash and _pair_root(lower)) or "cred" in lower:
        for m in _PAIR.finditer(text):
            if case_digit_classes(m.group(2)) >= 2 or len(m.group(2)) >= 8:
                yield m.start(2), m.end(2)
    if "pw" in lower or "mdp" in lower:
        for m in _PW.finditer(text):
            if case_digit_classes(m.group(1)) >= 2 and not m.group(1).startswith("$"):
                yield m.start(1), m.end(1)
    if "cookie" in lower:
        yield from _cookies(text, lower)
    if "\n" in text and ("," in text or ";" in text or "\t" in text):
        yield from _table_columns(text, lower)
    if "wifi:" in lower:
        for m in _WIFI_QR.finditer(text):
            yield m.start(1), m.end(1)
    if _wifi_root(lower):
        for m in _WIFI.finditer(text):
            value = m.group(1).rstrip(".,")  # a password may end in "!" or "?"; a sentence ends in "."
            if case_digit_classes(value) >= 2 and len(value) >= 8:
                yield m.start(1), m.start(1) + len(value)


_PHRASE_LABELS = ("recovery", "seed", "secret", "backup", "mnemonic", "wallet")  # `_PHRASE`'s first words


def _phrase_starts(lower: str) -> set[int]:
    """Where a match of `_PHRASE` can start: at "mnemonic", "frase" or "phrase" ("phrase de ..."),
    18 before "phrase" ("wiederherstellungs|phrase"), or at a label word that ends, after spaces, tabs
    or hyphens, right before "phrase" or "words"."""
    starts: set[int] = set()
    for root in ("mnemonic", "frase", "phrase", "words"):  # each searched once, no generator per root
        index = lower.find(root)
        while index != -1:
            if root[0] != "w":
                starts.add(index)
            if root[0] in "pw":
                if root[0] == "p" and index >= 18:
                    starts.add(index - 18)
                j = index
                while j and lower[j - 1] in " \t-":
                    j -= 1
                starts.update(
                    w_start
                    for w in _PHRASE_LABELS
                    if (w_start := j - len(w)) >= 0 and lower.startswith(w, w_start)
                )
            index = lower.find(root, index + 1)
    return starts


def scan_phrases(text: str, lower: str | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of wallet recovery phrases (twelve to twenty-four lower-case words after a label).
    The label regex is tried only where a label can start (see `_phrase_starts`): the same matches as
    scanning every position (~150 µs on a 300-character text that says "answer" and so passes the gate).
    `lower`: `text.lower()`, or the offset-keeping lower-casing of `PolicyEngine.scan`."""
    if folds_apart(text):
        found = _PHRASE.finditer(text)
    else:
        found = matches_at(_PHRASE, text, _phrase_starts(text.lower() if lower is None else lower))
    for m in found:
        yield m.start(1), m.end(1)


def scan_quoted_passwords(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """(start, end) of a quoted passphrase after a password word: three lower-case words, or one word
    of two character classes."""
    if not any(quote in text for quote in '"“„«'):
        return
    ends = [i + len(w) for w in _PASSWORD_WORDS for i in finds(lower, w)]
    for m in filter(None, (_QUOTED_AFTER_PASSWORD.match(text, end) for end in sorted(set(ends)))):
        value = m.group(1).strip()
        words = value.split()
        passphrase = len(words) >= 3 and value == value.lower() and all(w.isalpha() for w in words)
        if value.lower() not in _PLACEHOLDER and (
            passphrase or (case_digit_classes(value) >= 2 and len(words) == 1)
        ):
            yield m.start(1), m.end(1)
