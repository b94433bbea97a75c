"""Generate the injection training corpus from the hand-written seeds (deterministic).

`python -m dev.injection.make_corpus` writes dev/injection/train.jsonl (the classifier's training
data) and bench/policy/injection_dev.jsonl (a dev split built only from held-out seeds: every fifth
item of each seed list never appears in training). Records: {"id", "text", "label", "family"|"kind",
"lang"}. Dev-only: nothing here is imported by the deployed code.
"""

from __future__ import annotations

import base64
import codecs
import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from dev.injection import breadth as B
from dev.injection import freeform as F
from dev.injection import plain as P
from dev.injection import registers as R
from dev.injection import seeds as S
from dev.injection import styles as Y
from dev.injection.devsplit import half

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "dev" / "injection" / "train.jsonl"
DEV = ROOT / "bench" / "policy" / "injection_dev.jsonl"
DEV3 = ROOT / "bench" / "policy" / "injection_dev3.jsonl"  # held-out seeds of registers.py
DEV4 = ROOT / "bench" / "policy" / "injection_dev4.jsonl"  # held-out styles of breadth.py
DEV6 = ROOT / "bench" / "policy" / "dev-2026-12-03" / "injection.jsonl"  # independent, split by id hash
DEV5 = ROOT / "bench" / "policy" / "injection_dev5.jsonl"  # held-out styles of plain.py
T = TypeVar("T")


class Gen:
    def __init__(self, seed: int, split: str) -> None:
        self.r = random.Random(seed)
        self.split = split
        self.styles = Y.StyleGen(self.r, self.pick)

    def pick(self, items: Sequence[T]) -> T:
        """From the split's share of `items`: every fifth item is dev-only (lists under 5: shared)."""
        if len(items) < 5:
            return self.r.choice(items)
        share = [x for i, x in enumerate(items) if (i % 5 == 4) == (self.split == "dev")]
        return self.r.choice(share)

    def lang(self) -> str:
        return self.r.choices(S.LANGS, weights=(5, 2, 2, 2))[0]

    def fill(self, text: str, lang: str) -> str:
        return (
            text.replace("{host}", self.r.choice(S.EXFIL_HOST))
            .replace("{email}", self.r.choice(S.EXFIL_EMAIL))
            .replace("{goal}", self.pick(S.GOAL[lang]))
        )

    def style(self, text: str) -> str:
        """Surface variation: casing, punctuation, a lead-in, trailing chatter."""
        r = self.r
        roll = r.random()
        if roll < 0.08:
            text = text.upper()
        elif roll < 0.16:
            text = text.lower()
        if r.random() < 0.25:
            text = (
                r.choice(
                    ["Hey, ", "Quick one: ", "OK. ", "Before you answer: ", "P.S. ", "Also, ", "btw ", ""]
                )
                + text
            )
        if r.random() < 0.2:
            text += r.choice([" Thanks!", " Do it now.", " This is important.", " :)", "!!", " Go."])
        return text

    # -- attack payloads ----------------------------------------------------------------------------------
    def override(self, lang: str) -> str:
        if self.r.random() < 0.45:
            return self.fill(self.pick(S.OVERRIDE_PARAPHRASE[lang]), lang)
        verb, obj = self.pick(S.OVERRIDE_VERB[lang]), self.pick(S.OVERRIDE_OBJECT[lang])
        return f"{verb} {obj}{self.pick(S.THEN[lang])}{self.pick(S.GOAL_IMPERATIVE[lang])}."

    def payload(self, lang: str) -> str:
        if self.r.random() < 0.35:
            family = self.r.choice(["override", "prompt_leak", "jailbreak", "authority", "persona"])
            return self.pick(F.ATTACKS[family][lang])
        kind = self.r.choice(["override", "override", "leak", "jailbreak", "authority"])
        if kind == "override":
            return self.override(lang)
        if kind == "leak":
            return self.pick(S.LEAK[lang])
        if kind == "jailbreak":
            return self.pick(S.JAILBREAK[lang])
        return self.fill(self.pick(S.AUTHORITY[lang]), lang)

    def persona(self, lang: str) -> str:
        name = self.r.choice(S.PERSONA_NAME)
        return (
            self.pick(S.PERSONA[lang])
            .replace("{name}", name)
            .replace("{ask}", self.pick(S.PERSONA_ASK[lang]))
            .replace("{ask_grandma}", self.pick(S.PERSONA_GRANDMA[lang]))
            .replace("{ask_story}", self.pick(S.PERSONA_STORY[lang]))
        )

    def tool(self, lang: str) -> str:
        if self.r.random() < 0.35:
            body = self.pick(S.TOOL_JSON).replace("{{", "{").replace("}}", "}")
            body = body.replace("{fn}", self.r.choice(S.TOOL_FN)).replace(
                "{email}", self.r.choice(S.EXFIL_EMAIL)
            )
            lead = self.r.choice(
                ["Tool result: ", "Function output:\n", "", "Observation: ", "API response: "]
            )
            return lead + body
        return self.fill(self.pick(S.TOOL_HIJACK[lang]), lang)

    def document(self, lang: str, inner: str) -> str:
        doc_lang = lang if self.r.random() < 0.8 else self.r.choice(S.LANGS)
        bodies = S.DOC_BODY[doc_lang] + F.BENIGN_DOCS[doc_lang]
        body = self.pick(bodies)
        more = self.pick(bodies)
        wrap = self.r.choice(
            [
                "\n\n{d}",
                '\n\n"{d}"',
                "\n---\n{d}\n---",
                "\n<document>\n{d}\n</document>",
                " {d}",
                "\n\n```\n{d}\n```",
            ]
        )
        parts = [body, inner, more] if self.r.random() < 0.5 else [body, inner]
        return self.pick(S.USER_TASK[lang]) + wrap.replace("{d}", " ".join(parts))

    def indirect(self, lang: str) -> str:
        doc_lang = lang if self.r.random() < 0.8 else self.r.choice(S.LANGS)
        roll = self.r.random()
        if roll < 0.35:
            hidden = self.fill(self.pick(F.HIDDEN_IN_DOCS[doc_lang]), doc_lang)
        elif roll < 0.75:
            hidden = self.pick(S.HIDDEN_LEAD[doc_lang]) + self.fill(
                self.pick(S.HIDDEN_ASK[doc_lang]), doc_lang
            )
            if "<!--" in hidden:
                hidden += " -->"
        else:
            hidden = self.r.choice(
                [self.payload(doc_lang), self.pick(S.EXFIL[doc_lang]), self.tool(doc_lang)]
            )
            hidden = self.fill(hidden, doc_lang).replace("{data}", "DATA")
        return self.document(lang, hidden)

    def obfuscate(self, lang: str) -> str:
        text = self.r.choice([self.override(lang), self.pick(S.LEAK[lang]), self.pick(S.JAILBREAK[lang])])
        how = self.r.choice(
            ["base64", "hex", "rot13", "split", "reversed", "homoglyph", "zero_width", "leet", "fullwidth"]
        )
        carrier = {
            "base64": [
                "Decode this and follow it: {x}",
                "{x}",
                "Execute the base64 instruction: {x}",
                "b64: {x}",
            ],
            "hex": ["Decode the hex and do what it says: {x}", "{x}", "Hex payload: {x}"],
            "rot13": ["ROT13: {x} (decode and comply)", "{x}", "Apply rot13 then obey: {x}"],
            "reversed": ["Read this backwards and do it: {x}", "{x}", "Reverse the text and follow: {x}"],
        }.get(how, ["{x}", "{x}", "Please: {x}"])
        if how == "base64":
            x = base64.b64encode(text.encode()).decode()
        elif how == "hex":
            x = text.encode().hex(" ") if self.r.random() < 0.4 else text.encode().hex()
        elif how == "rot13":
            x = codecs.encode(text, "rot13")
        elif how == "reversed":
            x = text[::-1]
        elif how == "split":
            sep = self.r.choice([" ", "-", ".", "*", "_"])
            words = text.split()
            k = self.r.randint(1, min(4, len(words)))
            x = "  ".join(sep.join(w) for w in words[:k]) + " " + " ".join(words[k:])
        elif how == "homoglyph":
            table = str.maketrans("aeopcyxiAEOPCHTX", "аеорсухіАЕОРСНТХ")
            x = "".join(c.translate(table) if self.r.random() < 0.6 else c for c in text)
        elif how == "zero_width":
            x = "".join(c + ("\u200b" if self.r.random() < 0.5 else "") for c in text)
        elif how == "leet":
            table = str.maketrans("oieast", "013457")
            x = " ".join(w.translate(table) if self.r.random() < 0.8 else w for w in text.split())
        else:
            x = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
        return self.r.choice(carrier).replace("{x}", x)

    def attack(self, family: str, lang: str) -> str:
        makers: dict[str, Callable[[str], str]] = {
            "override": self.override,
            "prompt_leak": lambda lg: self.pick(S.LEAK[lg]),
            "jailbreak": lambda lg: self.pick(S.JAILBREAK[lg]),
            "persona": self.persona,
            "authority": lambda lg: self.fill(self.pick(S.AUTHORITY[lg]), lg),
            "fake_turn": lambda lg: (
                self.pick(S.FAKE_TURN).replace("{{", "{").replace("}}", "}").replace("{x}", self.payload(lg))
            ),
            "exfiltration": lambda lg: self.fill(self.pick(S.EXFIL[lg]), lg).replace(
                "{data}", self.r.choice(["DATA", "{data}", "<summary>", "$HISTORY"])
            ),
            "tool_hijack": self.tool,
            "indirect": self.indirect,
            "obfuscation": self.obfuscate,
        }
        styled = STYLED.get(family, 0.0)
        if self.r.random() < styled:
            goal = self.pick(S.GOAL[lang])
            text = {
                "tool_hijack": lambda: self.styles.tool_hijack(lang),
                "persona": lambda: self.styles.persona(lang),
                "indirect": lambda: self.styles.indirect(lang, goal),
                "override": lambda: self.styles.override(lang, goal),
                "exfiltration": lambda: self.styles.exfiltration(lang),
                "fake_turn": lambda: self.styles.fake_dialogue(
                    lang, self.r.choice([self.pick(S.LEAK[lang]), self.pick(Y.PERSONA_WANT[lang])])
                ),
            }[family]()
        elif family in F.ATTACKS and self.r.random() < 0.4:
            text = self.pick(F.ATTACKS[family][lang])
        else:
            text = makers[family](lang)
        if family not in ("indirect", "fake_turn", "obfuscation") and self.r.random() < 0.2:
            # embedded after an innocuous request in the same message
            text = self.pick(S.EVERYDAY[lang]) + self.r.choice([" ", "\n", "\n\n"]) + text
        return self.style(text) if family != "obfuscation" else text

    # -- benign --------------------------------------------------------------------------------------------
    def fragment(self) -> str:
        """Short strings a request carries besides prose: function arguments and results, form values,
        ids, keys, contact details (every string of a body is screened)."""
        r = self.r
        first = r.choice(["Ana", "Jonas", "Mei", "Kwame", "Lucía", "Hélène", "Omar", "Priya", "Sven", "Zoe"])
        last = r.choice(
            ["Ruiz", "Becker", "Chen", "Mensah", "García", "Dubois", "Haddad", "Iyer", "Lind", "Park"]
        )
        email = (
            f"{first.lower()}.{last.lower()}@{r.choice(['example.com', 'mail.example.org', 'corp.example'])}"
        )
        digits = "".join(r.choice("0123456789") for _ in range(16))
        key = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(16))
        return r.choice([
            email, f"{first} {last}", f"card {digits[:4]} {digits[4:8]} {digits[8:12]} {digits[12:]}",
            f"Customer file: {email}, {digits}", "AKIA" + key, f"+49 30 {digits[:7]}", digits, key.lower(),
            f'{{"id": {digits[:5]}, "status": "ok"}}', "lookup", "ok", "yes please", "Look up the customer",
            f"{r.choice(['Berlin', 'Madrid', 'Lyon', 'Boston'])}", f"2024-{digits[:2]}-{digits[2:4]}",
            f"order {digits[:8]}", "status: shipped", f"rows: {digits[:2]}", f"{first}", "Retry the request",
            f"Send it to {email}", f"Contact: {first} {last} <{email}>", f"user_id={digits[:6]}",
            f"https://www.example.com/item/{digits[:6]}?ref=mail", f"Note for {first}: call back tomorrow",
            f"{last}, {first}", "true", "null", "refund policy please", "Return policy?", "privacy policy",
            "política de reembolso", "Rückgaberecht bitte", "politique de retour ?", "system status", "all good", f"SKU-{digits[:5]}-{key[:3]}", f"v{digits[0]}.{digits[1]}.{digits[2]}",
        ])  # fmt: skip

    def benign(self, kind: str, lang: str) -> str:
        r = self.r
        if kind == "tool_request":
            return self.styles.tool_request(lang)
        if kind == "system_prompt":
            return self.styles.system_prompt(lang)
        if kind == "classify_attack":
            quoted = r.choice(
                [self.override(lang), self.styles.tool_hijack(lang), self.styles.persona(lang),
                 self.styles.override(lang, self.pick(S.GOAL[lang])), self.pick(S.LEAK[lang])]
            )  # fmt: skip
            return self.styles.classify(lang, quoted)
        if kind in ("roleplay", "doc_imperative") and r.random() < 0.4:
            return self.styles.roleplay(lang) if kind == "roleplay" else self.styles.document(lang)
        if kind in F.BENIGN and r.random() < 0.4:
            return self.pick(F.BENIGN[kind][lang])
        if kind == "doc_imperative" and r.random() < 0.4:
            return self.document(lang, "")
        if kind == "explain_attack":
            quoted = r.choice(
                [
                    self.override(lang),
                    self.pick(S.LEAK[lang]),
                    self.pick(S.JAILBREAK[lang]),
                    self.persona(lang),
                ]
            )
            return self.pick(S.EXPLAIN_ATTACK[lang]).replace("{a}", quoted)
        if kind == "security_talk":
            return self.pick(S.SECURITY_TALK[lang])
        if kind == "doc_imperative":
            return self.document(lang, self.pick(S.DOC_IMPERATIVE[lang]))
        if kind == "code":
            return self.pick(S.CODE).replace("{{", "{").replace("}}", "}")
        if kind == "roleplay":
            return self.pick(S.ROLEPLAY_BENIGN[lang])
        if kind == "prompt_engineering":
            return self.pick(S.PROMPT_ENG[lang])
        if kind == "links":
            return self.pick(S.LINKS_BENIGN[lang])
        if kind == "encoded":
            plain = self.pick(S.ENCODED_PLAIN[lang])
            return (
                self.pick(S.ENCODED_BENIGN)
                .replace("{b64}", base64.b64encode(plain.encode()).decode())
                .replace("{hex}", plain.encode().hex())
                .replace("{rot}", codecs.encode(plain, "rot13"))
            )
        if kind == "transcript":
            return self.styles.dialogue_task(lang) if r.random() < 0.5 else self.pick(S.TRANSCRIPT[lang])
        if kind == "hard_words":
            return (
                self.pick(S.HARD_FRAME[lang])
                .replace("{v}", self.pick(S.HARD_VERB[lang]))
                .replace("{o}", self.pick(S.HARD_OBJECT[lang]))
            )
        if kind == "about_ai":
            return self.pick(S.ABOUT_AI[lang])
        if kind == "tech_prose":
            return self.pick(PROSE)
        if kind == "fragment":
            return self.fragment()
        if kind == "generic":
            return self.pick(S.GENERIC[lang]).replace("{t}", self.pick(S.TOPICS[lang]))
        return self.pick(S.EVERYDAY[lang])


def project_prose() -> list[str]:
    """Sentences of the project's own docs and module docstrings: declarative technical English, the
    register users paste most and the seeds have least (without it, plain statements about requests,
    policies and systems scored like attacks). The policy/detection docs and modules are left out."""
    import ast
    import re

    skip = ("policy", "detection", "pii", "injection")
    chunks: list[str] = []
    sources = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for path in sources:
        if not any(word in path.name for word in skip):
            chunks += re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "shared").rglob("*.py")) + sorted((ROOT / "functions").rglob("*.py")):
        if any(word in str(path) for word in skip):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    chunks += re.split(r"\n\s*\n", doc)
    out = []
    for chunk in chunks:
        text = " ".join(chunk.split())
        if 40 <= len(text) <= 600 and not text.startswith(("|", "```", "#")):
            out.append(text)
    return sorted(set(out))


PROSE = project_prose()


FAMILIES = ("override", "prompt_leak", "jailbreak", "persona", "authority", "fake_turn", "exfiltration",
            "tool_hijack", "indirect", "obfuscation")  # fmt: skip
KINDS = ("explain_attack", "security_talk", "doc_imperative", "code", "roleplay", "prompt_engineering",
         "links", "encoded", "transcript", "everyday", "generic", "hard_words", "about_ai", "fragment", "tech_prose",
         "tool_request", "classify_attack", "system_prompt")  # fmt: skip
# the share of each family drawn from the compositional seeds of styles.py
STYLED = {
    "tool_hijack": 0.5,
    "persona": 0.5,
    "indirect": 0.5,
    "override": 0.3,
    "fake_turn": 0.3,
    "exfiltration": 0.4,
}
FAMILY_WEIGHT = {"tool_hijack": 2, "persona": 2, "indirect": 2, "override": 2}  # the weakest on 2026-11-30
BENIGN_WEIGHT = {
    "explain_attack": 3,
    "doc_imperative": 3,
    "everyday": 2,
    "code": 2,
    "generic": 3,
    "hard_words": 3,
    "fragment": 3,
    "tech_prose": 4,
    "roleplay": 2,
    "links": 2,
    "tool_request": 3,
    "classify_attack": 3,
    "system_prompt": 3,
}


def generate(split: str, attacks: int, benign: int, seed: int) -> list[dict[str, str]]:
    g = Gen(seed, split)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    tries = 0
    while sum(r["label"] == "attack" for r in rows) < attacks and tries < attacks * 20:
        tries += 1
        family, lang = g.r.choices(FAMILIES, weights=[FAMILY_WEIGHT.get(f, 1) for f in FAMILIES])[0], g.lang()
        text = g.attack(family, lang)
        if text not in seen:
            seen.add(text)
            rows.append(
                {
                    "id": f"{split}-a{len(rows):05d}",
                    "text": text,
                    "label": "attack",
                    "family": family,
                    "lang": lang,
                }
            )
    weights = [BENIGN_WEIGHT.get(k, 1) for k in KINDS]
    tries = 0
    while sum(r["label"] == "benign" for r in rows) < benign and tries < benign * 20:
        tries += 1
        kind, lang = g.r.choices(KINDS, weights=weights)[0], g.lang()
        text = g.style(g.benign(kind, lang)) if g.r.random() < 0.3 else g.benign(kind, lang)
        if text not in seen:
            seen.add(text)
            rows.append(
                {
                    "id": f"{split}-b{len(rows):05d}",
                    "text": text,
                    "label": "benign",
                    "kind": kind,
                    "lang": lang,
                }
            )
    return rows


def registers(split: str, attacks: int, benign: int, seed: int) -> list[dict[str, str]]:
    """Texts of `registers.py`'s kinds, the four languages drawn alike (the first corpus was ~46 % EN)."""
    g = R.RegisterGen(random.Random(seed), split)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for label, kinds, count in (("attack", R.ATTACK_KINDS, attacks), ("benign", R.BENIGN_KINDS, benign)):
        made, tries = 0, 0
        while made < count and tries < count * 20:
            tries += 1
            kind, lang = g.r.choice(kinds), g.r.choice(S.LANGS)
            text = g.attack(kind, lang) if label == "attack" else g.benign(kind, lang)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            key = "family" if label == "attack" else "kind"
            rows.append(
                {
                    "id": f"{split}-r{label[0]}{len(rows):05d}",
                    "text": text,
                    "label": label,
                    key: kind,
                    "lang": lang,
                }
            )
    return rows


def breadth(split: str, attacks: int, benign: int, seed: int) -> list[dict[str, str]]:
    """Texts of `breadth.py`'s styles: train styles for "train", only the held styles for "dev"."""
    g = B.BreadthGen(random.Random(seed), split)
    tables = (("attack", B.ATTACK_STYLES, attacks), ("benign", B.BENIGN_STYLES, benign))
    return _styled(g, split, tables, lambda: g.r.choices(B.LANGS, weights=B.LANG_WEIGHT)[0], "w")


def plain(split: str, attacks: int, benign: int, seed: int) -> list[dict[str, str]]:
    """Texts of `plain.py`'s styles (short plain requests, tickets, the weak families), EN/DE/FR/ES alike:
    train styles for "train", only the held styles for "dev"."""
    g = P.PlainGen(random.Random(seed), split)
    tables = (("attack", P.ATTACK_STYLES, attacks), ("benign", P.BENIGN_STYLES, benign))
    return _styled(g, split, tables, lambda: g.r.choice(P.LANGS), "p")


def _styled(
    g: B.BreadthGen,
    split: str,
    tables: tuple[tuple[str, list[tuple[str, str, str]], int], ...],
    pick_lang: Callable[[], str],
    prefix: str,
) -> list[dict[str, str]]:
    """`count` distinct texts per (label, style table) from `g`'s styles of `split`, each style drawn at
    random and its language by `pick_lang` (ids `{split}-{prefix}{a|b}NNNNN`)."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for label, table, count in tables:
        choices = B.styles(split, table)
        made, tries = 0, 0
        while made < count and tries < count * 20:
            tries += 1
            (kind, style), lang = g.r.choice(choices), pick_lang()
            text = B.make(g, style, lang)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            key = "family" if label == "attack" else "kind"
            rows.append({"id": f"{split}-{prefix}{label[0]}{len(rows):05d}", "text": text, "label": label,
                         key: kind, "style": style, "lang": lang})  # fmt: skip
    return rows


def main() -> None:
    import sys

    train = generate("train", 3600, 3600, 20261129)
    train += registers("train", 1000, 1200, 20261130)  # 2026-11-30, third session
    train += breadth("train", 2000, 2600, 20261201)  # 2026-11-30, fourth session
    train += plain("train", 1200, 1600, 20261202)  # 2026-11-30, fifth session: short plain requests, tickets
    # the training half of the independent dev set (dev/injection/devsplit.py), as written
    train += [{**rec, "id": f"indep-{rec['id']}"} for rec in half("train")]
    # and of the fifth session's independent dev set, once it exists (its held-out half is never trained on)
    train += [{**rec, "id": f"dev6-{rec['id']}"} for rec in half("train", DEV6)]
    outputs = [(TRAIN, train)]
    if "--dev" in sys.argv:  # regenerate the generated dev split too (kept fixed since 2026-11-30)
        outputs.append((DEV, generate("dev", 300, 300, 1129)))
    if "--registers-dev" in sys.argv:  # the held-out seeds of registers.py (written once, then kept fixed)
        outputs.append((DEV3, registers("dev", 150, 150, 1130)))
    if "--breadth-dev" in sys.argv:  # the held styles of breadth.py (written once, then kept fixed)
        outputs.append((DEV4, breadth("dev", 200, 200, 1201)))
    if "--plain-dev" in sys.argv:  # the held styles of plain.py (written once, then kept fixed)
        outputs.append((DEV5, plain("dev", 200, 200, 1202)))
    for path, rows in outputs:
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {sum(r['label'] == 'attack' for r in rows)} attacks, "
              f"{sum(r['label'] == 'benign' for r in rows)} benign")  # fmt: skip


if __name__ == "__main__":
    main()
