"""Entry points that Cloud Functions and functions-framework load (`--target <name>`).

Each name is imported on first access (PEP 562), so an instance serving one function loads
only that function's module: functions-framework resolves `--target` with `getattr(main, name)`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from functions.admin import admin
    from functions.generate import generate, generate_deadletter
    from functions.ingress import ingress
    from functions.policy import policy

__all__ = ["admin", "generate", "generate_deadletter", "ingress", "policy"]

_MODULES = {
    "admin": "functions.admin",
    "generate": "functions.generate",
    "generate_deadletter": "functions.generate",
    "ingress": "functions.ingress",
    "policy": "functions.policy",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this hook
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
