"""The policy stage's cost cuts (round 8) change no finding: every detector's spans and the engine's
resolved findings on the dev PII and injection corpora and on 1,500 generated texts (stream-sized
slices, joins, case changes, label and address fragments) equal those recorded from main before the
cuts (tests/unit/policy_spans.py, `policy_spans.json.gz`). A detector's own list is compared sorted
(three of them iterate a set, so their order follows the hash seed; the engine sorts); the engine's
findings are compared in order."""

from __future__ import annotations

import gzip
import json
import random

from shared.policy import addresses, anchors, detectors, name_fields, name_forms
from shared.policy.detectors import Detector, Gate
from shared.policy.engine import PolicyEngine
from shared.policy.profiles import BUILTIN_PROFILES
from tests.unit.policy_spans import FIXTURE, digest, key, spans, texts


def test_every_detector_finds_what_it_found_before_the_cuts() -> None:
    record = json.loads(gzip.decompress(FIXTURE.read_bytes()))
    current = PolicyEngine()
    recorded = set(record["detectors"])
    # the detectors recorded, in the engine's order (one added since, e.g. a recognizer, is not compared)
    engine = PolicyEngine(tuple(d for d in current._detectors if key(d) in recorded))
    assert [key(d) for d in engine._detectors] == record["detectors"]
    expected = dict((h, s) for h, s in record["texts"])
    compared = 0
    for text in texts():
        want = expected.get(digest(text))
        if want is None:
            continue  # a dev set edited since the recording
        got = json.loads(json.dumps(spans(engine, text)))  # tuples and floats as the fixture holds them
        assert got["engine"] == want["engine"], text
        for name in set(got) | set(want):
            assert sorted(got.get(name, [])) == sorted(want.get(name, [])), (name, text)
        compared += 1
    assert compared >= 0.9 * len(record["texts"])
    assert compared > 3000


def test_address_labels_are_tried_where_they_can_start() -> None:
    for text in texts():
        lower = text.lower()
        if len(lower) != len(text):
            continue  # the engine aligns these itself; the fixture test covers them
        want = [m.span() for m in addresses._LABEL.finditer(lower)]
        assert [m.span() for m in addresses.label_matches(lower)] == want, text


def test_birth_cues_are_tried_where_they_can_start() -> None:
    tried = 0
    for text in texts():
        lower = text.lower()
        for pattern, matches in (
            (detectors._BORN_AFTER, detectors.born_matches),
            (detectors._DOB_CTX, detectors.dob_cue_matches),
        ):
            want = [m.span() for m in pattern.finditer(lower)]
            assert [m.span() for m in matches(lower)] == want, text
            tried += bool(want)
    assert tried > 100  # texts with a birth cue were compared, not only texts without one


def test_speaker_lines_are_tried_at_line_starts() -> None:
    tried = 0
    for text in texts():
        want = [m.span() for m in name_fields._SPEAKER.finditer(text)]
        assert [m.span() for m in name_fields.speaker_matches(text)] == want, text
        tried += bool(want)
    assert tried > 50


def test_names_before_addresses_are_searched_where_they_can_end() -> None:
    searched = 0
    for text in texts():
        for at in anchors.finds(text, "@"):
            low = max(0, at - 120)
            if name_forms._BEFORE_EMAIL.search(text, low, at) is not None:
                searched += 1
                assert name_forms._may_end_at(text, low, at), text
    assert searched > 50  # 99 of the 411 "@" in these texts have a name before them


def test_a_name_before_an_address_broken_across_lines_is_still_searched() -> None:
    # `_BEFORE_EMAIL` ends in `$`, which also matches before a final newline: the gate must allow it
    for text in ("Please cc Anna Schmidt <anna\n@example.org>", "Anna Schmidt, anna\n@example.org"):
        at = text.index("@")
        assert name_forms._BEFORE_EMAIL.search(text, 0, at) is not None, text
        assert name_forms._may_end_at(text, 0, at), text
    assert not name_forms._may_end_at("cc anna\n@example.org", 0, 8)  # a space before: no form


def test_phone_context_roots_hold_wherever_the_context_matches() -> None:
    matched = 0
    for text in texts():
        folded = text.lower().translate(detectors.OCR_FOLD)
        for end in range(0, len(folded) + 40, 40):  # every 40-character head, as `_nearest` reads them
            head = folded[max(0, end - 40) : end]
            if detectors._PHONE_CTX.search(head) is not None:
                matched += 1
                assert detectors._PHONE_ROOTS(head), head
    assert matched > 100


def _german_suffix_before_number_as_it_was(lower: str) -> bool:
    for m in addresses._SPACE_DIGIT.finditer(lower):
        word = lower[max(0, m.start() - 40) : m.start()].rstrip().rsplit(None, 1)[-1:]
        if word and word[0].endswith(addresses._DE_SUFFIXES):
            return True
    return False


def test_the_german_street_prefilter_answers_as_before() -> None:
    opened = 0
    for text in texts():
        lower = text.lower()
        want = _german_suffix_before_number_as_it_was(lower)
        assert addresses._german_suffix_before_number(lower) is want, text
        opened += want
    assert opened > 50


def _bare_ssns_as_they_were(text: str, lower: str) -> list[tuple[int, int]]:
    if not detectors._ocr_contains(lower, detectors._SSN_BYTES):
        return []
    return [
        m.span()
        for m in detectors._SSN_BARE.finditer(text)
        if detectors.ssn_valid(m.group(1), m.group(3), m.group(4))
        and detectors._nearest(lower, m.start(), detectors._SSN_CTX)
    ]


def _bare_ssns(text: str, lower: str) -> list[tuple[int, int]]:
    # the bare form's findings score 0.8, the dashed form's 0.85
    return [(f.start, f.end) for f in detectors._ssn(text, lower, set(text.split())) if f.score == 0.8]


def test_dashed_ssns_are_tried_before_their_dashes() -> None:
    rng = random.Random(4)
    pieces = ("123", "45", "6789", "-", "--", " ", "a", "é", "\u0663", "219-09-9999", "2024-03-15", "1")
    randoms = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(20_000)]
    samples = [*texts(), *randoms]
    found = 0
    for text in samples:
        want = [m.span() for m in detectors._SSN.finditer(text)]
        assert [m.span() for m in detectors.dashed_ssn_matches(text)] == want, text
        found += len(want)
    assert found > 500  # matches were compared, not only texts without one


def test_ipv4_addresses_are_tried_before_their_dots() -> None:
    rng = random.Random(6)
    pieces = ("1", "12", "192", "1234", "255", ".", "..", "-", " ", "a", "\u0663", "10.0.0.1", "v1.2.3.4")
    randoms = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(20_000)]
    found = 0
    for text in [*texts(), *randoms]:
        want = [m.span() for m in detectors._IPV4.finditer(text)]
        assert [m.span() for m in detectors.ipv4_matches(text)] == want, text
        found += len(want)
    assert found > 500  # matches were compared, not only texts without one


def test_bare_ssns_are_searched_only_after_their_context_words() -> None:
    rng = random.Random(3)
    pieces = (
        "ssn", "SSN: ", "55n", "social security ", "sécurité sociale", "order ", "é", " ", "  ", ".", "-",
        "123", "45", "6789", "078", "05", "1120", "219 09 9999", "219.09.9999", "219099999", "\n",
    )  # fmt: skip
    samples = [text for text in texts() if detectors._ssn_gate(text, text.lower())]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 24))) for _ in range(20_000)]
    found = 0
    for text in samples:
        lower = text.lower()
        want = _bare_ssns_as_they_were(text, lower)
        assert _bare_ssns(text, lower) == want, text
        found += len(want)
    assert found > 1_000  # bare SSNs with their context were found, not only texts without one


def _gated(pool: tuple[Detector, ...], text: str, lower: str) -> list[Detector]:
    """The engine's gate loop as it was: every detector, every gate in order, each gate once per text."""
    opened: dict[Gate, bool] = {}
    active = []
    for d in pool:
        for gate in d.gates:
            if gate not in opened:
                opened[gate] = gate(text, lower)
            if not opened[gate]:
                break
        else:
            active.append(d)
    return active


def test_the_gate_plan_picks_the_detectors_the_loop_picked() -> None:
    engine = PolicyEngine()
    pools = [engine._detectors, engine.with_regions(("NL",))]
    pools += [engine.of_types(p.output_types) for p in BUILTIN_PROFILES.values()]
    pools += [engine._detectors[::-1], engine._detectors[5:17]]  # other orders and subsets
    for text in texts():
        lower = text.lower()
        if len(lower) != len(text):
            continue
        for pool in pools:
            assert engine.plan(pool).active(text, lower) == _gated(pool, text, lower), text


def test_the_surname_before_a_run_is_searched_where_it_can_end() -> None:
    """`person_score._surname_before` against the plain search: at every position of 400 texts and
    of 5,000 random strings of the characters that matter, after every blank of every text."""
    from random import Random

    from shared.policy import person_score

    def both(text: str, start: int) -> bool:
        plain = person_score._SURNAME_BEFORE.search(text, max(0, start - 40), start)
        gated = person_score._surname_before(text, start)
        assert (plain and plain.span(1)) == (gated and gated.span(1)), (text, start)
        return plain is not None

    rng = Random(11)
    fuzz = ["".join(rng.choice("Ab,, \t\n-éZ") for _ in range(rng.randrange(1, 30))) for _ in range(5000)]
    matched = 0
    for n, text in enumerate([*fuzz, *texts()]):
        every = n < len(fuzz) + 400
        for start in range(len(text) + 1):
            if every or (start and text[start - 1] in " \t\n"):
                matched += both(text, start)
    assert matched > 1000  # the pattern matches in these texts: the comparison is not vacuous


def test_the_french_and_colombian_street_prefilters_answer_as_their_regexes() -> None:
    """Each gated prefilter against its regex searched over the whole lower-cased text: on every text,
    on 6,000 random strings of the characters the patterns read, and on each text with a street type
    or number sign put after its digits (so both answers occur often)."""
    from random import Random

    rng = Random(5)
    alphabet = "12a b\t\n#no.º°-,rueRUEİ"
    fuzz = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 24))) for _ in range(6000)]
    spliced = [t.replace("1 ", "1 rue ", 1).replace("2", "2b # 12-3", 1) for t in texts()]
    hits = {"fr": 0, "co": 0}
    for text in [*fuzz, *texts(), *spliced]:
        lower = text.lower()
        fr = addresses._FR_NUMBER_TYPE.search(lower) is not None
        co = addresses._CO_NUMBER.search(lower) is not None
        words = set(text.split())
        assert addresses._french_number_type(lower, words) is fr, text
        assert addresses._colombian_number(lower, words) is co, text
        hits["fr"] += fr
        hits["co"] += co
    assert min(hits.values()) > 500, hits


def test_the_label_ends_never_reject_a_head_the_split_would_keep() -> None:
    """`name_fields._labels` now rejects a separator by the folded last word of its head before
    folding and splitting the head: wherever the old split's last piece is a label's last word, the
    new test lets the head through (checked at every separator of every text, and with OCR digits)."""
    from shared.policy.detectors import OCR_FOLD

    kept = 0
    for text in [*texts(), *(t.replace("a", "4").replace("l", "|") for t in texts())]:
        lower = text.lower()
        for sep_start, _ in name_fields._separator_positions(text):
            head = lower[max(0, sep_start - 40) : sep_start]
            if head[-1:].isspace() or head[-1:] == ")":
                head = name_fields._LABEL_TAIL.sub("", head)
            folded = head.translate(OCR_FOLD)
            old_last = folded.rsplit(None, 1)[-1:]
            if old_last and old_last[0].isalpha() and old_last[0] not in name_fields._LABEL_LAST:
                continue  # rejected before, by the same test on the same word
            if name_fields._LABEL_SPLIT.split(folded)[-1] not in name_fields._LABEL_LAST:
                continue
            last = head.rsplit(None, 1)[-1:]
            word = last[0].translate(OCR_FOLD) if last else ""
            assert [word] == old_last
            assert word.endswith(name_fields._LABEL_ENDS), (text, head)
            kept += 1
    assert kept > 300


def test_the_table_detectors_sharing_a_scan_memo_find_what_each_finds_alone() -> None:
    """The four table detectors read each line's header once per scan (`ScanWords.memo`): in either
    order, sharing one memo, each finds what it finds with a plain set (no memo) on every text."""
    from dataclasses import astuple

    from shared.policy import name_tables
    from shared.policy.detectors import ScanWords

    scans = (
        name_tables._person_tables,
        name_tables._dob_tables,
        name_tables._passport_tables,
        name_tables._phone_tables,
    )
    found = 0
    for text in texts():
        lower = text.lower()
        alone = [sorted(map(astuple, scan(text, lower, set(text.split())))) for scan in scans]
        for order in (scans, scans[::-1]):
            words = ScanWords(text.split())
            shared = {scan: sorted(map(astuple, scan(text, lower, words))) for scan in order}
            assert [shared[scan] for scan in scans] == alone, text
        found += sum(map(len, alone))
    assert found > 50


def test_the_gate_plan_answers_digit_gates_as_their_regexes() -> None:
    """The plan's shared digit count against each digit gate's own regex: on every text and on 20,000
    random strings around the thresholds (ASCII digits, Arabic-Indic and fullwidth digits, which `\\d`
    matches and the count must not miss), for every pool, and `digit_count` against `\\d` itself."""
    import re as std_re

    engine = PolicyEngine()
    pool = engine._detectors
    digit_gates = {gate for d in pool for gate in d.gates if isinstance(gate, detectors.DigitsGate)}
    assert {gate.count for gate in digit_gates} == {2, 7, 9, 13}  # the four the pool holds
    rng = random.Random(5)
    pieces = ("1", "23", "4567", "0", " ", "a", "-", "é", "\u0663", "\uff17", "\n", "x9")
    samples = [
        *texts(),
        *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(20_000)),
    ]
    opened = closed = 0
    for text in samples:
        lower = text.lower()
        count = detectors.digit_count(text)
        if count is not None:
            assert count == len(std_re.findall(r"\d", text)), text
        if len(lower) != len(text):
            continue
        assert engine.plan(pool).active(text, lower) == _gated(pool, text, lower), text
        for gate in digit_gates:
            if count is not None:
                assert (count >= gate.count) == gate(text, lower), (gate.count, text)
                opened += count >= gate.count
                closed += count < gate.count
    assert opened > 5_000  # both answers occur for the thresholds
    assert closed > 5_000
