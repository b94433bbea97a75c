"""Secrets named by what they open: PINs, passcodes, door/gate/alarm codes, one-time, 2FA and backup
codes, card security codes and security answers (EN/DE/FR/ES/IT/PT), each a cue plus a value whose
shape fits the cue.

Structure, not word lists fitted to data: a head noun (code, PIN, TAN, OTP, passcode, combination ...)
is a cue only with a qualifier that says what it opens ("door code", "Türcode", "code d'accès",
"código de verificación", "2FA recovery codes") or as an acronym that only names a secret (PIN, TAN,
PUK, OTP, CVV). So "zip code", "error code", "promo code", "area code", "HS code" or "code 404" are
never cues. The value follows the cue, after ":", "=", "-", a verb ("is", "ist", "lautet", "est",
"es", "è", "was") with at most five words between ("the code for the back door is 4471#"), or
directly ("PIN 4471"), and must fit the cue's shape: a keypad code is 4-8 digits (with at most two
letters and a leading or trailing # or *), a card code 3-4 digits, a one-time or backup code digits
(3+3 allowed), dashed groups with a digit ("7QKM-29TX-LL4P") or a mixed letters-and-digits token;
dates, times, versions and longer numbers never fit. A plural cue takes a list of same-shaped values.
A security answer is the quoted value or the rest of the clause after "security answer:" (or an
"Answer:" after a security question).
"""

from __future__ import annotations

from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import any_of, folds_apart, matches_at, starts_of
from shared.policy.checksums import luhn_valid

__all__ = ["ANSWER_ROOTS", "CODE_ROOTS", "answer_starts", "code_starts", "scan_answers", "scan_codes"]

# A substring of every head (on the lowercased text): the detector's gate.
CODE_ROOTS = (
    "cod", "cód", "kod", "pin", "otp", "tan", "puk", "cvv", "cvc", "combin", "combo", "kombination",
    "geheimzahl", "clave",
)  # fmt: skip
ANSWER_ROOTS = ("answer", "antwort", "réponse", "respuesta", "risposta", "resposta", "memorable")

_HEAD = re.compile(
    r"(?i:c[oó]dig[oa]s?|codice|codici|codes?|kod|koden|kode|koder|pin|otp|tan|puk|cvv2?|cvc2?|geheimzahl|clave|"
    r"combination|combinaison|kombination|combinación|combinazione|combo)(?![a-zà-ÿ])"
)
# what a code is for, right before the head (EN words, German compounds: "Türcode", "PIN-Code")
_BEFORE = re.compile(
    r"(?i:(?:door|gate|entry|entrance|building|front[ -]door|back[ -]door|alarm|keypad|key[ -]?safe|"
    r"key[ -]?box|lock[ -]?box|padlock|lock|safe|garage|access|security|verification|verify|one[ -]time|"
    r"login|log-in|sign[ -]in|backup|back-up|recovery|2fa|2-fa|two[ -]factor|2-step|two[ -]step|mfa|otp|"
    r"sms|authenticator|auth|unlock|voicemail|sim|card|atm|debit card|bank card|wifi|wi-fi|emergency|"
    r"master|duress|"  # an alarm panel's codes
    r"tür|tor|haustür|hoftor|eingangs|zugangs|sicherheits|bestätigungs|verifizierungs|einmal|"
    r"wiederherstellungs|anmelde|entsperr|zahlen|tresor|schloss|notfall|pin|digi|"
    r"port|dörr|dør|grind|larm|adgangs|tilgangs|deur|toegangs|poort|verificatie|beveiligings|herstel|"
    r"pass)[ \-]?)$"
)
# what a code is for, right after the head (FR/ES/IT/PT: "code d'accès", "código de la puerta")
_AFTER = re.compile(
    r"(?i:[ \t]+(?:(?:de|del|de la|du|de l['\u2019]|d['\u2019]|di|della|dell['\u2019]|do|da|à|a)[ \t]*)?"
    r"(?:porte|portail|immeuble|entrée|accès|acceso|acesso|accesso|sécurité|seguridad|segurança|"
    r"sicurezza|vérification|verificación|verificação|verifica|secours|récupération|recuperación|"
    r"recuperação|recupero|respaldo|backup|alarme|alarma|allarme|cadenas|candado|coffre|caja fuerte|"
    r"caja de llaves|boîte à clés|"
    r"cancello|portone|porta|puerta|portón|portal|portão|entrada|desbloqueo|déverrouillage|sblocco|"
    r"usage unique|un solo uso|uso único|pin|secret|secreto|segreto|confirmation|confirmación|2fa|otp|sms|"
    r"retrait|recogida|"  # a parcel locker's pickup code
    r"wifi|wi-fi)(?![a-zà-ÿ]))"
)
_ACRONYMS = frozenset({"PIN", "TAN", "PUK", "OTP", "CVV", "CVV2", "CVC", "CVC2", "Pin"})
# lower-case heads that are cues alone
_STANDALONE = frozenset({"passcode", "passcodes", "geheimzahl", "pin", "otp"})
_COMBINATION = frozenset(
    {"combination", "combinaison", "kombination", "combinación", "combinazione", "combo"}
)
_KEYPAD_BEFORE = frozenset(
    ["door", "gate", "entry", "entrance", "building", "alarm", "keypad", "safe", "padlock", "lock", "garage",
     "tür", "tor", "haustür", "hoftor", "eingangs", "tresor", "schloss", "zahlen", "digi", "pin", "port",
     "dörr", "dør", "grind", "larm", "deur", "poort"]
)  # fmt: skip
_VERBS = (
    r"is|are|was|were|be|ist|sind|lautet|lauten|war|est|sont|était|es|son|era|è|sono|é|será|sera|"
    r"reads|lautete|ser[aá]|är|er|jest|contains|enthält|contient|contiene"
)
# between the cue and the value: a separator, a verb after at most five words, or only blanks
_GAP_SEP = re.compile(
    r",?(?:[ \t]+[^\s:=]{1,24}){0,5}?"
    r"(?:[ \t]*[:=\-\u2013\u2014\u2192]|[ \t]+(?:" + _VERBS + r")(?![\w]))[ \t:]*"
)
_GAP_BLANK = re.compile(r"[ \t]*\n[ \t]*|[ \t]*\(?[ \t]*")
_VALUE = re.compile(
    r"[\"'«“„\u201a]?[ \t]*([#*]?[A-Za-z0-9](?:[A-Za-z0-9!@#$%&*_+.\-/]{0,38}[A-Za-z0-9#*!$%&])?)"
    r"(?![\w@]|[.\-/][A-Za-z0-9])"
)
_SPACED_DIGITS = re.compile(r"\d{3,4}(?: \d{3,4}){1,3}(?![\w@])")
# a keypad code typed or read out digit by digit, one separator throughout: "4-7-1-9", "0 6 1 1"
_SPELLED = re.compile(r"\d([ \-])\d(?:\1\d){2,7}(?![\w@]|[.\-]\d)")
# between the values of a list; blanks alone too ("j9tep-22pqk  16w82-bqift"): each value must have the
# first one's length
_LIST_SEP = re.compile(
    r"[ \t]*(?:[,;/|]|\n[ \t]*(?:[-*•]|\d{1,2}[.)])?|and|und|et|y|e|or|oder|ou|o)[ \t]*|[ \t]+"
)
_GROUPED = re.compile(r"[A-Za-z0-9]{3,8}(?:-[A-Za-z0-9]{3,8}){1,5}")
_KEYPAD = re.compile(r"[#*]?(?=(?:[A-Za-z]?\d){3})[0-9A-Za-z]{4,8}[#*]?")
_COMBO = re.compile(r"\d{1,2}(?:[-/ ]\d{1,2}){2,4}|\d{3,8}")
_NOT_A_CODE = re.compile(
    r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d+\.\d+|\d{1,2}(?:am|pm|h)|\d+(?:st|nd|rd|th|px|kb|mb|gb|ms|s)"
)


def _letters(value: str) -> int:
    return sum(ch.isalpha() for ch in value)


def _fits(value: str, kind: str) -> bool:
    """Whether `value` has the shape of a `kind` code ("keypad", "card", "combo", "any")."""
    digits = sum(ch.isdigit() for ch in value)
    if kind == "combo" and _COMBO.fullmatch(value) is not None:
        return True  # "36-24-12" is a lock's combination, not a date
    if _NOT_A_CODE.fullmatch(value.lower()) is not None or digits == 0:
        return False
    if kind == "card":
        return value.isdigit() and 3 <= len(value) <= 4
    if _KEYPAD.fullmatch(value) is not None and _letters(value) <= 2:
        return digits <= 8
    if kind in ("keypad", "combo"):
        return False
    if _GROUPED.fullmatch(value) is not None:
        return True
    if value.isdigit():
        return 4 <= len(value) <= 8
    # a mixed token: letters and digits (a symbol allowed), not a word with a number glued on
    return len(value) >= 6 and _letters(value) >= 2 and digits >= 2 and "." not in value[1:-1]


def _kind(text: str, start: int, end: int) -> str | None:
    """The kind of code the head at [start, end) names, or None when it names no secret."""
    head = text[start:end]
    low = head.lower()
    word_start = start
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "-"):
        word_start -= 1
    if word_start == start and low in ("cvv", "cvv2", "cvc", "cvc2"):
        return "card"
    if word_start == start and head in _ACRONYMS:
        if low == "pin" and text[max(0, start - 2) : start].strip() in (",", "-"):
            return None  # "Bengaluru, PIN 560001": an Indian postcode
        return "keypad" if low in ("pin", "puk") else "any"
    before = _BEFORE.search(text, max(0, word_start - 24), start)
    if before is not None and before.start() > 0 and text[before.start() - 1].isalpha():
        before = None  # a qualifier starts a word: "postcode" is not "code" after "st"
    if low in _COMBINATION:
        return "combo" if before is not None or _mentions_lock(text, start) else None
    if before is not None:
        word = before.group().strip(" -").lower()
        return "keypad" if word in _KEYPAD_BEFORE else "any"
    if word_start < start:
        return None  # glued to an unknown word: "postcode", "barcode", "Gutscheincode"
    if low in ("code", "codes", "código", "codigo", "codice") and _bare_after_lock(text, start):
        return "keypad"  # "keybox by the door, code 5521": the lock is named first
    if low in _STANDALONE:
        return "keypad" if low == "pin" else "any"
    after = _AFTER.match(text, end)
    if after is not None:
        word = after.group().split()[-1].lower()
        keypad = (
            "porte",
            "portail",
            "puerta",
            "portón",
            "portal",
            "portão",
            "cancello",
            "portone",
            "porta",
            "llaves",
        )
        return "keypad" if word in keypad or word.startswith("immeuble") else "any"
    return None


_LOCK_BEFORE = re.compile(
    r"(?i:(?<![a-zà-ÿ])(?:key ?box|key ?safe|lock ?box|padlock|locker|keypad|door|gate|alarm|digicode|"
    r"tür|haustür|tor|schlüsselkasten|schlüsselsafe|schlüsseltresor|porte|portail|boîte à clés|puerta|"
    r"portón|portal|caja de llaves|candado|cancello|portone|cassetta)(?![a-zà-ÿ]))"
)


_ARTICLE_OR_MARK = re.compile(
    r"(?i:(?:^|[,:;(\-\u2013\u2014]|(?<![a-zà-ÿ])"
    r"(?:the|its|le|el|der|die|das|den|il|lo|o|and|und|et|y))[ \t]*)\Z"
)


def _bare_after_lock(text: str, start: int) -> bool:
    """A bare "code" right after punctuation or an article, with a lock named earlier in its sentence."""
    # the end of the line before the head, up to 64 characters, is all the pattern reads ("... the", ", "):
    # the whole line was searched for each head, quadratic on one long line ("code 4-7- " x n: 2.2 s at
    # 16 KB). A cut line starts with "\0", where `^` matches but no blank follows and no letter precedes.
    newline = text.rfind("\n", max(0, start - 64), start)
    line = newline + 1 if newline != -1 or start <= 64 else start - 64
    head = text[line:start] if newline != -1 or start <= 64 else "\0" + text[line:start]
    sentence = max(line, start - 48, text.rfind(". ", max(0, start - 48), start) + 1)
    return (
        _ARTICLE_OR_MARK.search(head) is not None and _LOCK_BEFORE.search(text, sentence, start) is not None
    )


def _mentions_lock(text: str, at: int) -> bool:
    window = text[max(0, at - 60) : at + 40].lower()
    return any(w in window for w in ("lock", "safe", "schloss", "tresor", "cadenas", "candado", "coffre"))


# Where a head noun can start: every index of one of `CODE_ROOTS` in the lower-cased text (empty: the
# text names no code); a group of roots is searched only when its rarest character occurs.
code_starts = starts_of(*CODE_ROOTS)


def scan_codes(text: str, lower: str, starts: list[int] | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every code value stated after a cue. The head is matched only where a root
    occurs (`starts`, default `code_starts(lower)`): a case-insensitive alternation tried at every
    position of a long text costs several times more."""
    named: tuple[int, str] | None = None  # the end and kind of the last head that named a secret code
    for start in code_starts(lower) if starts is None else starts:
        head = _HEAD.match(text, start)
        if head is None:
            continue
        kind = _kind(text, start, head.end())
        gaps: tuple[re.Pattern[str], ...] = (_GAP_SEP, _GAP_BLANK)
        if kind is None:
            kind = _anaphor(text, start, head.group(), named)
            if kind is None:
                continue
            # "the new code is 3283", "code: 3283": a separator or a verb binds the value; blanks alone
            # only after "new" ("nouveau code 3283"): "the code 2024 edition", "le code 75011" are no codes
            gaps = (
                (_GAP_NEAR, _GAP_BLANK)
                if _NEW_BEFORE.search(text, max(0, start - 16), start)
                else (_GAP_NEAR,)
            )
        else:
            named = (head.end(), kind)
        cue_end = head.end()
        after = _AFTER.match(text, cue_end)
        if after is not None:
            cue_end = after.end()
        plural = head.group().lower().endswith(("s", "ci"))
        for gap in gaps:  # the shortest gap that ends in a separator, else blanks
            m = gap.match(text, cue_end)
            found = _value(text, m.end(), kind) if m is not None else None
            if found is None and gap is _GAP_BLANK and plural:
                found = _next_line_value(text, cue_end, kind)  # "recovery codes -- keep them safe\n<list>"
            if found is not None:
                yield found
                yield from _more(text, found, kind, plural=plural)
                break


# A bare head that refers back to a code the text named before ("le code de la porte a changé\n
# nouveau code 3283"): a bare code head within `_ANAPHOR_REACH` characters after a head that named a
# secret, right after a determiner, "new"/"old" or a punctuation mark (the closed classes that make a
# noun refer back; "zip code", "error code" have a qualifier there instead)
_ANAPHOR_REACH = 240
_ANAPHOR_BEFORE = re.compile(
    r"(?i:(?:^|[,:;(\-\u2013\u2014]|(?<![a-zà-ÿ])(?:the|this|that|its|new|old|same|le|ce|cet|nouveau|"
    r"ancien|même|der|die|das|den|dem|dieser|diesen|neue|neuer|neuen|alte|alter|alten|el|este|ese|nuevo|"
    r"antiguo|mismo|il|lo|questo|nuovo|vecchio|o|novo|and|und|et|y))[ \t]*)\Z"
)
_NEW_BEFORE = re.compile(
    r"(?i:(?<![a-zà-ÿ])(?:new|nouveau|nouvel|nouvelle|neue|neuer|neuen|neues|nuevo|nueva|nuovo|nuova|novo|"
    r"nova)[ \t]*)\Z"
)
_GAP_NEAR = re.compile(r"(?:[ \t]*[:=\-\u2013\u2014\u2192]|[ \t]+(?:" + _VERBS + r")(?![\w]))[ \t:]*")
_ANAPHORS = frozenset({"code", "codes", "código", "codigo", "codice", "kod", "kode", "koden"})


def _anaphor(text: str, start: int, head: str, named: tuple[int, str] | None) -> str | None:
    """The kind of the code a bare head refers back to, or None."""
    if named is None or start - named[0] > _ANAPHOR_REACH or head.lower() not in _ANAPHORS:
        return None
    if start and (text[start - 1].isalpha() or text[start - 1] == "-"):
        return None  # glued: "postcode", "Gutscheincode"
    line = max(0, start - 24, text.rfind("\n", max(0, start - 24), start) + 1)
    return named[1] if _ANAPHOR_BEFORE.search(text[line:start]) is not None else None


def _next_line_value(text: str, at: int, kind: str) -> tuple[int, int] | None:
    """A plural cue's first value at the start of the next line, when the cue's line ends within 60
    characters: a list of codes under its heading."""
    newline = text.find("\n", at, at + 60)
    if newline == -1:
        return None
    start = newline + 1
    while start < len(text) and text[start] in " \t":
        start += 1
    found = _value(text, start, kind)
    return found if found is not None and found[0] == start else None


_DIGIT_RUN = re.compile(r"\d[\d \-]{11,24}\d(?!\d)")


def _starts_a_card(text: str, at: int) -> bool:
    """Whether a card number (13-19 digits in groups, Luhn-valid) starts at `at`: "es 3752 858478 14005"
    is the card detector's, not a code's first group."""
    run = _DIGIT_RUN.match(text, at)
    if run is None:
        return False
    digits = run.group().replace(" ", "").replace("-", "")
    return 13 <= len(digits) <= 19 and luhn_valid(digits)


def _value(text: str, at: int, kind: str) -> tuple[int, int] | None:
    if _starts_a_card(text, at):
        return None
    spelled = _SPELLED.match(text, at) if kind != "card" else None
    if spelled is not None:
        return spelled.start(), spelled.end()
    spaced = _SPACED_DIGITS.match(text, at)
    if spaced is not None and kind == "any" and len(spaced.group().replace(" ", "")) <= 8:
        return spaced.start(), spaced.end()
    m = _VALUE.match(text, at)
    if m is None:
        return None
    value = m.group(1)
    return (m.start(1), m.end(1)) if _fits(value, kind) else None


def _more(text: str, first: tuple[int, int], kind: str, plural: bool) -> Iterator[tuple[int, int]]:
    """The further values of a list after a plural cue ("backup codes: 1234-5678, 8765-4321")."""
    if not plural:
        return
    shape = len(text[first[0] : first[1]])
    end = first[1]
    for _ in range(16):
        sep = _LIST_SEP.match(text, end)
        if sep is None:
            return
        found = _value(text, sep.end(), kind)
        if found is None or found[1] - found[0] != shape:
            return
        yield found
        end = found[1]


_ANSWER = re.compile(
    r"(?i:security answer|secret answer|memorable (?:word|answer|information)|réponse secrète|"
    r"réponse de sécurité|respuesta secreta|respuesta de seguridad|sicherheitsantwort|geheimantwort|"
    r"risposta segreta|risposta di sicurezza|resposta secreta|resposta de segurança|"
    r"(?<![a-z])(?:answer|antwort|réponse|respuesta|risposta|resposta))(?![a-zà-ÿ])"
)
_QUESTION = re.compile(
    r"(?i:security question|secret question|question secrète|question de sécurité|pregunta secreta|"
    r"pregunta de seguridad|sicherheitsfrage|geheimfrage|domanda segreta|domanda di sicurezza|"
    r"pergunta secreta|pergunta de segurança)"
)
_ANSWER_VALUE = re.compile(
    r"[ \t]*(?:[:=]|(?:is|ist|lautet|est|es|è|é)(?!\w))[ \t]*"
    r"(?:[\"'«“„]([^\"'«»“”„\n]{1,40})[\"'»”“]|([^\s\"'«“„.,;:!?()][^\n.,;:!?()\"]{0,40}?))"
    r"[ \t]*(?=[\n.,;!?()]|\Z)"
)


# Where a match of `_ANSWER` can start: every alternative holds one of ANSWER_ROOTS at a fixed offset
# from its start, after a fixed prefix (0: the bare roots, "memorable ...", "réponse secrète", ...;
# 6 "geheim|antwort"; 7 "secret |answer"; 9 "security |answer"; 11 "sicherheits|antwort"). Matching
# only where a root stands after its prefix gives the same matches as `finditer` (leftmost first,
# never overlapping) without trying the alternation at every position of the text (~140 µs on a
# 300-character answer that says "answer" once), nor at offsets whose prefix is not there.
_ANSWER_PREFIXES = ((0, ""), (6, "geheim"), (7, "secret "), (9, "security "), (11, "sicherheits"))
_QUESTION_ROOTS = ("question", "frage", "pregunta", "domanda", "pergunta")  # one in every `_QUESTION` match


_question_root = any_of(*_QUESTION_ROOTS)
# Where one of ANSWER_ROOTS occurs in the lower-cased text (empty: no answer label can occur)
answer_starts = starts_of(*ANSWER_ROOTS)


def _after_question(text: str, lower: str, cue: int, whole: bool) -> bool:
    """Whether a security question stands in the 160 characters before `cue` (`whole`: the text folds
    apart from `lower`, so the regex decides without the roots' precheck)."""
    start = max(0, cue - 160)
    if not whole and not _question_root(lower[start:cue]):
        return False
    return _QUESTION.search(text, start, cue) is not None


def _answer_cues(text: str, lower: str, whole: bool, roots: list[int] | None) -> Iterator[re.Match[str]]:
    if whole:
        return _ANSWER.finditer(text)
    starts = set()
    for index in answer_starts(lower) if roots is None else roots:
        for offset, prefix in _ANSWER_PREFIXES:  # any root's: a start too many is only a failed match
            if offset <= index and lower.startswith(prefix, index - offset):
                starts.add(index - offset)
    return matches_at(_ANSWER, text, starts)


def scan_answers(
    text: str, lower: str | None = None, roots: list[int] | None = None
) -> Iterator[tuple[int, int]]:
    """(start, end) of the answer to a security question: a labeled answer, quoted or to the clause's end.
    `lower`: `text.lower()`, or the offset-keeping lower-casing of `PolicyEngine.scan`; `roots`:
    `answer_starts(lower)` when the caller has it."""
    lower = text.lower() if lower is None else lower
    whole = folds_apart(text)
    for cue in _answer_cues(text, lower, whole, roots):
        bare = " " not in cue.group() and not cue.group().lower().startswith(("sicherheits", "geheim"))
        if bare and not _after_question(text, lower, cue.start(), whole):
            continue  # a bare "Answer:" only after a security question
        m = _ANSWER_VALUE.match(text, cue.end())
        if m is None:
            continue
        group = 1 if m.group(1) is not None else 2
        value = m.group(group)
        if group == 2 and len(value.split()) > 4:
            continue
        yield m.start(group), m.start(group) + len(value.rstrip())
