"""How `dev/names/train_crf.py` turns labelled records into the CRF's token labels: a value where it
stands as whole words, a look-alike's words O even where they spell a person's name, titles at a
span's edge O (the runtime trims them), and a line left out where one string is both a person and a
look-alike. Examples written for this test (not copied from a set)."""

from __future__ import annotations

from dev.names.train_crf import labels, place, sequences
from shared.policy import recognizer
from shared.policy.person_score import lexicon


def _tagged(text: str, persons: list[str], others: list[str]) -> list[list[tuple[str, str]]]:
    placed = place(text, persons, others)
    out = []
    for offset, line in recognizer.lines(text):
        toks = recognizer.tokens(line, offset)
        tags = labels(toks, placed)
        out.append(
            [] if tags is None else [(w, t) for (w, _, _), t in zip(toks, tags, strict=True) if t != "O"]
        )
    return out


def test_a_look_alike_keeps_its_words_out_of_the_person() -> None:
    text = "Ford drove the Ford Focus to the Annual review with Ann."
    got = _tagged(text, ["Ford", "Ann"], ["Ford Focus"])
    assert got == [[("Ford", "B-PER"), ("Ann", "B-PER")]]  # not "Ford" in "Ford Focus", not "Ann" in "Annual"


def test_titles_and_punctuation_at_the_edges_are_outside() -> None:
    text = "Prescriber: Dr. Amaka Obi-Nwosu, ward 4"
    assert _tagged(text, ["Dr. Amaka Obi-Nwosu"], []) == [[("Amaka", "B-PER"), ("Obi-Nwosu", "I-PER")]]


def test_inner_punctuation_stays_inside() -> None:
    text = "Owner: Mbeki, Thabo (ops)"
    assert _tagged(text, ["Mbeki, Thabo"], []) == [[("Mbeki", "B-PER"), (",", "I-PER"), ("Thabo", "I-PER")]]


def test_a_string_both_person_and_look_alike_leaves_its_line_out() -> None:
    text = "April moved the review to April.\nThanks, Jorunn Vik"
    kinds = {(text[a:b], kind) for a, b, kind in place(text, ["April", "Jorunn Vik"], ["April"])}
    assert kinds == {("April", "?"), ("Jorunn Vik", "P")}
    tagged = sequences(text, ["April", "Jorunn Vik"], lexicon(), ["April"])
    assert len(tagged) == 1  # only the second line: which "April" is the month the record does not say
    assert tagged[0][1] == ["O", "O", "B-PER", "I-PER"]
