"""The injection corpus generator's style split: held-out styles and seeds never reach training."""

from __future__ import annotations

import random

from dev.injection import breadth as B


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
