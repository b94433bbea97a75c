r"""Which detectors of a pool run on a text: a per-pool plan of the detectors' gates, built once.

The engine used to walk every detector and every gate of the pool per text (a dict lookup per gate
slot, ~44 slots for the 32 default detectors): ~47 k of the ~98 k instructions its gate loop cost
on the bench's typical request went to the walk itself, not to the gates. The plan groups the pool's
detectors by their first gate (twelve start with `has_digit`: a text without a digit skips them with
one call), puts the detectors that have no other gate in one tuple per group, and evaluates a later
gate only when the first one is open, once per text for a gate several detectors share. Every gate is
a pure necessary condition, so a detector runs exactly when all of its gates are open, as before, and
the active detectors keep the pool's order (tests/unit/test_policy_cost_identity.py).

Digit gates ("at least n decimal digits": IBAN 2, PHONE 7, US_SSN 9, CREDIT_CARD 13) are answered from
one count of the text's digits (`digit_count`, a C pass over an ASCII text) instead of a regex pass
each: on the bench's request (330 characters, a six-digit number) the four regexes cost ~8 µs of the
plan's ~37 µs; a text that is not ASCII still runs each gate's regex (`\d` is Unicode there).
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.policy.detectors import Detector, DigitsGate, Gate, digit_count

__all__ = ["GatePlan"]

Later = tuple[Gate, int]  # (a gate, the digits it needs when it is a DigitsGate, else 0)
Tail = tuple[tuple[Later, ...], int]  # (the gates after the first, the detector's index in the pool)
_UNCOUNTED = -1  # the text's digits not counted yet (None: counted by regex, the text is not ASCII)


def _need(gate: Gate) -> int:
    return gate.count if isinstance(gate, DigitsGate) else 0


class GatePlan:
    __slots__ = ("_always", "_pool", "_steps")

    def __init__(self, pool: Sequence[Detector]) -> None:
        self._pool = tuple(pool)
        always: list[int] = []
        steps: dict[Gate, tuple[list[int], list[Tail]]] = {}
        for index, detector in enumerate(self._pool):
            if not detector.gates:
                always.append(index)
                continue
            first, *rest = detector.gates
            singles, tails = steps.setdefault(first, ([], []))
            if rest:
                tails.append((tuple((gate, _need(gate)) for gate in rest), index))
            else:
                singles.append(index)
        self._always = tuple(always)
        later = {gate for _, tails in steps.values() for rest, _ in tails for gate, _ in rest}
        # (first gate, the digits it needs, whether a later gate of another detector is the same one,
        # singles, tails)
        self._steps = tuple(
            (gate, _need(gate), gate in later, tuple(singles), tuple(tails))
            for gate, (singles, tails) in steps.items()
        )

    def active(self, text: str, lower: str) -> list[Detector]:
        """The pool's detectors whose gates are all open on `text`, in the pool's order."""
        picked = list(self._always)
        opened: dict[Gate, bool] = {}  # the later gates (and a first gate that is also a later one)
        digits: int | None = _UNCOUNTED
        for gate, need, shared, singles, tails in self._steps:
            if need:
                if digits == _UNCOUNTED:
                    digits = digit_count(text)
                is_open = gate(text, lower) if digits is None else digits >= need
            else:
                is_open = gate(text, lower)
            if shared:
                opened[gate] = is_open
            if not is_open:
                continue
            picked += singles
            for rest, index in tails:
                for later, later_need in rest:
                    later_open = opened.get(later)
                    if later_open is None:
                        if later_need:  # counted once per text, for every digit gate
                            if digits == _UNCOUNTED:
                                digits = digit_count(text)
                            later_open = later(text, lower) if digits is None else digits >= later_need
                        else:
                            later_open = later(text, lower)
                        opened[later] = later_open
                    if not later_open:
                        break
                else:
                    picked.append(index)
        pool = self._pool
        if len(picked) == len(pool):
            return list(pool)
        picked.sort()
        return [pool[index] for index in picked]
