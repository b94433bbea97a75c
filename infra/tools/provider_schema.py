"""Extract the google provider's schema for the types infra/ uses into infra/schema/google.json.

Two sources, one output shape:

    # offline: the jsii manifest of the npm package @cdktf/provider-google 16.12.1 (google 6.50.0)
    python infra/tools/provider_schema.py --jsii node_modules/@cdktf/provider-google/.jsii
    # Cloud Build, after `terraform init`: the provider the lock file pins
    terraform -chdir=infra/environments/prod providers schema -json > schema.json
    python infra/tools/provider_schema.py --terraform-json schema.json

Output: {"provider", "version", "resource": {type: block}, "data": {type: block}} where a block is
{"arguments": {name: required?}, "blocks": {name: block}}. Only the resource and data source types
that infra/ names are kept, so the committed file stays small; tests/unit/test_infra_schema.py
checks every type, argument and nested block in infra/ against it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
OUTPUT = INFRA / "schema" / "google.json"
PROVIDER = "registry.terraform.io/hashicorp/google"
_USE = re.compile(r'^\s*(resource|data)\s+"(google_[a-z0-9_]+)"', re.MULTILINE)
_REGISTRY = re.compile(r"hashicorp/google/([0-9.]+)/docs/(resources|data-sources)/([a-z0-9_]+)")
_ANCHOR = re.compile(r"docs/(?:resources|data-sources)/[a-z0-9_]+#([a-z0-9_]+)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def used_types(root: Path = INFRA) -> dict[str, set[str]]:
    """{"resource": {...}, "data": {...}}: the google types named in infra/**/*.tf."""
    found: dict[str, set[str]] = {"resource": set(), "data": set()}
    for path in sorted(root.rglob("*.tf")):
        for kind, name in _USE.findall(path.read_text()):
            found[kind].add(name)
    return found


# -- jsii (cdktf) -------------------------------------------------------------------------------------
def _snake(prop: dict[str, Any]) -> str:
    anchor = _ANCHOR.search(prop.get("docs", {}).get("remarks", ""))
    return anchor.group(1) if anchor else _CAMEL.sub("_", prop["name"]).lower()


def _struct_of(type_: dict[str, Any], types: dict[str, Any]) -> str | None:
    """The provider struct a property holds (a nested block), or None for a plain attribute."""
    candidates = [type_, *type_.get("union", {}).get("types", [])]
    for candidate in candidates:
        fqn = candidate.get("fqn") or candidate.get("collection", {}).get("elementtype", {}).get("fqn")
        if fqn and fqn in types and types[fqn].get("datatype"):
            return str(fqn)
    return None


def _jsii_block(fqn: str, types: dict[str, Any], skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    arguments: dict[str, bool] = {}
    blocks: dict[str, Any] = {}
    for prop in types[fqn].get("properties", []):
        if prop["name"] in skip:
            continue
        name = _snake(prop)
        struct = _struct_of(prop["type"], types)
        if struct is None:
            arguments[name] = not prop.get("optional", False)
        else:
            blocks[name] = _jsii_block(struct, types)
    return {"arguments": dict(sorted(arguments.items())), "blocks": dict(sorted(blocks.items()))}


def from_jsii(path: Path, wanted: dict[str, set[str]]) -> dict[str, Any]:
    manifest = json.loads(path.read_text())
    types = manifest["types"]
    meta = frozenset({"connection", "count", "dependsOn", "forEach", "lifecycle", "provider", "provisioners"})
    out: dict[str, Any] = {"provider": PROVIDER, "version": None, "resource": {}, "data": {}}
    for fqn, type_ in types.items():
        if type_.get("base") not in ("cdktf.TerraformResource", "cdktf.TerraformDataSource"):
            continue
        match = _REGISTRY.search(type_.get("docs", {}).get("summary", ""))
        if match is None:
            continue
        version, section, short = match.groups()
        kind = "resource" if section == "resources" else "data"
        name = f"google_{short}"
        if name not in wanted[kind]:
            continue
        out["version"] = version
        out[kind][name] = _jsii_block(f"{fqn}Config", types, meta)
    return out


# -- terraform providers schema -json ----------------------------------------------------------------
def _tf_block(block: dict[str, Any]) -> dict[str, Any]:
    arguments = {
        name: bool(attr.get("required"))
        for name, attr in block.get("attributes", {}).items()
        if not (attr.get("computed") and not attr.get("optional") and not attr.get("required"))
    }
    blocks = {name: _tf_block(nested["block"]) for name, nested in block.get("block_types", {}).items()}
    return {"arguments": dict(sorted(arguments.items())), "blocks": dict(sorted(blocks.items()))}


def from_terraform(path: Path, wanted: dict[str, set[str]], version: str | None) -> dict[str, Any]:
    schema = json.loads(path.read_text())["provider_schemas"][PROVIDER]
    out: dict[str, Any] = {"provider": PROVIDER, "version": version, "resource": {}, "data": {}}
    for kind, key in (("resource", "resource_schemas"), ("data", "data_source_schemas")):
        for name in sorted(wanted[kind]):
            if name in schema.get(key, {}):
                out[kind][name] = _tf_block(schema[key][name]["block"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--jsii", type=Path, help="the .jsii manifest of @cdktf/provider-google")
    source.add_argument("--terraform-json", type=Path, help="output of `terraform providers schema -json`")
    parser.add_argument("--version", help="provider version (with --terraform-json; the lock file's)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    wanted = used_types()
    if args.jsii:
        out = from_jsii(args.jsii, wanted)
    else:
        out = from_terraform(args.terraform_json, wanted, args.version)
    for kind in ("resource", "data"):
        out[kind] = dict(sorted(out[kind].items()))
        missing = sorted(wanted[kind] - set(out[kind]))
        if missing:
            print(f"not in the provider schema ({kind}): {', '.join(missing)}", file=sys.stderr)
            return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=1, sort_keys=False) + "\n")
    count = sum(len(out[k]) for k in ("resource", "data"))
    print(f"{args.output.relative_to(ROOT)}: {count} types, google provider {out['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
