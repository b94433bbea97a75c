"""Crafted inputs (bench/policy_adversarial.py): the behaviour of the paths made linear, not their time."""

from __future__ import annotations

from shared.policy.addresses import _word_start, _word_starts
from shared.policy.engine import PolicyEngine
from shared.policy.injection import _REACH, _WINDOW, _windows

ENGINE = PolicyEngine()


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


def test_a_repeated_name_is_decided_once_per_name() -> None:
    # drop_firms read every occurrence of the name for every finding of it (n^2 on a list of one name);
    # now one answer per name: a person everywhere, or a firm everywhere once one occurrence is a firm's
    text = "Maria Schmidt, " * 5
    found = [(f.type, f.start, f.end) for f in ENGINE.scan(text)]
    assert found == [("PERSON", 15 * i, 15 * i + 13) for i in range(5)]
    firm = text + "Maria Schmidt GmbH"
    assert [f for f in ENGINE.scan(firm) if f.type == "PERSON"] == []


def test_a_long_run_of_given_names_is_still_one_span() -> None:
    # each "Jan" proposed a run to the end of the line of names (n runs of length n, then drop_firms
    # over each: cubic); the run read right of a known name now holds at most 12 more words, and the
    # overlapping runs still resolve to one span over the whole line
    text = "Jan " * 60
    assert [(f.type, f.start, f.end) for f in ENGINE.scan(text)] == [("PERSON", 0, 239)]
    text = "Met Jan Kowalski and Anna Nowak today."
    assert [text[f.start : f.end] for f in ENGINE.scan(text)] == ["Jan Kowalski", "Anna Nowak"]


def test_word_starts_match_the_walk_per_index() -> None:
    # label roots inside one word share its start; each walk now stops at the previous root
    text = "street1street1 zip:street x_street"
    indices = [0, 7, 19, 28, 3]
    assert _word_starts(text, indices) == {_word_start(text, i) for i in indices} == {0, 19, 26}


def test_address_table_rows_are_not_read_again_as_headers() -> None:
    # every header-like line read all the rows below it ("street,zip\n"*n + a digit: 7.2 s at 22 KB);
    # a line read as a row is not read again as a header, and each table's rows are still read
    text = "street,zip\n" * 40 + "12 Main St,12345\n\nid;street;zip\n1;Rue de Rivoli 5;75001\n"
    found = [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "ADDRESS"]
    assert found == ["12 Main St,12345", "Rue de Rivoli 5;75001"]
