"""Offline provider-schema check: every google type, argument and nested block in infra/ exists.

The schema is infra/schema/google.json, extracted by infra/tools/provider_schema.py from the npm
package @cdktf/provider-google 16.12.1 (google provider 6.50.0), and regenerated in Cloud Build from
`terraform providers schema -json`. A misspelt argument fails here instead of in Cloud Build.
"""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.infra_hcl import INFRA, META, Block, blocks, nested, parse, tf_files

SCHEMA = json.loads((INFRA / "schema" / "google.json").read_text())


def _problems(body: dict[str, Any], schema: dict[str, Any], where: str) -> list[str]:
    found: list[str] = []
    present = set(body)
    for key, value in body.items():
        if key in META:
            continue
        if key == "dynamic":
            for entry in value:
                for name, dyn in entry.items():
                    if name == "__is_block__":
                        continue
                    if name not in schema["blocks"]:
                        found.append(f"{where}: dynamic block `{name}` is not in the schema")
                        continue
                    for content in nested(dyn.get("content", [])):
                        found += _problems(content, schema["blocks"][name], f"{where}.{name}")
                    present.add(name)
            continue
        bodies = nested(value)
        if bodies:
            if key not in schema["blocks"]:
                found.append(f"{where}: block `{key}` is not in the schema")
                continue
            for inner in bodies:
                found += _problems(inner, schema["blocks"][key], f"{where}.{key}")
        elif key not in schema["arguments"]:
            hint = " (it is a block)" if key in schema["blocks"] else ""
            found.append(f"{where}: argument `{key}` is not in the schema{hint}")
    missing = [a for a, required in schema["arguments"].items() if required and a not in present]
    found += [f"{where}: required argument `{a}` is missing" for a in missing]
    return found


def _google(kind: str) -> list[Block]:
    return [b for b in blocks() if b.kind == kind and b.type.startswith("google_")]


def test_every_resource_and_data_source_matches_the_provider_schema() -> None:
    problems: list[str] = []
    for block in _google("resource") + _google("data"):
        section = SCHEMA["resource" if block.kind == "resource" else "data"]
        if block.type not in section:
            problems.append(f"{block.where}: type not in the google provider {SCHEMA['version']}")
            continue
        problems += _problems(block.body, section[block.type], block.where)
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_misspelt_argument_and_block(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tf"
    bad.write_text(
        'resource "google_pubsub_topic" "t" {\n  name = "x"\n  message_retention = "60s"\n'
        '  schema_setings {\n    schema = "s"\n  }\n}\n'
    )
    body = parse(bad)["resource"][0]["google_pubsub_topic"]["t"]
    problems = _problems(body, SCHEMA["resource"]["google_pubsub_topic"], "bad")
    assert any("message_retention`" in p for p in problems)
    assert any("schema_setings" in p for p in problems)


def test_the_schema_file_holds_exactly_the_types_infra_uses() -> None:
    used = {
        ("resource" if b.kind == "resource" else "data", b.type)
        for b in _google("resource") + _google("data")
    }
    committed = {(k, t) for k in ("resource", "data") for t in SCHEMA[k]}
    assert used == committed, "regenerate: python infra/tools/provider_schema.py --jsii <.jsii>"


def _satisfies(version: str, constraint: str) -> bool:
    def key(v: str) -> tuple[int, ...]:
        return tuple(int(p) for p in v.split("."))

    ops = {
        ">=": lambda a, b: a >= b,
        "<": lambda a, b: a < b,
        ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b,
    }
    for part in constraint.split(","):
        match = re.fullmatch(r"\s*(>=|<=|>|<|=|~>)?\s*([0-9.]+)\s*", part)
        assert match, f"unsupported constraint {part!r}"
        op, bound = match.group(1) or "=", match.group(2)
        if op == "=" and key(version) != key(bound):
            return False
        if op == "~>":
            pinned = key(bound)[:-1]
            if not (key(version) >= key(bound) and key(version)[: len(pinned)] == pinned):
                return False
        if op in ops and not ops[op](key(version), key(bound)):
            return False
    return True


@pytest.mark.parametrize(
    "path", [p for p in tf_files() if p.name == "versions.tf"], ids=lambda p: str(p.parent.name)
)
def test_provider_range_in_versions_tf_includes_the_schema_version(path: Path) -> None:
    terraform = parse(path)["terraform"][0]
    google = terraform["required_providers"][0]["google"]
    assert google["source"] == "hashicorp/google"
    assert _satisfies(SCHEMA["version"], google["version"]), (google["version"], SCHEMA["version"])
    assert not _satisfies("7.0.0", google["version"]), "pin below the next major"
