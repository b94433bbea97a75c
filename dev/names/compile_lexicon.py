"""Rewrite shared/policy/lexicon.json from the word lists beside it (run after editing one of them).

Run: python -m dev.names.compile_lexicon
"""

from __future__ import annotations

from shared.policy.lexicon_file import write


def main() -> None:
    path = write()
    print(f"wrote {path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
