"""The benchmark's compared rows send alike prompts (bench/prompts.py): same text, same length, one
digit run of the same width, unique per request; wrk's per-request mark kept for wrk to fill."""

from __future__ import annotations

import re

import orjson

from bench import instr, wrk
from bench.harness import uncacheable, unique
from bench.prompts import WIDTH


def _text(body: bytes) -> str:
    return str(orjson.loads(body)["contents"][0]["parts"][0]["text"])


def _shape(text: str) -> str:
    return re.sub(r"\d", "9", text)


def test_cacheable_and_uncacheable_rows_send_alike_texts() -> None:
    cacheable = [_text(unique(i)) for i in range(50)]
    plain = [_text(uncacheable(i)) for i in range(50)]
    assert len(set(cacheable + plain)) == 100  # unique across both rows, whatever index each passes
    assert {_shape(t) for t in cacheable} == {_shape(t) for t in plain}  # one shape: same length, classes
    assert max(len(run) for t in cacheable + plain for run in re.findall(r"\d+", t)) == WIDTH
    assert orjson.loads(unique(0))["generationConfig"] == {"temperature": 0}
    assert orjson.loads(uncacheable(0))["generationConfig"] == {"temperature": 0.7}


def test_wrk_numbers_both_rows_the_same_way() -> None:
    assert _text(unique(wrk.MARK)) == _text(uncacheable(wrk.MARK))
    assert wrk.MARK in _text(unique(wrk.MARK))


def test_instr_compared_scenarios_send_alike_texts() -> None:
    names = ("bare", "uncacheable", "cacheable_miss", "cacheable_miss_l1", "stream_long")
    texts = [_text(instr.SCENARIOS[name][3](0)) for name in names]
    assert len(set(texts)) == len(texts)
    assert len({_shape(t) for t in texts}) == 1


def test_wrk_nonce_is_never_a_run_of_digits() -> None:
    # a hex nonce was all digits in ~2.3% of runs, which gave that run's prompts a digit run to scan
    nonces = {wrk._nonce() for _ in range(200)}
    assert len(nonces) == 200
    assert all(re.fullmatch(r"[a-z]{8}", n) for n in nonces)
    script = wrk._script({}, b'{"t": "x' + wrk.MARK.encode() + b'y"}')
    assert re.search(r'local nonce = "[a-z]{8}"', script)
