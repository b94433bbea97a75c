"""shared/lazy_re: patterns compile on first use and then behave exactly as `re.compile`'s."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from shared import lazy_re

ROOT = Path(__file__).resolve().parents[2]


def test_a_pattern_compiles_on_first_use_only() -> None:
    pattern = lazy_re.compile(r"(?P<word>[a-z]+)(\d+)", lazy_re.IGNORECASE)
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert pattern.search("--Abc12--") is not None
    assert "search" in vars(pattern)  # the compiled pattern's own bound method from now on
    assert vars(pattern)["search"].__self__ is vars(pattern)["match"].__self__  # compiled once


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"(?P<word>[a-z]+)(\d+)", re.IGNORECASE | re.MULTILINE
    lazy, real = lazy_re.compile(source, flags), re.compile(source, flags)
    text = "ab12 CD34\nef5 gh"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub(r"<\1>", text) == real.sub(r"<\1>", text)
    assert lazy.split(text) == real.split(text)
    assert lazy.fullmatch("ab12") is not None
    assert lazy.match("--") is None
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        real.pattern,
        real.flags,
        real.groups,
        real.groupindex,
    )


def test_an_invalid_pattern_fails_at_first_use() -> None:
    pattern = lazy_re.compile(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_importing_the_policy_compiles_almost_none_of_its_patterns() -> None:
    """Cold start: the detectors' patterns wait for the first text whose gates open (a pattern used
    to build a table at import is compiled there, as before)."""
    code = (
        "import gc, re, sys\n"
        "compiled = []\n"
        "real = re._compiler.compile\n"
        "def spy(p, flags=0):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame and ('/re/' in frame.f_code.co_filename or 'lazy_re' in frame.f_code.co_filename):\n"
        "        frame = frame.f_back\n"
        "    name = frame.f_code.co_filename if frame else ''\n"
        "    if '/shared/policy/' in name or name.endswith(('shared/routes.py', 'shared/log.py')):\n"
        "        compiled.append(name)\n"
        "    return real(p, flags)\n"
        "re._compiler.compile = spy\n"
        "import shared.policy.engine, shared.policy.stages, shared.routes, shared.log\n"
        "shared.policy.engine.PolicyEngine()\n"
        "from shared import lazy_re\n"
        "print(len(compiled), sum(1 for o in gc.get_objects() if isinstance(o, lazy_re._LazyPattern)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    compiled, lazy = map(int, out.stdout.split())
    assert lazy > 100, out.stdout  # the policy's, the routes' and the log's patterns
    assert compiled <= 3, out.stdout
