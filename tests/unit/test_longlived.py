"""Tables loaded on first use are frozen out of the cyclic GC's generations (shared/longlived.py):
a full collection must not traverse them for the rest of the instance's life."""

from __future__ import annotations

import gc

import pytest

from shared.policy import classifier, person_score


def _tracked(obj: object) -> bool:
    return any(o is obj for o in gc.get_objects())  # the generations, not the permanent one


def test_the_person_lexicon_is_frozen_once_loaded() -> None:
    person_score.lexicon.cache_clear()
    table = person_score.read_lexicon()
    assert _tracked(table.given)  # control: a fresh table sits in the generations ...
    loaded = person_score.lexicon()
    assert gc.get_freeze_count() > 0
    assert not _tracked(loaded.given)  # ... a loaded one does not


def test_the_injection_model_is_frozen_once_loaded() -> None:
    classifier.load_models.cache_clear()
    fast, _full, _gate = classifier.load_models()
    assert not _tracked(fast)


def test_no_collection_pauses_the_collector_and_restores_its_state() -> None:
    from shared.longlived import no_collection

    def failing_start() -> None:
        with no_collection():
            assert not gc.isenabled()
            raise RuntimeError  # an import failing at start-up

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        failing_start()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_collection():
            pass
        assert not gc.isenabled()  # a collector disabled before stays disabled
    finally:
        gc.enable()
