"""The README's settings table is the one generated from `Settings`."""

from pathlib import Path

from dev.settings_table import table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_settings_table_matches_settings() -> None:
    text = README.read_text()
    start = text.index("<!-- settings:start -->") + len("<!-- settings:start -->")
    end = text.index("<!-- settings:end -->")
    assert text[start:end].strip() == table(), "run: python -m dev.settings_table --write"
