"""The precomputed person-name lexicon (shared/policy/lexicon_file.py) equals the one built from the
word lists, and is not used once a list has changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shared.policy import lexicon_file, person_score
from shared.policy.engine import PolicyEngine
from shared.policy.lexicon_file import FILE, SOURCES, load
from shared.policy.person_score import read_lexicon

POLICY = Path(lexicon_file.__file__).resolve().parent


def test_the_committed_file_is_current() -> None:
    assert load() is not None, "stale shared/policy/lexicon.json: run python -m dev.names.compile_lexicon"


def test_it_holds_exactly_what_the_word_lists_give() -> None:
    compiled, built = load(), read_lexicon()
    assert compiled is not None
    for name, value in vars(built).items():
        assert getattr(compiled, name) == value, name
    assert vars(compiled).keys() == vars(built).keys()  # the deferred sets read, nothing else left


def test_the_seeds_come_first_and_the_rest_on_first_use() -> None:
    """Most texts need only the seeds (cold start: the first request's scan); the common words, foreign
    words and places are parsed by the first read of any of them, all three at once."""
    compiled = load()
    assert compiled is not None
    deferred = {"common", "foreign", "places"}
    assert not deferred & vars(compiled).keys()
    assert {"Priya", "start"} & compiled.seeds == {"Priya"}
    assert not deferred & vars(compiled).keys()
    assert "tage" in compiled.foreign
    assert deferred <= vars(compiled).keys()
    assert "_raw" not in vars(compiled)
    with pytest.raises(AttributeError):
        compiled.nothing  # type: ignore[attr-defined]  # noqa: B018


def test_a_scan_without_a_name_candidate_reads_only_the_seeds() -> None:
    """The cold-start probe's text, as the ingress's first request scans it."""
    person_score.lexicon.cache_clear()
    try:
        assert PolicyEngine().scan("cold start probe") == []
        assert not {"common", "foreign", "places"} & vars(person_score.lexicon()).keys()
        assert [f.type for f in PolicyEngine().scan("Please forward this to Priya Raman today.")] == [
            "PERSON"
        ]
    finally:
        person_score.lexicon.cache_clear()


def test_lexicon_reads_the_compiled_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_lists(directory: Path = POLICY) -> person_score.Lexicon:
        raise AssertionError("built from the word lists although the compiled file is current")

    monkeypatch.setattr(person_score, "read_lexicon", no_lists)
    assert "Aaban" in person_score.lexicon.__wrapped__().given  # type: ignore[attr-defined]


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    for name in (*SOURCES, FILE):
        shutil.copyfile(POLICY / name, tmp_path / name)
    assert load(tmp_path) is not None
    return tmp_path


def test_an_edited_list_is_never_ignored(lists: Path) -> None:
    with (lists / "given_names.txt").open("a", encoding="utf-8") as f:
        f.write("Zyxwvuta\n")
    assert load(lists) is None  # the caller builds from the lists instead
    assert "Zyxwvuta" in read_lexicon(lists).seeds


def test_a_same_size_edit_is_caught(lists: Path) -> None:
    path = lists / "surnames.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n", "\nQ", 1).replace("\n", "", 1), encoding="utf-8")
    assert path.stat().st_size == (POLICY / "surnames.txt").stat().st_size
    assert load(lists) is None


def test_no_file_means_the_lists(lists: Path) -> None:
    (lists / FILE).unlink()
    assert load(lists) is None
