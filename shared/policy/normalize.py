"""Undo the obfuscations attackers use before an injection is screened.

`deobfuscate(text)` returns the text with zero-width characters removed, full-width and homoglyph
letters folded to ASCII, digits-for-letters undone inside words, split letters rejoined, reversed
lines turned around and base64 / hex / ROT13 segments decoded, plus the names of the steps that
changed something; or None when nothing did (the common case, decided by cheap tests). The screen
scores both the raw and the normalized text.
"""

from __future__ import annotations

import binascii
import codecs
import unicodedata

from shared import lazy_re as re  # compiled on first use: cold start

__all__ = ["decodes_to_text", "deobfuscate", "is_leet"]

_ZERO_WIDTH = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0x180E]
)
# Letters that NFKC leaves alone but that read as Latin ones: small capitals (IPA and phonetic blocks),
# squared / negative circled / negative squared Latin capitals and regional indicators (NFKC folds
# full-width, circled and mathematical letters itself).
_STYLED: dict[int, int | str | None] = {
    **{ord(c): a for c, a in zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz", strict=True)},
    **{base + i: chr(ord("A") + i) for base in (0x1F130, 0x1F150, 0x1F170, 0x1F1E6) for i in range(26)},
}
# Cyrillic and Greek letters that render like Latin ones (the usual homoglyph substitutions), and the above.
_HOMOGLYPHS = {
    **str.maketrans(
        "аеорсухіјѕԁɡһԛԝАВЕКМНОРСТХІЈЅοαινκτρυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ",
        "aeopcyxijsdghqwABEKMHOPCTXIJSoaivktpuxABEHIKMNOPTYXZ",
    ),
    **_STYLED,
}
_LEET = str.maketrans("013457@$", "oieastas")
_LEET_WORD = re.compile(r"(?<![\w.])(?=[\w@$]*[a-zA-Z])(?=[\w@$]*[013457@$])[\w@$]{3,}(?![\w])")
_SPLIT = re.compile(r"(?<!\w)(?:\w(?:[ .\-_*|/+]|  ))\w(?:[ .\-_*|/+]{1,2}\w){2,}(?!\w)")
_B64 = re.compile(r"(?<![\w+/=-])[A-Za-z0-9+/_-]{16,}={0,2}(?![\w+/=-])")
_HEX = re.compile(r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}(?:[ :,]|\\x|0x)?){10,}")
_WORDS = re.compile(r"[a-zà-ÿ]+")
# Frequent short words of EN/DE/FR/ES: a decoding is kept only when it reads more like prose.
_COMMON = frozenset(
    """the and you your to of is are be this that all now from with for not any what tell print show
    reveal ignore previous instructions system prompt rules new do say me my it in on as are was
    der die das und du dein deine ist nicht alle jetzt mit von zu ich
    le la les et tu ton tes est pas tous maintenant avec de je
    el los las y tu tus es no todas ahora con de yo que""".split()
)
_REVERSED_COMMON = frozenset(word[::-1] for word in _COMMON if len(word) > 2)


def _prose_score(text: str) -> int:
    return sum(word in _COMMON for word in _WORDS.findall(text.lower()))


def _printable(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if " " not in text:  # (the cheapest of the three tests first)
        return None
    if not text.isprintable() and sum(c.isprintable() or c in "\n\t" for c in text) < 0.95 * len(text):
        return None
    letters = sum(c.isalpha() or c == " " for c in text)
    return text if letters >= 0.6 * len(text) else None


_URL_SAFE = bytes.maketrans(b"-_", b"+/")  # what b64decode's altchars=b"-_" translates


def _decode_segments(text: str, steps: list[str]) -> list[str]:
    found: list[str] = []
    for m in _B64.finditer(text):
        token = m.group()
        if token.isalpha() or token.isdigit():
            continue  # a long word or number, not an encoding
        try:  # `base64.b64decode(..., altchars=b"-_")` without its wrapper: the token is ASCII (`_B64`)
            raw = binascii.a2b_base64((token + "=" * (-len(token) % 4)).encode().translate(_URL_SAFE))
        except (binascii.Error, ValueError):
            continue
        if b" " not in raw:
            continue  # `_printable` wants a space, and only byte 0x20 decodes to one
        decoded = _printable(raw)
        if decoded is not None:
            found.append(decoded)
            steps.append("base64")
    # a decoding is text only with a space in it (`_printable`), byte 0x20: the pair "20" of a match
    # (its bytes are its digit pairs, each pair two adjacent characters), so without "20" in the text
    # no match can decode to text (the regex costs ~3.6 µs on a 36-character UUID)
    for m in _HEX.finditer(text) if "20" in text else ():
        digits = re.sub(r"[^0-9A-Fa-f]|0x|\\x", "", m.group().replace("0x", "").replace("\\x", ""))
        try:
            decoded = _printable(bytes.fromhex(digits[: len(digits) // 2 * 2]))
        except ValueError:
            continue
        if decoded is not None:
            found.append(decoded)
            steps.append("hex")
    return found


def decodes_to_text(segment: str) -> bool:
    """Whether a base64 or hex run decodes to readable text (a key, an id or a hash does not)."""
    return bool(_decode_segments(segment, []))


def deobfuscate(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(normalized text, steps applied) or None when no step changes anything."""
    steps: list[str] = []
    out = text
    if not text.isascii():
        folded = unicodedata.normalize("NFKC", out.translate(_ZERO_WIDTH)).translate(_HOMOGLYPHS)
        if folded != out:
            stripped = out.translate(_ZERO_WIDTH)
            steps.append("zero_width" if stripped != out else "")
            if unicodedata.normalize("NFKC", stripped) != stripped:
                steps.append("fullwidth")
            if folded != unicodedata.normalize("NFKC", stripped):
                steps.append("homoglyph")
            out = folded
    if _LEET_WORD.search(out):
        leet = _LEET_WORD.sub(lambda m: m.group().translate(_LEET) if is_leet(m.group()) else m.group(), out)
        if leet != out:  # one clear leet word: then "4ll" and "th3" in the same text are leet too
            out = _LEET_WORD.sub(lambda m: _fold_weak(m.group()), leet)
            steps.append("leet")
    if _SPLIT.search(out):
        joined = _SPLIT.sub(_rejoin, out)
        if joined != out:
            out = joined
            steps.append("split_letters")
    extra = _decode_segments(out, steps)
    lowered = out.lower()
    words = _WORDS.findall(lowered)
    if len(words) >= 3:
        forward = sum(word in _COMMON for word in words)
        if sum(word in _REVERSED_COMMON for word in words) > max(1, forward):
            extra.append(out[::-1])
            steps.append("reversed")
        elif forward * 5 < len(words) or "rot" in lowered:
            rot = codecs.decode(out, "rot13")
            if _prose_score(rot) > max(1, forward) * 2:
                extra.append(rot)
                steps.append("rot13")
    steps = [s for s in steps if s]
    if not steps:
        return None
    return "\n".join([out, *extra]), tuple(dict.fromkeys(steps))


def is_leet(word: str) -> bool:
    """'1gn0r3', 'pr3v10us' are leet; 'gpt4', 'b2b', 'x86', ids and keys ('AKIA...7EXAMPLE') are not:
    two substituted characters or more, lower-case letters, and a word once folded."""
    digits = sum(c in "013457@$" for c in word)
    if digits < 2 or not any(c.islower() for c in word) or sum(c.isdigit() for c in word) > len(word) / 2:
        return False
    return word.translate(_LEET).isalpha()


def _fold_weak(word: str) -> str:
    folded = word.translate(_LEET)
    return folded if folded.isalpha() and any(c.isalpha() for c in word) else word


def _rejoin(m: re.Match[str]) -> str:
    """'i g n o r e  a l l' -> 'ignore all': single separators join letters, double ones split words."""
    chunk = m.group()
    words = re.split(r"\s{2,}|[ ]?/[ ]?(?=\w[ .\-_*|+])", chunk)
    return " ".join(re.sub(r"[ .\-_*|/+]", "", word) for word in words)
