"""`lazy_module(name)`: a module that is imported when one of its attributes is first read.

The ingress's handlers for other surfaces (OpenAI, embeddings, model lists, the native API, jobs)
reach their dialect modules through these, so an instance imports a surface's module (and builds its
pydantic models) when it first serves that surface, not at cold start. importlib's `LazyLoader`:
the module object is in `sys.modules` at once; its code runs on the first attribute access.
Modules import it as `if TYPE_CHECKING: from x import y` / `else: y = lazy_module("x.y")`, so
type checking sees the real module.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

__all__ = ["lazy_module"]


def lazy_module(name: str) -> ModuleType:
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)  # as an import binds it
    return module
