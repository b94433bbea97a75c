"""Prompt-injection screening: scored detectors behind one Protocol.

`LayeredInjectionDetector` (the default) screens the raw text and, when an obfuscation was undone,
the normalized one (`normalize.py`); reads structural signals (`signals.py`) and the heuristic cues
below as named features; and scores words, bigrams and character n-grams with a linear classifier
trained offline on the project's own corpus (`classifier.py`, `dev/injection/`). Long texts are
screened in overlapping windows, so one injected paragraph in a long document is not diluted.
`HeuristicInjectionDetector` matches weighted cue patterns (EN/DE/FR/ES) and combines the weights
as independent evidence: 1 - prod(1 - w); it is one layer of the default and still usable alone.
A tenant's `injection_threshold` and `injection_action` decide what a score means.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.classifier import MODEL_PATH, LinearModel, load_models, text_features, words_of
from shared.policy.detectors import contains, has_digit
from shared.policy.normalize import decodes_to_text, deobfuscate, is_leet
from shared.policy.signals import carries_content, dialogue, signals

__all__ = [
    "HeuristicInjectionDetector",
    "InjectionDetector",
    "InjectionScore",
    "LayeredInjectionDetector",
    "view_features",
]


@dataclass(frozen=True, slots=True)
class InjectionScore:
    score: float
    cues: tuple[str, ...]  # names of the matched cues (never the text)


class InjectionDetector(Protocol):
    def score(self, text: str, allowed_hosts: frozenset[str] = frozenset()) -> InjectionScore:
        """`allowed_hosts`: the tenant's link allow-list (links elsewhere that carry data are a signal)."""
        ...


_IGNORE = r"(?:ignore|disregard|forget|skip|override|bypass|drop)"
_PRIOR = (
    r"(?:all\s+|any\s+|the\s+|your\s+|every\s+)*"
    r"(?:previous|prior|above|preceding|earlier|original|initial|system|safety)?"
)
_RULES = (
    r"(?:instructions?|prompts?|rules?|directives?|guidelines?|guardrails?|constraints?|policies|context)"
)
_CUES: dict[str, tuple[float, str]] = {
    "ignore_instructions": (
        0.75,
        rf"\b{_IGNORE}\s+{_PRIOR}\s*{_RULES}|\b{_IGNORE}\s+(?:everything|anything|all)\s+"
        r"(?:above|before|prior|previously|you were told)",
    ),
    "ignore_de": (
        0.75,
        r"\b(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte)\s+(?:\w+\s+){0,3}"
        r"(?:anweisungen|instruktionen|regeln|vorgaben|befehle)",
    ),
    "ignore_fr": (
        0.75,
        r"\b(?:ignore[rz]?|oublie[rz]?|ne tiens pas compte)\s+(?:\w+\s+){0,3}"
        r"(?:instructions|consignes|règles|directives)",
    ),
    "ignore_es": (
        0.75,
        r"\b(?:ignora|ignore|olvida|olvide|omite|descarta)\s+(?:\w+\s+){0,3}"
        r"(?:instrucciones|reglas|indicaciones|directrices)",
    ),
    "new_persona": (
        0.45,
        r"\b(?:you are now|from now on,? you(?: are|'re| will)|act as (?:an? )?(?:unrestricted|unfiltered|"
        r"evil|jailbroken)|pretend (?:to be|you are)|du bist (?:jetzt|ab sofort)|tu es maintenant|"
        r"a partir de ahora eres|ahora eres)",
    ),
    "jailbreak_terms": (0.6, r"\b(?:do anything now|developer mode|jailbreak|jailbroken|god mode)\b"),
    "jailbreak_acronyms": (0.35, r"(?-i:\b(?:DAN|STAN|DUDE)\b)"),
    "reveal_prompt": (
        0.6,
        r"\b(?:reveal|print|show|repeat|output|leak|display|tell me|give me|what (?:is|are|was))\s+"
        r"(?:me\s+)?(?:(?:your|the)\s+(?:(?:full|entire|exact|original|hidden|secret|initial)\s+)*system\s+prompt"
        r"|your\s+(?:(?:full|entire|exact|original|hidden|secret|initial)\s+)*"
        r"(?:instructions|prompt|rules|configuration)|the\s+(?:full|entire|exact|original|hidden|secret|initial)"
        r"\s+(?:instructions|prompt|rules|configuration))|\bshow\s+(?:me\s+)?the\s+full\s+prompt|"
        r"\b(?:zeig|nenne|gib)\w*\s+(?:mir\s+)?(?:deinen|deine|den)\s+(?:system-?prompt|anweisungen)|"
        r"\b(?:révèle|affiche|montre)\w*\s+(?:moi\s+)?(?:ton|tes|le)\s+(?:prompt|instructions)|"
        r"\b(?:revela|muestra|dime)\w*\s+(?:tu|tus|el)\s+(?:prompt|instrucciones)",
    ),
    "no_restrictions": (
        0.45,
        r"\b(?:without|no|ohne|sans|sin)\s+(?:any\s+)?(?:restrictions|filters|limits|censorship|rules|"
        r"einschränkungen|filter|restrictions|restricciones|filtros|límites)",
    ),
    "role_markup": (
        0.55,
        r"<\|im_start\|>|<\|system\|>|\[/?INST\]|<</?SYS>>|^\s*#{2,}\s*(?:system|instruction)s?\b|"
        r"\bBEGIN (?:SYSTEM|NEW) (?:PROMPT|INSTRUCTIONS)\b|^\s*system\s*:",
    ),
    "exfiltrate": (
        0.4,
        r"\b(?:send|post|upload|exfiltrate|forward|leak)\s+(?:\w+\s+){0,4}(?:to|an|à|a)\s+https?://",
    ),
    "verbatim": (0.35, r"\b(?:word for word|verbatim|wort für wort|mot pour mot|palabra por palabra)\b"),
    "leak_secret": (
        0.4,
        r"\b(?:leak|reveal|print|expose|dump)\s+(?:\w+\s+){0,3}(?:api keys?|passwords?|secrets?|credentials|"
        r"tokens?)\b",
    ),
    "override_safety": (
        0.7,
        r"\b(?:disable|turn off|deactivate|remove|bypass)\s+(?:\w+\s+){0,2}(?:safety|content|moderation|"
        r"filter|guardrails?|sicherheit\w*|sécurité|seguridad)",
    ),
    "hidden_instruction": (
        0.35,
        r"\b(?:important|new|updated|urgent)\s+(?:system\s+)?(?:instructions?|directives?)\s*:|"
        r"\bthe (?:user|assistant) (?:has|is) (?:authorized|an admin)|\bI am (?:your|the) (?:developer|admin"
        r"|creator|administrator)",
    ),
}
# Every match of a cue contains at least one of these words (lower-case, whole words), so a cue's
# regex runs only when one of them is in the text: benign prompts skip almost every pattern, which
# is what keeps screening far below a millisecond (one alternation over all cues cost ~0.6 ms per
# 300-character prompt, trying every branch at every position).
_TRIGGERS: dict[str, frozenset[str]] = {
    "ignore_instructions": frozenset({"ignore", "disregard", "forget", "skip", "override", "bypass", "drop"}),
    "ignore_de": frozenset(
        {"ignoriere", "ignorieren", "ignoriert", "ignorier", "vergiss", "vergessen", "missachte"}
    ),
    "ignore_fr": frozenset({"ignore", "ignorer", "ignorez", "oublie", "oublier", "oubliez", "tiens"}),
    "ignore_es": frozenset({"ignora", "ignore", "olvida", "olvide", "omite", "descarta"}),
    "new_persona": frozenset({"now", "act", "pretend", "bist", "maintenant", "ahora"}),
    "jailbreak_terms": frozenset({"anything", "developer", "jailbreak", "jailbroken", "god"}),
    "jailbreak_acronyms": frozenset({"dan", "stan", "dude"}),
    "reveal_prompt": frozenset(
        {
            "prompt",
            "instructions",
            "rules",
            "configuration",
            "anweisungen",
            "instrucciones",
            "system",
            "systemprompt",
        }
    ),
    "no_restrictions": frozenset(
        {
            "restrictions",
            "filters",
            "limits",
            "censorship",
            "rules",
            "einschränkungen",
            "filter",
            "restricciones",
            "filtros",
            "límites",
        }
    ),
    "role_markup": frozenset({"im_start", "system", "inst", "sys", "instruction", "instructions", "begin"}),
    "exfiltrate": frozenset({"http", "https"}),
    "verbatim": frozenset({"verbatim", "word", "wort", "mot", "palabra"}),
    "leak_secret": frozenset({"leak", "reveal", "print", "expose", "dump"}),
    "override_safety": frozenset({"disable", "turn", "deactivate", "remove", "bypass"}),
    "hidden_instruction": frozenset(
        {
            "instruction",
            "instructions",
            "directive",
            "directives",
            "authorized",
            "admin",
            "developer",
            "creator",
            "administrator",
        }
    ),
}
assert set(_TRIGGERS) == set(_CUES), "every cue needs its trigger words"
_PATTERNS = {name: re.compile(pattern, re.IGNORECASE | re.MULTILINE) for name, (_, pattern) in _CUES.items()}
_WEIGHTS = {name: weight for name, (weight, _) in _CUES.items()}
_WORD = re.compile(r"\w+")
_ANY_TRIGGER = frozenset().union(*_TRIGGERS.values())
_ANY_TRIGGER_BYTES = frozenset(word.encode() for word in _ANY_TRIGGER if word.isascii())
# ASCII text: every byte that is not a word character (`\w`: letters, digits, "_") becomes a space, so
# `bytes.split` yields exactly `_WORD.findall`'s words, in C and without a regex pass.
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)) + bytes(
    range(128, 256)
)


def _trigger_words(lower: str) -> set[str]:
    """The trigger words among the `\\w+` words of a lowercased text (what the cue gates read)."""
    if lower.isascii():
        found = _ANY_TRIGGER_BYTES.intersection(lower.encode().translate(_ASCII_WORDS).split())
        return {word.decode() for word in found}
    return set(_ANY_TRIGGER.intersection(_WORD.findall(lower)))


class HeuristicInjectionDetector:
    """Weighted cue patterns; each distinct cue counts once."""

    def score(self, text: str, allowed_hosts: frozenset[str] = frozenset()) -> InjectionScore:
        words = _trigger_words(text.lower())
        if not words:
            return InjectionScore(0.0, ())
        cues = {
            name
            for name, triggers in _TRIGGERS.items()
            if not words.isdisjoint(triggers) and _PATTERNS[name].search(text)
        }
        if not cues:
            return InjectionScore(0.0, ())
        remaining = 1.0
        for cue in cues:
            remaining *= 1.0 - _WEIGHTS[cue]
        return InjectionScore(round(1.0 - remaining, 4), tuple(sorted(cues)))


_HEURISTIC = HeuristicInjectionDetector()
_WINDOW = 1200  # characters per window of a long text (an injected paragraph fits in one)
_STEP = 900
_MAX_WINDOWS = 64  # beyond ~58 KB only the first and last windows are screened
# how far a window widens to the next space on each side: a word longer than this (a base64 blob, a
# minified JSON document) is cut, so a window is at most _WINDOW + 2 x _REACH characters
_REACH = 1024


def view_features(text: str, allowed: frozenset[str], chars: bool) -> list[tuple[str, list[str]]]:
    """The views a text is screened in: (view text, its named signals). The raw text, plus the
    normalized text when an obfuscation was undone. Training calls this too, so features match."""
    found = signals(text, allowed) + [f"cue_{c}" for c in _HEURISTIC.score(text).cues]
    views = [(text, found)]
    undone = deobfuscate(text)
    if undone is not None:
        normal, steps = undone
        extra = signals(normal, allowed) + [f"cue_{c}" for c in _HEURISTIC.score(normal).cues]
        views.append((normal, sorted(set(found + extra)) + [f"obf_{s}" for s in steps] + ["obfuscated"]))
    return views


def _windows(text: str) -> list[str]:
    if len(text) <= _WINDOW + _STEP // 2:
        return [text]
    starts = list(range(0, len(text) - _WINDOW // 2, _STEP))
    if len(starts) > _MAX_WINDOWS:
        starts = starts[: _MAX_WINDOWS // 2] + starts[-_MAX_WINDOWS // 2 :]
    out = []
    for start in starts:
        # widen to whitespace so words are not cut, by at most _REACH each side: a text without spaces
        # made every window the whole text (64 windows x n: 0.7 s of thread CPU on 32 KB, more on MBs)
        if start:
            left = text.rfind(" ", max(0, start - _REACH), start)
            left = max(0, start - _REACH) if left == -1 else left + 1
        else:
            left = 0
        right = text.find(" ", start + _WINDOW, start + _WINDOW + _REACH)
        out.append(text[left : min(len(text), start + _WINDOW + _REACH) if right == -1 else right])
    return out


_ESCALATE_CHARS = re.compile(  # Greek/Cyrillic look-alikes, full-width forms, zero-width and soft hyphens,
    # small capitals, script/double-struck and circled letters (not ™, №, ℃ or circled digits, which
    # ordinary text has), mathematical and squared letters, regional indicators: every styled alphabet
    # `normalize` folds back to ASCII
    "[\u0370-\u03ff\u0400-\u04ff\uff00-\uffef\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e"
    "\u0250-\u02af\u1d00-\u1d7f\ua730\ua731\u210a-\u2113\u2119-\u211d\u2124-\u2131\u2133-\u2139"
    "\u249c-\u24e9\U0001d400-\U0001d7ff\U0001f130-\U0001f189\U0001f1e6-\U0001f1ff]"
)
# leet: both branches start at a digit, so `re` skips to the next one at C speed (a leading letter
# class would try every position of ordinary prose)
_ESCALATE_RUNS = re.compile(r"[013457](?:(?<=[a-z].)(?=[a-z])|[a-z]{2,}[013457])")
_B64_RUN = re.compile(r"[A-Za-z0-9+/=_-]{20,}")  # a base64 run (the byte tables below find them; tests)
_LONG = 20  # characters: a base64 run shorter than this is not screened as one
# UTF-8 bytes: a character of `_B64_RUN` becomes "a", every other byte a space (non-ASCII characters
# are never base64), so `_LONG` a's in a row is exactly "some `_B64_RUN` matches": a table lookup per
# byte and a memmem, where a regex pass costs ~10x (and a word split a list of every word)
_B64_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-")
_B64_BYTES = bytes(ord("a") if c in _B64_CHARS else ord(" ") for c in range(256))
_B64_NEEDLE = b"a" * _LONG
_HEX_RUN = re.compile(r"\b[0-9a-fA-F]{2}(?:[ :][0-9a-fA-F]{2}){7,}")
_HEX_PAIRS = re.compile(r"[ :][0-9a-fA-F]{2}[ :][0-9a-fA-F]{2}[ :]")  # in every run of 8 pairs (tests)
# `_HEX_PAIRS` on the same UTF-8 bytes: a hex digit becomes "h", a space or colon "s", every other byte
# "x"; the pattern's seven ASCII characters are seven bytes, so a match is exactly the needle "shhshhs"
# (the regex was tried at every space of the window: ~12 µs per 1.2 KB window of the dense PII prompt)
_HEX_BYTES = bytes(
    ord("h") if chr(c) in "0123456789abcdefABCDEF" else ord("s") if chr(c) in " :" else ord("x")
    for c in range(256)
)
_HEX_NEEDLE = b"shhshhs"
_ESCALATE_LITERALS = (
    "<|", "[INST", "[/INST", "<<", "_of_turn>", "</", "<s", "\"role\"", "'role'", "functionCall",
    "function_call", "tool_call", "![", "](", "###", "ystem:", "YSTEM", "ssistant:", "[system", "[admin",
    "[ADMIN", "==", "%%%",
)  # fmt: skip
_LITERALS = re.compile("|".join(map(re.escape, _ESCALATE_LITERALS)))
_COMMON = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "to",
        "of",
        "is",
        "are",
        "be",
        "this",
        "that",
        "for",
        "with",
        "not",
        "der",
        "die",
        "das",
        "und",
        "du",
        "ist",
        "nicht",
        "le",
        "la",
        "les",
        "et",
        "tu",
        "est",
        "pas",
        "el",
        "los",
        "las",
        "y",
        "tu",
        "es",
        "no",
        "que",
        "de",
        "en",
        "un",
        "une",
        "ein",
        "eine",
        "a",
        "i",
    ]
)


_HEX_DIGITS = frozenset("0123456789abcdef")
# letters split by underscores ("S_h_o_w m_e"): one `\w+` token, so the single-letter count misses it
_UNDERSCORED = re.compile(r"(?<!\w)[^\W_](?:_[^\W_]){3,}(?!\w)")
# Every `_UNDERSCORED` match holds "_x_" (one letter between two underscores). `_UNDERSCORED` opens with a
# class and a look-behind, so `re` tries it at every position (~0.34 M instructions per 1.2 KB window of
# the dense PII bench prompt, which holds "aws_access_key_id"); this gate opens with a literal "_", which
# `re` skips ahead to, and is all that runs on text whose underscores join words ("snake_case_names").
_UNDERSCORED_GATE = re.compile(r"_[^\W_]_")
_LITERAL_GATE = contains(*_ESCALATE_LITERALS)  # rarest character first, then substring tests


def _leet_run(window: str) -> bool:
    """A digit inside letters whose word folds to a leet word ("1gn0r3"; not "gpt4", ids or hex)."""
    for m in _ESCALATE_RUNS.finditer(window):
        start, end = m.start(), m.end()
        while start and (window[start - 1].isalnum() or window[start - 1] in "@$"):
            start -= 1
        while end < len(window) and (window[end].isalnum() or window[end] in "@$"):
            end += 1
        word = window[start:end]
        if is_leet(word) and not _HEX_DIGITS.issuperset(word.lower()):  # "b5c5" of a UUID is not leet
            return True
    return False


def _encoded_text(window: str, digits: bool) -> bool:
    """A base64 or hex run that decodes to text (keys, ids and hashes do not). A base64 run is a
    maximal run of `_LONG` base64 characters or more (`_B64_RUN`'s matches; they are ASCII, one byte
    each, so the run of "a"s over the bytes is the run itself); hex text holds a space, byte "20".
    The runs are read off the bytes: splitting the window into words to find the long ones made a
    string of every word (~21 µs of the ~115 µs this cost on the dense PII prompt's two windows)."""
    raw = window.encode("utf-8", "surrogatepass")
    marks = raw.translate(_B64_BYTES)
    index = marks.find(_B64_NEEDLE)
    while index != -1:
        end = marks.find(b" ", index + _LONG)
        end = len(marks) if end == -1 else end
        if decodes_to_text(raw[index:end].decode("ascii")):
            return True
        index = marks.find(_B64_NEEDLE, end)
    if digits and "20" in window and _HEX_NEEDLE in raw.translate(_HEX_BYTES):
        return any(decodes_to_text(m.group()) for m in _HEX_RUN.finditer(window))
    return False


def _suspicious(
    window: str, tokens: list[str], words: set[str], allowed: frozenset[str] = frozenset()
) -> bool:
    """Cheap tests for what the fast model cannot see: obfuscation and structure. True sends the
    window through normalization, structural signals and the full model. Each regex runs only
    behind a necessary condition tested at C speed (ASCII text has no look-alike characters; leet
    and hex-encoded text hold digits; an encoded run is a long whitespace-free word)."""
    if not window.isascii() and _ESCALATE_CHARS.search(window):
        return True
    digits = has_digit(window, window)
    if digits and _leet_run(window):
        return True
    if _encoded_text(window, digits):
        return True
    if _LITERAL_GATE(window, window):
        return True
    if "://" in window and carries_content(window, allowed):
        return True  # a link outside the allow-list that would carry content out (not a signed URL)
    if dialogue(window):
        return True  # a pasted transcript: turns the user may have written for the assistant
    if "_" in window and _UNDERSCORED_GATE.search(window) and _UNDERSCORED.search(window):
        return True
    # no common word at all (reversed, ROT13, another encoding), or split letters
    if len(tokens) < 6:
        return False
    return _COMMON.isdisjoint(words) or list(map(len, tokens)).count(1) * 4 > len(tokens)


class LayeredInjectionDetector:
    """Normalization, structural signals, heuristic cues and a learned classifier (see the module
    docstring), as a cascade: every window is scored by the fast model (its words: a bytes-table
    split, a set and dict lookups); only windows that score above the gate, or that cheap tests find
    obfuscated or structured, pay for normalization, signals and character n-grams. The weights
    load on the first call, not at import."""

    def __init__(self, model_path: Path = MODEL_PATH) -> None:
        self._path = model_path
        self._models: tuple[LinearModel, LinearModel, float] | None = None

    def score(self, text: str, allowed_hosts: frozenset[str] = frozenset()) -> InjectionScore:
        models = self._models
        if models is None:  # the first screen of this instance (no Path hash per call after it)
            models = self._models = load_models(self._path)
        fast, full, gate = models
        best: float = 0.0
        best_cues: tuple[str, ...] = ()
        for window in _windows(text):
            tokens = words_of(window)
            p, words = fast.words_probability(tokens)
            if p < gate and not _suspicious(window, tokens, words, allowed_hosts):
                best = max(best, p)
                continue
            for view, named in view_features(window, allowed_hosts, chars=True):
                p = full.probability(text_features(view, named, chars=True))
                if p > best:
                    best, best_cues = p, tuple(named)
        # never exactly 1: a tenant threshold of 1.0 means "never block on the score alone"
        return InjectionScore(min(round(best, 4), 0.9999), ("classifier", *best_cues) if best else ())
