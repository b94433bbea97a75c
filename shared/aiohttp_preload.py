"""Import aiohttp without parsing the system CA bundle at import: its trust store is read lazily.

At import, aiohttp builds two default SSL contexts: the verifying one every HTTPS request uses, and
one for `ssl=False` requests, which verifies nothing. Both loaded the system CA bundle
(`set_default_verify_paths`): OpenSSL parses every certificate in it, ~250 M instructions each, ~9%
of the ingress cold start (docs/decisions/2026-11-29-performance.md). While aiohttp imports:

- a context with `CERT_NONE` and no hostname check loads no trust store (it would never use one);
- a verifying context gets the system's CA *directory* instead of its bundle, when that directory
  holds the bundle's certificates under OpenSSL's hashed names (as `update-ca-certificates` keeps
  it): OpenSSL then reads the root a chain needs when a handshake needs it (one small file), not
  the whole bundle up front. Same trust anchors (the bundle and directory OpenSSL's defaults or
  SSL_CERT_FILE / SSL_CERT_DIR name); when the directory and the bundle do not hold as many
  certificates, or either is missing, the bundle is loaded as before.

The method is restored afterwards: every context built later loads its store as it always did.
Call `preload()` before anything imports aiohttp; later calls do nothing.
"""

from __future__ import annotations

import os
import re
import ssl
import sys
from pathlib import Path
from typing import Any

__all__ = ["lazy_ca_dir", "preload"]

_HASHED = re.compile(r"[0-9a-f]{8}\.[0-9]+")  # OpenSSL's subject-hash names (CRLs are .r0: not these)
_BEGIN = b"-----BEGIN CERTIFICATE-----"


def lazy_ca_dir(paths: ssl.DefaultVerifyPaths | None = None) -> str | None:
    """The default CA directory when it can stand for the default CA bundle, else None."""
    paths = paths or ssl.get_default_verify_paths()  # SSL_CERT_FILE / SSL_CERT_DIR when set
    if not paths.cafile or not paths.capath:
        return None
    try:
        bundled = Path(paths.cafile).read_bytes().count(_BEGIN)
        hashed = sum(1 for name in os.listdir(paths.capath) if _HASHED.fullmatch(name))
    except OSError:
        return None
    return paths.capath if bundled and bundled == hashed else None


def _store_for_aiohttp(load: Any, ca_dir: str | None) -> Any:
    def set_default_verify_paths(self: ssl.SSLContext) -> None:
        if self.verify_mode == ssl.CERT_NONE and not self.check_hostname:
            return  # verifies nothing: the CA bundle would be parsed for no use
        if ca_dir is not None:
            self.load_verify_locations(capath=ca_dir)  # looked up per handshake, not parsed now
            return
        load(self)

    return set_default_verify_paths


def preload() -> None:
    if "aiohttp" in sys.modules:
        return
    cls = ssl.SSLContext
    own = cls.__dict__.get("set_default_verify_paths")  # normally inherited from _ssl._SSLContext
    cls.set_default_verify_paths = _store_for_aiohttp(cls.set_default_verify_paths, lazy_ca_dir())  # type: ignore[method-assign]
    try:
        import aiohttp  # noqa: F401
    finally:
        if own is None:
            del cls.set_default_verify_paths  # the C method again
        else:
            cls.set_default_verify_paths = own  # type: ignore[method-assign]
