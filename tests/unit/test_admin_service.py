"""The admin service without Firestore: caller identity, routing, bad input; the CLI's own parsing."""

import base64
import json

import orjson
import pytest

from shared.admin.caller import CallerAuth, identity_from_id_token
from shared.admin.service import AdminService, Resources
from shared.errors import Unauthenticated
from shared.http import HttpRequest
from tests.fakes import MemorySecrets


def _jwt(payload: dict) -> str:  # type: ignore[type-arg]
    part = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"eyJhbGciOiJSUzI1NiJ9.{part}"  # Cloud Run passes the token on without its signature


def test_iam_caller_is_read_from_the_unsigned_id_token() -> None:
    assert identity_from_id_token(_jwt({"email": "ops@p.iam.gserviceaccount.com", "sub": "1"})) == (
        "ops@p.iam.gserviceaccount.com"
    )
    assert identity_from_id_token(_jwt({"sub": "42"})) == "42"
    assert identity_from_id_token("not-a-jwt") is None


async def test_token_mode_compares_with_the_secret_and_iam_mode_needs_a_token() -> None:
    token_auth = CallerAuth(use_token=True, secrets=MemorySecrets({"adm": b"s3cret\n"}), token_secret="adm")
    assert (await token_auth.identify({"authorization": "Bearer s3cret"})).via == "token"
    with pytest.raises(Unauthenticated):
        await token_auth.identify({"authorization": "Bearer wrong"})
    iam = CallerAuth(use_token=False, secrets=MemorySecrets(), token_secret="adm")
    caller = await iam.identify({"authorization": f"Bearer {_jwt({'email': 'a@b.c'})}"})
    assert (caller.identity, caller.via) == ("a@b.c", "iam")
    with pytest.raises(Unauthenticated):
        await iam.identify({})


def _service() -> AdminService:
    def unused() -> object:
        raise AssertionError("not reached")

    resources = Resources(*(unused for _ in range(8)))  # type: ignore[arg-type]
    callers = CallerAuth(use_token=True, secrets=MemorySecrets({"adm": b"t"}), token_secret="adm")
    return AdminService(callers, resources)


async def _call(method: str, path: str, body: bytes = b"", token: str = "t") -> tuple[int, dict]:  # type: ignore[type-arg]
    request = HttpRequest(method, path, {"authorization": f"Bearer {token}"}, {}, body)
    response = await _service().handle(request)
    return response.status, orjson.loads(response.body)


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "field"),
    [
        ("GET", "/v1/nothing", b"", 404, None),
        ("PUT", "/v1/tenants/acme", b"", 405, None),
        ("GET", "/v1/tenants/Not_An_Id", b"", 404, None),
        ("POST", "/v1/tenants/acme/keys", b'{"nmae": "x"}', 400, "nmae"),
        ("POST", "/v1/tenants/acme/keys", b"[1]", 400, None),
        ("POST", "/v1/tenants/acme/keys/key_0123456789ab:rotate", b'{"overlap_s": "1h"}', 400, "overlap_s"),
        ("POST", "/v1/cache:purge", b'{"model": "m"}', 400, "tenant"),
        ("GET", "/v1/tenants?page_size=0", b"", 400, "page_size"),
        ("GET", "/v1/cache/calibration?model=m", b"", 400, "tenant"),
        ("GET", "/v1/cache/calibration?tenant=acme&target=0.5", b"", 400, "target"),
        ("GET", "/v1/cache/calibration?tenant=acme&target=often", b"", 400, "target"),
    ],
)
async def test_bad_requests_never_reach_a_store(
    method: str, path: str, body: bytes, status: int, field: str | None
) -> None:
    if "?" in path:
        path, _, query = path.partition("?")
        params = dict(p.split("=") for p in query.split("&"))
        request = HttpRequest(method, path, {"authorization": "Bearer t"}, params, body)
        response = await _service().handle(request)
        got, payload = response.status, orjson.loads(response.body)
    else:
        got, payload = await _call(method, path, body)
    assert got == status
    assert payload["error"]["code"] == status
    assert payload["error"].get("field") == field


async def test_wrong_admin_token_is_401_before_anything_else() -> None:
    status, payload = await _call("GET", "/v1/tenants", token="nope")
    assert status == 401
    assert payload["error"]["status"] == "UNAUTHENTICATED"


def test_cli_parses_durations_and_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cli.client import CliError
    from cli.main import _seconds, _settings

    assert [_seconds(x) for x in ("90", "90s", "10m", "24h", "7d")] == [90, 90, 600, 86400, 604800]
    with pytest.raises(CliError):
        _seconds("soon")
    patch = tmp_path / "p.json"
    patch.write_text('{"name": "x"}')
    assert _settings(patch, ["cache.semantic=true", 'allowed_models=["a"]', "region=europe-west4"]) == {
        "name": "x",
        "cache": {"semantic": True},
        "allowed_models": ["a"],
        "region": "europe-west4",
    }
