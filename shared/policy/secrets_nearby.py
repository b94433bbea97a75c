"""A password said near a credential word, in any syntax: the answer in the next chat turn ("can you
send me the staging db password?" / "it's I0yp.$Mj2ut1ZQ"), after a few words ("the password is, uh,
6dvrIgkDB$4UfK"), after a label the other forms do not know ("Schlüssel rvzOPG4nInvxX+dP!").

Structure, not the value's words: within `WINDOW` characters after a credential word (EN/DE/FR/ES/
NL/PL/PT/SV), a whitespace-delimited token is a password when it looks random the way people are told
to make passwords: 8-64 characters holding all four classes (lower case, upper case, digit, symbol).
Prose words, names, numbers, dates, hashes (hex: no upper case), UUIDs, ids and most identifiers lack
one class or more. Shapes that hold all four and are not secrets are left by structure: URLs, e-mail
addresses, anything with a "/" (paths, "Mozilla/5.0", fractions), template references (`${VAR}`,
`{{ var }}`, `<password>`), `key=value` pairs whose key is a name, version strings ("v2.3.1-Beta"),
crypt(3) hashes ("$2b$12$...") and Wi-Fi QR fields. A cue that states a rule ("Password must be ...")
or names a file ("wp-login.php") opens no window. A token right after a cue and a separator is also
the assigned-value detectors' (same span: the engine keeps one).
"""

from __future__ import annotations

from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import any_of, case_digit_classes, finds

__all__ = ["CUES", "cue_in", "scan_nearby"]

CUES = (
    "password", "passwort", "kennwort", "contraseña", "clave", "mot de passe", "mdp", "hasło", "haslo",
    "wachtwoord", "senha", "lösenord", "passphrase", "login", "credentials", "zugangsdaten", "identifiants",
    "credenciales", "schlüssel", "wifi", "wi-fi", "wlan",
)  # fmt: skip
cue_in = any_of(*CUES)
WINDOW = 160  # characters after a cue: the same sentence or the next chat turn

_TOKEN = re.compile(r"\S+")
_EDGE_OPEN = "\"'«“„\u201a([{<:="
_EDGE_CLOSE = ".,;:)\"'»”“]}>"  # "!" and "?" may end a password; a sentence's "." or "," does not
_NOT_A_PASSWORD = re.compile(
    r"[a-z][a-z0-9+.\-]*://|[^@\s]+@[\w\-]+\.[\w.\-]+|~|.*/|.*(?:\$\{|\{\{|%\(|<\w)|"
    r"[A-Za-z_][a-z_]*[=:]|v?\d+(?:\.\d+)+|\$[\w\-]+\$|.*;[A-Z]:"
)
# a file named for a credential ("wp-login.php", "passwords.txt") is no cue
_FILE_NAME = re.compile(r"s?\.[a-z]{2,4}(?![a-z])")
# a rule about passwords, not one: "Password must be at least 12 characters ... Tr0ub4dor&3 is rejected"
_RULE_AFTER = re.compile(
    r"(?:[ \t]+\w+){0,3}?[ \t]+(?:must|should|needs?|requirements?|policy|policies|rules?|muss|müssen|sollte|"
    r"doit|doivent|debe|deben|requisitos?|exigences?|anforderungen)(?!\w)"
)


def _classes(token: str) -> int:
    """Lower case, upper case, digit and symbol: how many `token` holds."""
    return case_digit_classes(token) + any(not ch.isalnum() for ch in token)


def _password_like(token: str) -> bool:
    return 8 <= len(token) <= 64 and _classes(token) == 4 and _NOT_A_PASSWORD.match(token) is None


def scan_nearby(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each password-like token within `WINDOW` characters after a credential word."""
    ends: set[int] = set()
    for cue in CUES:
        ends.update(at + len(cue) for at in finds(lower, cue))
    seen = -1
    for end in sorted(ends):
        if _RULE_AFTER.match(lower, end) is not None or _FILE_NAME.match(lower, end) is not None:
            continue
        limit = min(len(text), end + WINDOW)
        for m in _TOKEN.finditer(text, max(end, seen), limit):
            start, stop = m.start(), m.end()
            if stop == limit < len(text) and not text[limit].isspace():
                break  # cut by the window
            while start < stop and text[start] in _EDGE_OPEN:
                start += 1
            while stop > start and text[stop - 1] in _EDGE_CLOSE:
                stop -= 1
            if _password_like(text[start:stop]):
                yield start, stop
            seen = m.end()
