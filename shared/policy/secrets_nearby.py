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
whole crypt(3) hashes ("$2b$12$<53>": the caller's test; a value that only starts like one,
"$1$TempX4U06Q!", is a password) and Wi-Fi QR fields. A token drawn at random the way generators make
them also counts without the fourth class (`random_like`: both cases and a digit or a symbol, a class
change at every other character or more, few letter runs that read as words, no typed-id prefix such as
"cus_", no hex), and it counts after an account word too ("the admin account (root / 1HvC5f...)",
"Zugang ... admin / bLdm*@eVAp%hNP", "el token de la API es Tkn_7Vqm..."). A cue that states a rule
("Password must be ...") or names a file ("wp-login.php") opens no window. A token right after a cue and
a separator is also the assigned-value detectors' (same span: the engine keeps one).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import any_of, case_digit_classes, finds

__all__ = ["ACCESS_CUES", "CUES", "cue_in", "random_like", "scan_nearby"]

CUES = (
    "password", "passwort", "kennwort", "contraseña", "clave", "mot de passe", "mdp", "hasło", "haslo",
    "wachtwoord", "senha", "lösenord", "passphrase", "login", "credentials", "zugangsdaten", "identifiants",
    "credenciales", "schlüssel", "wifi", "wi-fi", "wlan",
)  # fmt: skip
# words that name an account or its access rather than a password ("the admin account (root / <pw>)",
# "Zugang ... mit admin / <pw>"): their window takes only a random-looking token BOUND to the word or to
# a user name, and only where the word begins a word ("TWILIO_ACCOUNT_SID=..." names no account). Bound:
# right after the word and a separator or a copula ("Zugang: <pw>", "admin account is <pw>", up to three
# words between: "el token de la API es <pw>"), or the right side of a "user / pw" pair ("root / <pw>",
# "admin / <pw>"). Any id in the window is not ("Updated account 8Xq2LmPz4RtY7vBn3KcD in Firestore",
# "the IBAN reference is RF18X9k...", twelfth-session review). "root" is no cue ("Root cause: ... tenant
# Kp3mQ8zXr2TvL9wB", "root span aB3dE5fG7hJ9kL1mQ2" in a log line), only a pair's user; "token" takes
# only a bound value ("the token field is a JSON Web Token" binds "a")
# a word of prose starts after these ("&token=" in a URL, "aws_access_key" in a name open no window;
# "Cloud-Account", "Service-Konto" do)
_WORD_BEFORE = frozenset(" \t\n(\"'«“„[*-")
ACCESS_CUES = (
    "account", "konto", "compte", "cuenta", "zugang", "accès", "acceso", "admin", "token", "secret",
)  # fmt: skip
# a value bound to the access word: a separator, or a copula or verb after at most three words; a key
# that names the word's password ("admin_pw": "<pw>", {"key": "admin_pw", "value": "<pw>"}) binds too
_BOUND_GAP = re.compile(
    r"(?:_(?:pw|pwd|pass|passwd|password)\"?(?:[ \t]*,[ \t]*\"value\"?)?)?"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+[\-\u2013\u2014][ \t]+|(?:[ \t]+[\w\-]+){0,3}?[ \t]+"
    r"(?:is|was|ist|war|lautet|est|es|era|é|är|heißt|reads)[ \t:]+)"
)
# a "user / pw" pair: a user name, a slash, the value
_PAIR = re.compile(r"(?<![^\s(\"'\[])[\w.@\-]+[ \t]*/[ \t]*(\S+)")
cue_in = any_of(*CUES, *ACCESS_CUES)
WINDOW = 160  # characters after a cue: the same sentence or the next chat turn

_TOKEN = re.compile(r"\S+")
_EDGE_OPEN = "\"'«“„\u201a([{<:="
_EDGE_CLOSE = ".,;:)\"'»”“]}>"  # "!" and "?" may end a password; a sentence's "." or "," does not
_NOT_A_PASSWORD = re.compile(
    r"[a-z][a-z0-9+.\-]*://|[^@\s]+@[\w\-]+\.[\w.\-]+|~|.*/|.*(?:\$\{|\{\{|%\(|<\w)|"
    r"[A-Za-z_][a-z_]*[=:]|v?\d+(?:\.\d+)+|.*;[A-Z]:"
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


# a run of one class: lower case, upper case, digits, anything else (regexes: a per-character loop in
# Python cost the dense 2 KB prompt ~3 % of the policy stage)
_RUN = re.compile(r"[a-z]+|[A-Z]+|[0-9]+|[^a-zA-Z0-9]+")
# an object id typed by a lower-case word ("cus_AhCSpNmXS6mQv6", "price_1HM0...", "org-WjG6XuXk9i"):
# the prefix names what it identifies; the token prefixes of secrets are the prefixed detector's
_TYPED_ID = re.compile(r"[a-z]{2,12}[_\-]")
_WORD = re.compile(r"[A-Z]?[a-z]{3,}")
_HEX = re.compile(r"[0-9a-fA-F\-]+")  # hex in either case, dashes between: a hash or a UUID
_STRUCTURE = re.compile(r'[=:"&{}(),;<>\[\]]')  # a key=value pair, a query, JSON or markup: not one token


def _class_runs(token: str) -> int:
    """How many runs of one class (lower case, upper case, digit, symbol) `token` splits into, any
    script's letters and digits by their Unicode category."""
    runs, last = 0, -1
    for ch in token:
        kind = 0 if ch.islower() else 1 if ch.isupper() else 2 if ch.isdigit() else 3
        runs += kind != last
        last = kind
    return runs


def random_like(token: str) -> bool:
    """A token drawn at random from letters of both cases, digits and symbols, as generators make
    them: 12+ characters of both cases and a digit or a symbol, whose class (lower case, upper case,
    digit, symbol) changes at every other character or more (a word with a number, a camel-case name
    or a typed id changes class only at its parts' edges) and in which words of three letters or more
    make up less than a third (a token one third words or more is left). Hex, UUIDs and base32 ids have
    one case. Letters and digits of any script count as letters and digits ("XÄPm0SqñifMÜO1MOT" is not
    random-like: the ASCII-only class regex counts only ASCII tokens, a non-ASCII one takes the
    per-character loop). The C-speed tests come first: most tokens of prose fail the length or the case
    test."""
    n = len(token)
    if not 12 <= n <= 64 or token.lower() == token or token.upper() == token:
        return False  # one case only: hex, UUIDs, base32 ids, part numbers
    if token.isascii():
        if token.isalpha():
            return False  # letters alone
        runs = len(_RUN.findall(token))
    else:
        if _classes(token) < 3:
            return False
        runs = _class_runs(token)
    if token[0] == "-" or _STRUCTURE.search(token) is not None:  # "-pTr0ub4dor3x": a flag and its value
        return False
    if _HEX.fullmatch(token) is not None or _TYPED_ID.match(token) is not None:
        return False
    if runs * 2 < n or _NOT_A_PASSWORD.match(token) is not None:
        return False
    return sum(map(len, _WORD.findall(token))) * 3 < n


def _password_like(token: str) -> bool:
    return (
        8 <= len(token) <= 64 and _classes(token) == 4 and _NOT_A_PASSWORD.match(token) is None
    ) or random_like(token)


_ROW = 1024  # the longest table row (and header) read as one


def _table_cells(text: str, cue: int, start: int, stop: int) -> bool:
    """Whether the token is cells of a table row, not one value: it holds a cell separator that its
    line and the line above hold as many times ('"Leeds depot","DEPOT-FB683","3Prk..."' under a
    header; the password column is the table detector's, its neighbours are names and ids). Only a
    token whose nearest credential word before it (ending at `cue`) is on an earlier line, the
    header's: a label and its value on one line are no table row ("password: pa55,W0rd!77" under
    "Server: db01, port 5432")."""
    if text.find("\n", cue, start) == -1:
        return False
    for sep in (",", ";", "|"):
        if sep not in text[start:stop]:
            continue
        # a row and its header are short lines: each search is bounded, so that many tokens on one long
        # line cost no more than their own characters each
        line = text.rfind("\n", max(0, start - _ROW), start) + 1
        end = text.find("\n", stop, stop + _ROW)
        if line == 0 or (end == -1 and stop + _ROW < len(text)):
            return False
        above = text.rfind("\n", max(0, line - 1 - _ROW), line - 1) + 1
        if above == 0 and line - 1 > _ROW:
            return False  # the line above is longer than a row: no header (not counted from the text's start)
        count = text.count(sep, line, len(text) if end == -1 else end)
        if count and count == text.count(sep, above, line - 1):
            return True
    return False


def _trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start] in _EDGE_OPEN:
        start += 1
    while stop > start and text[stop - 1] in _EDGE_CLOSE:
        stop -= 1
    return start, stop


def _bound(text: str, lower: str, cue_start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each token bound to the access word that ends at `end`: the token right after a
    separator or a copula, and the right side of each "user / pw" pair within `WINDOW` characters."""
    limit = min(len(text), end + WINDOW)
    gap = _BOUND_GAP.match(lower, end, limit)
    if gap is not None:
        token = _TOKEN.match(text, gap.end(), limit)
        if token is not None:
            yield _trimmed(text, token.start(), token.end())
    if "/" in text[end:limit]:
        for m in _PAIR.finditer(text, cue_start, limit):
            if m.end(1) < limit or limit == len(text):
                yield _trimmed(text, m.start(1), m.end(1))


def scan_nearby(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each password-like token within `WINDOW` characters after a credential word,
    and of each random-looking token bound to an account word (`_bound`)."""
    password = {at + len(cue) for cue in CUES for at in finds(lower, cue)}
    ends = sorted(password)
    found: dict[tuple[int, int], None] = {}
    seen = -1
    for end in ends:
        if _RULE_AFTER.match(lower, end) is not None or _FILE_NAME.match(lower, end) is not None:
            continue
        limit = min(len(text), end + WINDOW)
        for m in _TOKEN.finditer(text, max(end, seen), limit):
            if m.end() == limit < len(text) and not text[limit].isspace():
                break  # cut by the window
            start, stop = _trimmed(text, m.start(), m.end())
            # a token is read once, for the first cue whose window reaches it: its label is the cue
            # nearest before it ("Wi-Fi password is Tr0ub4dor,&3x" a few lines under a table's header)
            label = ends[bisect_right(ends, start) - 1]
            if _password_like(text[start:stop]) and not _table_cells(text, label, start, stop):
                found[start, stop] = None
            seen = m.end()
    for cue in ACCESS_CUES:
        for at in finds(lower, cue):
            end = at + len(cue)
            if (at and lower[at - 1] not in _WORD_BEFORE) or end in password:
                continue
            if _RULE_AFTER.match(lower, end) is not None or _FILE_NAME.match(lower, end) is not None:
                continue
            for start, stop in _bound(text, lower, at, end):
                if random_like(text[start:stop]):
                    found[start, stop] = None
    yield from sorted(found)
