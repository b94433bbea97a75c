"""aiohttp's verifying SSL context reads its trust store per handshake from the hashed CA directory
(shared/aiohttp_preload.py), verifies exactly as with the bundle loaded, and falls back to the bundle
when the directory cannot stand for it. Certificates are made here; handshakes run in memory."""

from __future__ import annotations

import datetime
import os
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from shared.aiohttp_preload import lazy_ca_dir

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl CLI (hash names)")


def _cert(
    subject: str, key: ec.EllipticCurvePrivateKey, issuer: tuple[str, ec.EllipticCurvePrivateKey] | None
):
    now = datetime.datetime.now(datetime.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    issuer_name, signer = (
        (x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer[0])]), issuer[1])
        if issuer
        else (name, key)
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
    )
    if issuer is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
    return builder.sign(signer, hashes.SHA256())


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


class Pki:
    """A root CA and a server certificate for `localhost` it signed, in files under `where`."""

    def __init__(self, where: Path, name: str = "Gatehouse Test Root") -> None:
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        self.ca = _cert(name, self.ca_key, None)
        key = ec.generate_private_key(ec.SECP256R1())
        leaf = _cert("localhost", key, (name, self.ca_key))
        self.server_chain = where / f"{name}-server.pem"
        self.server_chain.write_bytes(
            _pem(leaf)
            + key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        self.ca_file = where / f"{name}-ca.pem"
        self.ca_file.write_bytes(_pem(self.ca))

    def hashed_name(self) -> str:
        out = subprocess.run(
            ["openssl", "x509", "-subject_hash", "-noout", "-in", str(self.ca_file)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return out.stdout.strip() + ".0"

    def trust_store(self, where: Path) -> tuple[Path, Path]:
        """A bundle holding the root and a directory holding it under its hashed name (as
        update-ca-certificates lays them out)."""
        certs = where / "certs"
        certs.mkdir()
        shutil.copyfile(self.ca_file, certs / self.hashed_name())
        bundle = where / "ca-certificates.crt"
        bundle.write_bytes(_pem(self.ca))
        return bundle, certs

    def server(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.server_chain)
        return context


def handshake(client: ssl.SSLContext, server: ssl.SSLContext) -> None:
    """A TLS handshake in memory; raises what the client's verification raises."""
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    tls_client = client.wrap_bio(c_in, c_out, server_hostname="localhost")
    tls_server = server.wrap_bio(s_in, s_out, server_side=True)
    done = [False, False]
    for _ in range(20):
        for i, side in enumerate((tls_client, tls_server)):
            if not done[i]:
                try:
                    side.do_handshake()
                    done[i] = True
                except ssl.SSLWantReadError:
                    pass
        s_in.write(c_out.read())
        c_in.write(s_out.read())
        if all(done):
            return
    raise AssertionError("handshake did not finish")


def _paths(bundle: Path | None, certs: Path | None) -> ssl.DefaultVerifyPaths:
    return ssl.DefaultVerifyPaths(
        str(bundle) if bundle else None,
        str(certs) if certs else None,
        "SSL_CERT_FILE",
        "",
        "SSL_CERT_DIR",
        "",
    )


def test_the_directory_is_read_per_handshake_and_verifies(tmp_path: Path) -> None:
    pki = Pki(tmp_path)
    bundle, certs = pki.trust_store(tmp_path)
    assert lazy_ca_dir(_paths(bundle, certs)) == str(certs)
    client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client.load_verify_locations(capath=lazy_ca_dir(_paths(bundle, certs)))
    assert client.cert_store_stats()["x509_ca"] == 0  # nothing parsed up front
    handshake(client, pki.server())
    assert client.cert_store_stats()["x509_ca"] == 1  # the one root this chain needed


def test_a_root_not_in_the_directory_is_refused(tmp_path: Path) -> None:
    trusted, other = Pki(tmp_path, "Trusted Root"), Pki(tmp_path, "Other Root")
    _, certs = trusted.trust_store(tmp_path)
    client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client.load_verify_locations(capath=str(certs))
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(client, other.server())


def test_the_bundle_is_loaded_when_the_directory_cannot_stand_for_it(tmp_path: Path) -> None:
    pki = Pki(tmp_path)
    bundle, certs = pki.trust_store(tmp_path)
    extra = Pki(tmp_path, "Extra Root")
    shutil.copyfile(extra.ca_file, certs / extra.hashed_name())  # the directory holds more
    assert lazy_ca_dir(_paths(bundle, certs)) is None
    (certs / extra.hashed_name()).unlink()
    (certs / "not-a-hash-link.pem").write_bytes(_pem(extra.ca))  # only hashed names count
    assert lazy_ca_dir(_paths(bundle, certs)) == str(certs)
    assert lazy_ca_dir(_paths(None, certs)) is None
    assert lazy_ca_dir(_paths(bundle, None)) is None


AIOHTTP_CHECK = """
import ssl, sys
from shared.aiohttp_preload import preload
preload()
from aiohttp import connector
verified, unverified = connector._SSL_CONTEXT_VERIFIED, connector._SSL_CONTEXT_UNVERIFIED
assert verified.verify_mode == ssl.CERT_REQUIRED and verified.check_hostname
assert unverified.cert_store_stats()["x509_ca"] == 0 and unverified.verify_mode == ssl.CERT_NONE
assert "set_default_verify_paths" not in ssl.SSLContext.__dict__  # restored
print(verified.cert_store_stats()["x509_ca"])
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server.load_cert_chain(sys.argv[1])
sys.path.insert(0, "tests/unit")
from test_aiohttp_preload import handshake
handshake(verified, server)
print(verified.cert_store_stats()["x509_ca"])
later = ssl.create_default_context()  # built after the import: the bundle, as always
print(later.cert_store_stats()["x509_ca"])
"""


def _aiohttp_stats(bundle: Path, certs: Path, server_chain: Path) -> list[int]:
    env = {**os.environ, "SSL_CERT_FILE": str(bundle), "SSL_CERT_DIR": str(certs)}
    out = subprocess.run(
        [sys.executable, "-c", AIOHTTP_CHECK, str(server_chain)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return [int(line) for line in out.stdout.split()]


def test_aiohttp_verifies_with_the_directory(tmp_path: Path) -> None:
    pki = Pki(tmp_path)
    bundle, certs = pki.trust_store(tmp_path)
    # before the first handshake: no CA parsed; after it: the one it needed; a later context: the bundle
    assert _aiohttp_stats(bundle, certs, pki.server_chain) == [0, 1, 1]


def test_aiohttp_loads_the_bundle_when_the_directory_differs(tmp_path: Path) -> None:
    pki = Pki(tmp_path)
    bundle, certs = pki.trust_store(tmp_path)
    extra = Pki(tmp_path, "Extra Root")
    shutil.copyfile(extra.ca_file, certs / extra.hashed_name())
    assert _aiohttp_stats(bundle, certs, pki.server_chain) == [1, 1, 1]
