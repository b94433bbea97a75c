"""Request frames of a question for the semantic hit decision (`decision.py`): the words a writer puts
around a question to ask it politely or formally, recognised by their structure, not as fixed formulas.

    embedded   a sentence opening with a frame and then an embedded question word: 'Would you be so
               kind as to explain how I might ...', 'Könnten Sie mir mitteilen, wie ...', 'Pourriez-vous
               m'indiquer où ...', '¿Me podría decir cuándo ...': the frame goes, the question word
               stays ('whether'/'if', 'ob', 'si' go too: a yes/no question)
    help       a frame asking for help with an action ('Can you help me reset ...', 'Could you walk
               me through resetting ...', 'I would appreciate your guidance on resetting ...',
               '¿Me ayudas a restablecer ...?'): the frame becomes the language's 'how'

A frame is a run of words before the question word that are all frame words of the language
(modals addressed to the reader, pronouns, verbs of telling, explaining, knowing, asking, helping,
wishing and politeness: `FRAME`) and hold at least one verb of telling/knowing/helping (`ASKING`).
Anything else before the question word (a noun, a negation, a name, a number, 'do I need to know')
keeps the sentence whole: precision first. Words are compared without accents ('podria').
"""

from __future__ import annotations

import re
from functools import lru_cache

from shared.cache.lexicon import fold

__all__ = ["strip_frame"]


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Every word a frame may hold (casefolded, accents folded).
FRAME: dict[str, frozenset[str]] = {
    "en": _set(
        "could can would will may might you u please pls plz kindly i me we us be so kind as to able "
        "mind let "
        "know tell explain clarify advise inform show help assist guide walk through remind confirm "
        "describe wondering wonder wondered was were am like love want wanted need needed hoping hope "
        "appreciate grateful happy glad someone anyone somebody anybody possibly perhaps maybe just "
        "quickly briefly ask asking enquire inquire curious understand learn find out figure sure "
        "there hi hello hey team all folks dear good morning afternoon evening a an the quick question "
        "some guidance instructions advice pointers any idea really d m your on with in for do does "
        "telling explaining letting showing helping"
    ),
    "de": _set(
        "können könnten kannst könntest würden würdest würde wäre wären sie du ihr mir mich uns bitte "
        "mal gerne gern kurz sagen erklären erläutern mitteilen zeigen helfen wissen verraten weißt gewusst "
        "beschreiben möchte möchten wüsste wollte will ich frage fragen hätte eine kurze hallo hi "
        "guten tag morgen liebes team sehr geehrte damen und herren vielleicht nett so freundlich "
        "dürfte darf erfahren interessiert mich es"
    ),
    "fr": _set(
        "pourriez pouvez pourrais peux pourrait vous tu me m moi dire expliquer indiquer préciser "
        "savoir voudrais aimerais souhaiterais souhaite veux voulais je j demande demandais "
        "bonjour salut merci s il plaît plait svp stp rappeler confirmer montrer aider éclairer "
        "auriez l amabilité de d serait possible est ce que à"
    ),
    "es": _set(
        "podría podrías puede puedes pueden podrían usted ustedes me decir decirme explicar "
        "explicarme explícame dime dígame indicar indicarme indíqueme saber quisiera quería gustaría "
        "quiero sabe sabes favor por hola buenas buenos días tardes le agradecería que mostrar "
        "mostrarme confirmar confirmarme aclarar aclararme recordar recordarme yo ayudar ayudarme "
        "ayudarnos ayudas ayuda ayudaría a con"
    ),
}

# A frame holds at least one verb of telling, knowing or helping.
ASKING: dict[str, frozenset[str]] = {
    "en": _set(
        "telling explaining letting showing helping know tell explain clarify advise inform show help "
        "assist guide walk remind confirm describe "
        "wondering wonder wondered ask asking enquire inquire curious understand learn find figure "
        "guidance instructions advice pointers idea"
    ),
    "de": _set(
        "sagen erklären erläutern mitteilen zeigen helfen wissen weißt gewusst verraten beschreiben frage "
        "fragen erfahren"
    ),
    "fr": _set(
        "dire expliquer indiquer préciser savoir demande demandais rappeler confirmer montrer aider éclairer"
    ),
    "es": _set(
        "decir decirme explicar explicarme explícame dime dígame indicar indicarme indíqueme saber "
        "mostrar mostrarme confirmar confirmarme aclarar aclararme recordar recordarme sabe sabes ayudar "
        "ayudarme ayudarnos ayudas ayuda ayudaría"
    ),
}

# Question words a frame may embed; the yes/no ones ('whether', 'ob', 'si') go with the frame.
EMBEDDED: dict[str, frozenset[str]] = {
    "en": _set("how where when why what which who whom whose"),
    "de": _set(
        "wie wo wann warum was welche welcher welches welchen welchem wer wen wem wieso weshalb wohin woher"
    ),
    "fr": _set("comment où quand pourquoi quel quelle quels quelles qui combien"),
    "es": _set("cómo dónde cuándo cuál cuáles quién quiénes cuánto cuántos cuánta cuántas qué"),
}
YES_NO: dict[str, frozenset[str]] = {
    "en": _set("whether if"),
    "de": _set("ob"),
    "fr": _set("si"),
    "es": _set("si"),
}

# 'help me (to) reset', 'walk me through resetting', 'guidance on resetting': the frame asks how.
_HELP_SOURCES: dict[str, str] = {
    "en": (
        r"(?:\b(?:help|assist|show|guide|walk)\s+(?:me|us)(?:\s+(?:to|with|in|on|through))?"
        r"|\b(?:help|assistance|guidance|instructions|advice|support|pointers)\s+(?:with|on|for|in))\s+"
        r"(?=\w+ing\b|\w+\b)"
    ),
    "fr": r"\b(?:m'|me|nous)\s*aider\s+(?:à|a)\s+",
    "es": r"\b(?:ayudarme|ayudarnos|ayudas|ayuda|ayudaría|ayudar)\s+(?:a|con)\s+",
}
_HELP = {lang: re.compile(fold(source)) for lang, source in _HELP_SOURCES.items()}
_HOW = {"en": "how", "de": "wie", "fr": "comment", "es": "cómo"}
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESSEES = frozenset({"you", "anyone", "someone", "somebody", "anybody"})
_SENTENCE = re.compile(r"(?<=[.?!;])\s+")


def _frame_words(words: list[str], lang: str) -> bool:
    frame, asking = FRAME[lang], ASKING[lang]
    folded = [fold(w) for w in words]
    return bool(folded) and all(w in frame for w in folded) and any(w in asking for w in folded)


def _frame_then_question(rest: list[re.Match[str]], lang: str) -> bool:
    """More frame words and then an embedded question word."""
    for count, match in enumerate(rest):
        if match.group() in EMBEDDED[lang]:
            return count > 0
        if match.group() not in FRAME[lang]:
            return False
    return False


def _sentence(sentence: str, lang: str) -> str:
    folded = fold(sentence.casefold())
    if len(folded) != len(sentence):
        return sentence
    words = list(_WORD.finditer(folded))
    leading = sentence[: len(sentence) - len(sentence.lstrip(" ¿¡"))]
    for index, match in enumerate(words):
        word = match.group()
        if word in YES_NO[lang] and _frame_then_question(words[index + 1 :], lang):
            continue  # 'I was wondering whether you could tell me how ...': still the frame
        if word in EMBEDDED[lang] or word in YES_NO[lang]:
            if index == 0 or not _frame_words([w.group() for w in words[:index]], lang):
                return sentence
            start = match.end() if word in YES_NO[lang] else match.start()
            return leading + sentence[start:].lstrip(" ,")
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if lang == "en" and word in ("do", "does") and following not in _ADDRESSEES:
            return sentence  # 'do I need to know how': the frame is the question's own verb
    help_match = _HELP[lang].search(folded) if lang in _HELP else None
    if help_match:
        head = [w.group() for w in words if w.end() <= help_match.end()]
        if _frame_words(head, lang):
            return leading + _HOW[lang] + " " + sentence[help_match.end() :]
    return sentence


@lru_cache(maxsize=4096)
def strip_frame(text: str, lang: str) -> str:
    """`text` with the request frame of each sentence removed (unchanged when there is none)."""
    if lang not in FRAME:
        return text
    return " ".join(_sentence(s, lang) for s in _SENTENCE.split(text.strip()))
