"""Crafted inputs (bench/policy_adversarial.py): the behaviour of the paths made linear, not their time."""

from __future__ import annotations

from shared.policy.injection import _REACH, _WINDOW, _windows


def test_windows_of_a_text_without_spaces_are_cut() -> None:
    # every window was the whole text (64 windows x n); now each holds at most _REACH more each side,
    # and together they still cover the text
    text = "".join(chr(ord("a") + i % 26) for i in range(32_768))
    windows = _windows(text)
    assert len(windows) == 36
    assert max(map(len, windows)) == _WINDOW + 2 * _REACH
    for window, start in zip(windows, range(0, len(text) - _WINDOW // 2, 900), strict=True):
        assert window == text[max(0, start - _REACH) : start + _WINDOW + _REACH]


def test_windows_of_prose_still_end_at_spaces() -> None:
    text = " ".join(f"word{i}" for i in range(3_000))  # ~25 KB of short words
    for window in _windows(text):
        assert not window.startswith(" ")
        assert not window.endswith(" ")
        assert f" {window} " in f" {text} "  # whole words: begins after a space, ends before one
