"""`UsageDelta.add` is written out field by field (hot path): it must add every field, so a field
added to the dataclass later cannot be silently dropped from the ledger."""

from __future__ import annotations

from dataclasses import fields

from shared.usage.ledger import UsageDelta


def test_add_sums_every_field() -> None:
    names = [f.name for f in fields(UsageDelta)]
    one = UsageDelta(**{name: index + 1 for index, name in enumerate(names)})
    two = UsageDelta(**{name: 100 * (index + 1) for index, name in enumerate(names)})
    one.add(two)
    assert {name: getattr(one, name) for name in names} == {
        name: 101 * (index + 1) for index, name in enumerate(names)
    }
    assert one.minus(two) == UsageDelta(**{name: index + 1 for index, name in enumerate(names)})
