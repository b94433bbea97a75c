"""Read infra/ with python-hcl2: resources, data sources, modules and variables as plain dicts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import hcl2
from hcl2 import SerializationOptions

ROOT = Path(__file__).resolve().parent.parent
INFRA = ROOT / "infra"
_OPTIONS = SerializationOptions(with_comments=False, strip_string_quotes=True)
META = frozenset({"count", "for_each", "depends_on", "provider", "lifecycle", "__is_block__"})


@dataclass(frozen=True)
class Block:
    kind: str  # resource | data | module | variable | output
    type: str  # resource/data type, or "" for module/variable/output
    name: str
    body: dict[str, Any]
    path: Path

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}: {self.kind} {self.type} {self.name}".replace("  ", " ")


@cache
def parse(path: Path) -> dict[str, Any]:
    with path.open() as handle:
        return dict(hcl2.load(handle, serialization_options=_OPTIONS))


def tf_files(root: Path = INFRA) -> list[Path]:
    return sorted(root.rglob("*.tf"))


def blocks(root: Path = INFRA) -> Iterator[Block]:
    for path in tf_files(root):
        doc = parse(path)
        for kind in ("resource", "data"):
            for entry in doc.get(kind, []):
                for type_, named in entry.items():
                    for name, body in named.items():
                        yield Block(kind, type_, name, body, path)
        for kind in ("module", "variable", "output"):
            for entry in doc.get(kind, []):
                for name, body in entry.items():
                    yield Block(kind, "", name, body, path)


def of(kind: str, root: Path = INFRA) -> list[Block]:
    return [b for b in blocks(root) if b.kind == kind]


def nested(value: Any) -> list[dict[str, Any]]:
    """A nested block's bodies (an attribute's value is not a list of blocks)."""
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, dict) and v.get("__is_block__") for v in value)
    ):
        return value
    return []


def locals_of(path: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for entry in parse(path).get("locals", []):
        merged.update(entry)
    return merged
