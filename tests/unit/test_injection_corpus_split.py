"""The injection corpus generator's style split: held-out styles and seeds never reach training."""

from __future__ import annotations

import random

from dev.injection import breadth as B
from dev.injection import plain as P


def test_train_and_held_styles_are_disjoint_and_cover_every_family() -> None:
    for table in (B.ATTACK_STYLES, B.BENIGN_STYLES):
        train = {style for _, style, split in table if split == "train"}
        held = {style for _, style, split in table if split == "held"}
        assert train
        assert held
        assert not train & held
    families = {family for family, _, _ in B.ATTACK_STYLES}
    assert families == {family for family, _, split in B.ATTACK_STYLES if split == "held"}


def test_the_train_split_never_draws_the_held_out_fifth_of_a_list() -> None:
    gen = B.BreadthGen(random.Random(0), "train")
    items = [f"item{i}" for i in range(10)]
    drawn = {gen.pick(items) for _ in range(200)}
    assert drawn == {x for i, x in enumerate(items) if i % 5 != 4}
    dev = B.BreadthGen(random.Random(0), "dev")
    assert {dev.pick(items) for _ in range(50)} == {"item4", "item9"}


def test_every_style_writes_text_in_every_language() -> None:
    gen = B.BreadthGen(random.Random(1), "train")
    for _, style, _ in B.ATTACK_STYLES + B.BENIGN_STYLES:
        for lang in B.LANGS:
            text = B.make(gen, style, lang)
            assert len(text) > 10, (style, lang)


def test_plain_styles_split_cleanly_and_short_plain_requests_are_short() -> None:
    """plain.py (fifth session): train and held styles disjoint, a held style for every attack family and
    for short_plain; short plain requests are 2-12 words in EN/DE/FR/ES, the kind the deploy smoke sends."""
    for table in (P.ATTACK_STYLES, P.BENIGN_STYLES):
        train = {style for _, style, split in table if split == "train"}
        held = {style for _, style, split in table if split == "held"}
        assert not train & held
    assert {f for f, _, _ in P.ATTACK_STYLES} == {f for f, _, s in P.ATTACK_STYLES if s == "held"}
    for split in ("train", "dev"):
        gen = P.PlainGen(random.Random(2), split)
        for kind, style in P.styles(split, P.BENIGN_STYLES) + P.styles(split, P.ATTACK_STYLES):
            for lang in P.LANGS:
                text = P.make(gen, style, lang)
                assert "{" not in text.replace('{"', "").replace("{\n", ""), (style, lang, text)
                if kind == "short_plain":
                    assert 1 <= len(text.split()) <= 14, (style, lang, text)
