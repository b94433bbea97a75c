"""The seam for recognizers behind the network, such as Google Sensitive Data Protection (DLP).

Not implemented here: DLP's `projects.content.inspect` cannot be called from this environment, and
an adapter tested only against a hand-written imitation of its REST shape would prove nothing. A
production adapter implements `RemoteRecognizer` (one batched call per request, infoTypes such as
PERSON_NAME and STREET_ADDRESS, findings mapped to PERSON/ADDRESS with offsets into each text) and
is handed to `PolicyStage(recognizer=...)`; its findings join the local detectors' before overlaps
are resolved and the profile's actions applied. See docs/decisions/2026-11-25-pii-detection.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from shared.policy.detectors import Finding

__all__ = ["RemoteRecognizer"]


class RemoteRecognizer(Protocol):
    async def find(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings for each text, in order; offsets index into that text."""
        ...
