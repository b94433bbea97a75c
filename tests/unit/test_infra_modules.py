"""Module calls match the modules they call: what `terraform validate` would say, offline.

Every argument of a `module` block is a variable of the called module, every variable without a
default is passed, and every `module.NAME.OUTPUT` reference names an output the module declares.
"""

import re
from pathlib import Path

from tests.infra_hcl import INFRA, META, ROOT, of, parse

MODULE_META = META | {"source", "version", "providers"}


def _module_dir(call_path: Path, source: str) -> Path:
    return (call_path.parent / source).resolve()


def _declared(kind: str, directory: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in directory.glob("*.tf"):
        for entry in parse(path).get(kind, []):
            found.update(entry)
    return found


def _calls() -> list[tuple[Path, str, dict, Path]]:
    calls = []
    for call in of("module"):
        source = call.body["source"]
        assert source.startswith("../"), f"{call.where}: only local modules ({source})"
        calls.append((call.path, call.name, call.body, _module_dir(call.path, source)))
    return calls


def test_module_arguments_are_the_called_modules_variables() -> None:
    problems = []
    for path, name, body, target in _calls():
        variables = _declared("variable", target)
        assert variables, f"{path}: module {name}: no variables in {target}"
        where = f"{path.relative_to(ROOT)}: module {name}"
        unknown = [a for a in body if a not in MODULE_META and a not in variables]
        problems += [f"{where}: `{a}` is not a variable of {target.name}" for a in unknown]
        required = [v for v, spec in variables.items() if "default" not in spec]
        problems += [f"{where}: required variable `{v}` not passed" for v in required if v not in body]
    assert not problems, "\n".join(problems)


def test_module_output_references_exist() -> None:
    calls = {(path.parent, name): target for path, name, _, target in _calls()}
    problems = []
    for path in sorted(INFRA.rglob("*.tf")):
        text = path.read_text()
        for name, output in set(re.findall(r"module\.([a-z_]+)(?:\[[^\]]+\])?\.([a-z_]+)", text)):
            target = calls.get((path.parent, name))
            if target is None:
                problems.append(f"{path.relative_to(ROOT)}: module.{name} is not called here")
            elif output not in _declared("output", target):
                problems.append(f"{path.relative_to(ROOT)}: module.{name}.{output} is not an output")
    assert not problems, "\n".join(problems)
