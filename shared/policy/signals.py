"""Structural injection signals: what an attack's shape gives away whatever its words.

- fake role delimiters and chat-template tokens (`<|im_start|>system`, `[INST]`, `### System:`, ...);
- JSON that imitates a request's `contents`/`messages` or a tool call;
- markdown images and links whose URL goes to a host outside the tenant's allow-list, with data
  (a query value or a placeholder to fill in) in it: the zero-click exfiltration channel;
- a request to process a document (summarize, translate, review, ...) whose body addresses the
  assistant: instructions inside untrusted content.

`signals(text, allowed_hosts)` returns signal names; the classifier reads them as features, and
`exfil_links` is shared with the answer-side check.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote_plus, urlsplit

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.anchors import folds_apart
from shared.policy.classifier import words_of
from shared.policy.normalize import decodes_to_text

__all__ = ["carries_content", "dialogue", "exfil_links", "host_allowed", "signals"]

_ROLE_TOKEN = re.compile(
    r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id)\|>|\[/?INST\]|<</?SYS>>|"
    r"<(?:start|end)_of_turn>|</?(?:system|assistant|user|developer)>|^\s*(?:#{1,4}\s*|\[|<<|==\s*|%%%\s*)?"
    r"(?:system|assistant|developer|admin|operator|sys)(?:\s+(?:message|note|prompt|override|directive))?"
    r"\s*(?:\]|>>|==|%%%)?\s*:|^\s*\[(?:system|admin|developer)\]|\n\n(?:human|assistant):",
    re.IGNORECASE | re.MULTILINE,
)
_ROLE_GATE = ("<|", "[INST", "[/INST", "<<", "_of_turn", "</", "<s", "<a", "<d", "<u", ":", "[")
_JSON_ROLE = re.compile(
    r"\"role\"\s*:\s*\"(?:system|model|assistant|developer|tool|function)\"|\"(?:functionCall|function_call|"
    r"tool_calls|tool_call|systemInstruction|system_instruction)\"\s*:|<tool_call>",
    re.IGNORECASE,
)
_MD_URL = re.compile(r"(!?)\[[^\]\n]{0,200}\]\(\s*(https?://[^)\s]+)")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_PLACEHOLDER = re.compile(r"\{[^}]{0,40}\}|<[^>]{0,40}>|\$[A-Za-z_]{2,}|\b[A-Z]{4,}\b|%s|\[[A-Z_]{3,}\]|=$")
# a slot to fill in, as a whole query value ("?d=SUMMARY", "{chat}", "<data>", "$HISTORY"): unlike
# `_PLACEHOLDER`, capitals inside a value ("AWS4-HMAC-SHA256" of a signed URL) are not a slot
_SLOT = re.compile(
    r"\{[^}]{0,40}\}|<[^>]{0,40}>|\$[A-Za-z_]{2,}|%s|\[[A-Z_]{3,}\]|=$|(?:^|[=&])[A-Z][A-Z_]{3,}(?:&|$)"
)
# a transcript pasted into the prompt, with turns the user did not have: two speakers or more, one of
# them the assistant's side ("User: ... Assistant: ...", "Nutzer:/Assistent:", "Usuario:/Asistente:")
_SPEAKER = re.compile(
    r"^[ \t>*_]*(user|human|me|q|usuario|nutzer|benutzer|utilisateur|client|cliente|kunde|customer|"
    r"assistant|assistent|asistente|ai|ki|ia|bot|model|modelo|modell|a|system|sistema)[ \t*_]*:",
    re.IGNORECASE | re.MULTILINE,
)
_MACHINE_SIDE = frozenset(
    ["assistant", "assistent", "asistente", "ai", "ki", "ia", "bot", "model", "modelo", "modell", "a"]
) | {"system", "sistema"}


# a meta request about a quoted text (classify it, explain it, write a rule that detects it): what a
# security team sends with an attack inside quotes; the model weighs it against the quoted words
_META = re.compile(
    r"^\W{0,3}(?:\w+[ ,]+){0,6}?(?:is (?:this|the following|it|that)|classify|label|categori[sz]e|"
    r"detect|flag|"
    r"explain (?:why|what|how)|rate |score |regex|detection rule|red[- ]team|moderation|"
    r"(?:what|which) (?:type|kind|family|sort) of (?:attack|injection)|security (?:training|awareness)|"
    r"ist (?:das|dies|folgende)|klassifizier|kennzeichne|erkenn|einordn|"
    r"erklär\w*[ ,]+(?:(?:mir|uns)[ ,]+)?(?:warum|wieso|weshalb|was|wie)|welche (?:art|angriffsart)|"
    r"sicherheitsschulung|"
    r"est-ce|classe|classifie|étiquet|détect|s'agit-il|"
    r"expliqu\w*(?:-moi|-nous)?[ ,]+(?:pourquoi|ce que|comment)|quel (?:type|genre) d'attaque|"
    r"formation (?:à la |en )?sécurité|"
    r"es esto|se trata|clasifica|etiqueta|detect|"
    r"expl[ií]ca\w*[ ,]+(?:por qué|qué|cómo)|qué tipo de ataque|formación (?:de|en) seguridad)",
    re.IGNORECASE,
)
_QUOTES = ('"', "«", "„", "“", "'", "`", ">", ":")


def dialogue(text: str) -> bool:
    """Two speaker labels or more at line starts, one of them the machine's side (and one not)."""
    if "\n" not in text or ":" not in text:
        return False
    labels = {m.group(1).lower() for m in _SPEAKER.finditer(text)}
    return len(labels) >= 2 and not labels.isdisjoint(_MACHINE_SIDE) and not labels <= _MACHINE_SIDE


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_DOC_TASK = re.compile(
    r"^\W{0,3}(?:\w+[ ,]+){0,4}?(?:summari[sz]e|translate|review|proofread|extract|classify|analy[sz]e|"
    r"rewrite|what is this|tl;?dr|key points|read|check|fasse|übersetze|prüfe|korrigiere|extrahiere|worum|"
    r"analysiere|"
    r"résume|traduis|relis|analyse|extrais|de quoi|resume|traduce|revisa|corrige|extrae|de qué|analiza)",
    re.IGNORECASE,
)
_DOC_BREAK = re.compile(r":\s+|\n\s*\n|\n-{3,}|<document>|```")
_AI_WORDS = re.compile(
    r"\b(?:ai|a\.i\.|assistants?|language models?|llms?|chatbot|gpt|gemini|ai model|summari[sz]er|agent|ki|"
    r"sprachmodelle?|assistenten|ia|modèles? de langage|assistant|modelos? de lenguaje|asistente|agente)\b",
    re.IGNORECASE,
)


_AI = (
    r"(?:ai|a\.i\.|assistant|language model|llm|chatbot|gpt|gemini|ai model|summari[sz]er|ai agent|ki|"
    r"sprachmodell|assistent|ia|modèle(?: de langage)?|modelo(?: de lenguaje)?|asistente|agente|system)s?"
)
_AI_VOCATIVE = re.compile(
    rf"\b(?:dear|hey|hi|hello|attention|note to|notice to|message to|instructions? (?:for|to)|p\.s\. to|"
    rf"liebe[rs]?|hallo|hinweis an|an (?:die|den|das)|achtung|chère?|note (?:au|à|pour)|attention|à l'|"
    rf"querid[oa]|hola|nota para|atención|para (?:el|la))\s+(?:the\s+|any\s+|all\s+|an?\s+|l'|le\s+|la\s+|"
    rf"el\s+|los\s+)?{_AI}\b|\b{_AI}(?:\s+only)?\s*[:,](?!\s*\d)|\bif you(?:'re| are) an?\s+{_AI}\b|"
    rf"\b(?:falls du|wenn du) (?:eine?|ein) {_AI}\b|\bsi (?:tu es|vous êtes) une? {_AI}\b|"
    rf"\bsi eres una? {_AI}\b|"
    rf"\b(?:for|für|pour|para) (?:the |die |den |l'|el |la )?{_AI} only\b|"
    rf"\b{_AI}s? (?:reading|processing) this\b",
    re.IGNORECASE,
)
# Every match of `_AI_VOCATIVE` holds an `_AI` name whose first word is a whole `\w+` word of the text
# (bounded by `\b`, a space, "'" or ":"; "a.i.", whose first word is "a", aside). So the regex runs
# only when one of these words (with the pattern's optional plural "s", twice) or "a.i." is among the
# text's lower-case words: the alternation tried at every position costs ~390 µs per 300 characters,
# the word split a few. IGNORECASE folds a few letters that `str.lower()` does not give (dotless i and
# long s match "i" and "s", capital I with a dot lowers to two characters): text holding one of them
# runs the regex as before.
_AI_FIRST = frozenset(
    word + plural
    for word in (
        "ai", "assistant", "language", "llm", "chatbot", "gpt", "gemini", "summariser", "summarizer", "ki",
        "sprachmodell", "assistent", "ia", "modèle", "modelo", "asistente", "agente", "system",
    )
    for plural in ("", "s", "ss")
)  # fmt: skip


def _may_address_ai(text: str) -> bool:
    """False only when `_AI_VOCATIVE` cannot match anywhere in `text` (a necessary condition)."""
    if folds_apart(text):
        return True
    return not _AI_FIRST.isdisjoint(words_of(text)) or "a.i." in text.lower()


def host_allowed(host: str, allowed: frozenset[str]) -> bool:
    """`host` is an allow-listed host or a subdomain of one."""
    host = host.lower().rstrip(".")
    while host:
        if host in allowed:
            return True
        _, _, host = host.partition(".")
    return False


def exfil_links(text: str, allowed: frozenset[str]) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_image) of URLs to hosts outside `allowed` that carry data: a query or fragment
    value, or a placeholder to be filled in. Markdown images count even without data (they load by
    themselves); plain URLs count when their data part looks like a payload."""
    if "://" not in text:
        return
    for m in _URL.finditer(text):
        url = m.group()
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        if not parts.hostname or host_allowed(parts.hostname, allowed):
            continue
        image = (
            text[max(0, m.start() - 200) : m.start()].rstrip("( ").endswith("]")
            and "![" in text[max(0, m.start() - 200) : m.start()]
        )
        data = parts.query or parts.fragment
        placeholder = _PLACEHOLDER.search(data) is not None or url.endswith(("=", "?"))
        if (image and (data or placeholder)) or placeholder or len(data) >= 24:
            yield m.start(), m.end(), image


def _reads_as_content(data: str) -> bool:
    """A query or fragment value that reads as text: URL-encoded words ("a+b", "a%20b") or a base64 /
    hex run that decodes to text. A signature, session id or key is one opaque token and does not."""
    for value in re.split(r"[&;#]", data):
        value = value.partition("=")[2] or value
        if len(value) < 8:
            continue
        words = unquote_plus(value).split()
        if len(words) >= 2 and sum(w.isalpha() for w in words) >= 2:
            return True
        if decodes_to_text(value):
            return True
    return False


def carries_content(text: str, allowed: frozenset[str]) -> bool:
    """Whether a link to a host outside `allowed` would carry content out: an image, a placeholder to
    fill in, or a value that reads as text (not a pre-signed URL's signature or a session token).
    The injection screen's cheap escalation test: ordinary links with ids and tokens stay on the
    fast path."""
    for start, end, image in exfil_links(text, allowed):
        url = text[start:end]
        parts = urlsplit(url)
        data = parts.query or parts.fragment
        if image or _SLOT.search(data) is not None or url.endswith(("=", "?")):
            return True
        if _reads_as_content(data):
            return True
    return False


def signals(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Names of the structural signals in `text` (lower-case literal gates first, regexes after)."""
    out: list[str] = []
    if any(gate in text for gate in _ROLE_GATE) and _ROLE_TOKEN.search(text):
        out.append("role_token")
    if ('"' in text or "<tool_call>" in text) and _JSON_ROLE.search(text):
        out.append("json_role")
    if "://" in text:
        for _, _, image in exfil_links(text, allowed):
            out.append("exfil_image" if image else "exfil_url")
            break
        for m in _MD_URL.finditer(text):
            if m.group(1) and not host_allowed(urlsplit(m.group(2)).hostname or "", allowed):
                out.append("external_image")
                break
    if dialogue(text):
        out.append("dialogue_turns")
    if any(q in text for q in _QUOTES) and _META.search(text[:200]):
        out.append("meta_request")
    if "@" in text and _EMAIL.search(text):
        out.append("email_address")
    head = text[:240]
    vocative = _may_address_ai(text)
    if _DOC_TASK.search(head) and _DOC_BREAK.search(text, 0, 400):
        out.append("doc_task")
        split = _DOC_BREAK.search(text, 0, 400)
        if split is not None and _AI_WORDS.search(text, split.end()):
            out.append("doc_addresses_ai")
        if split is not None and vocative and _AI_VOCATIVE.search(text, split.end()):
            out.append("doc_ai_vocative")
    if vocative and _AI_VOCATIVE.search(text):
        out.append("ai_vocative")
    return out
