"""Prompt-injection screening: a scored detector behind a Protocol, with a heuristic default.

`HeuristicInjectionDetector` matches weighted cue patterns (English, German, French, Spanish) in one
precompiled alternation and combines the weights as independent evidence: 1 - prod(1 - w). A
tenant's `injection_threshold` and `injection_action` decide what a score means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

__all__ = ["HeuristicInjectionDetector", "InjectionDetector", "InjectionScore"]


@dataclass(frozen=True, slots=True)
class InjectionScore:
    score: float
    cues: tuple[str, ...]  # names of the matched cues (never the text)


class InjectionDetector(Protocol):
    def score(self, text: str) -> InjectionScore: ...


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

    def score(self, text: str) -> InjectionScore:
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
