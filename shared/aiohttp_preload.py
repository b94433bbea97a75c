"""Import aiohttp without its second CA-bundle load: one SSL trust store per instance, not two.

At import, aiohttp builds two default SSL contexts: the verifying one every HTTPS request uses, and
one for `ssl=False` requests, which verifies nothing. Both load the system CA bundle
(`set_default_verify_paths`), ~35 ms of CPU each on this machine, ~5% of the ingress cold start in
instructions (docs/decisions/2026-11-29-performance.md). A context that never verifies has no use
for a trust store, so while aiohttp imports, loading one into a context with `CERT_NONE` and no
hostname check is skipped. Every verifying context loads its store as before; the method is
restored afterwards. Call `preload()` before anything imports aiohttp; later calls do nothing.
"""

from __future__ import annotations

import ssl
import sys
from typing import Any

__all__ = ["preload"]


def _skip_for_unverified(load: Any) -> Any:
    def set_default_verify_paths(self: ssl.SSLContext) -> None:
        if self.verify_mode == ssl.CERT_NONE and not self.check_hostname:
            return  # verifies nothing: the CA bundle would be parsed for no use
        load(self)

    return set_default_verify_paths


def preload() -> None:
    if "aiohttp" in sys.modules:
        return
    cls = ssl.SSLContext
    own = cls.__dict__.get("set_default_verify_paths")  # normally inherited from _ssl._SSLContext
    cls.set_default_verify_paths = _skip_for_unverified(cls.set_default_verify_paths)  # type: ignore[method-assign]
    try:
        import aiohttp  # noqa: F401
    finally:
        if own is None:
            del cls.set_default_verify_paths  # the C method again
        else:
            cls.set_default_verify_paths = own  # type: ignore[method-assign]
