"""fileData URIs: only the tenant's allow-listed gs:// buckets and https prefixes reach Vertex AI."""

from __future__ import annotations

import orjson
import pytest
from pydantic import ValidationError

from shared.http import HttpRequest
from shared.inputs import InputSettings
from shared.tenants import Tenant
from tests.fakes import FakeProvider
from tests.unit.test_gateway import GEMINI, KEY, make_gateway

ALLOWED = InputSettings(file_buckets=("acme-media",), file_url_prefixes=("https://cdn.acme.test/public/",))


def _body(uri: str, snake: bool = False) -> bytes:
    part = (
        {"file_data": {"file_uri": uri}} if snake else {"fileData": {"mimeType": "image/png", "fileUri": uri}}
    )
    return orjson.dumps({"contents": [{"role": "user", "parts": [{"text": "what is this?"}, part]}]})


@pytest.mark.parametrize(
    ("uri", "ok"),
    [
        ("gs://acme-media/cat.png", True),
        ("gs://other-tenant-bucket/secret.pdf", False),
        ("gs://acme-media-evil/cat.png", False),
        ("gs://acme-media", False),
        ("https://cdn.acme.test/public/cat.png", True),
        ("https://cdn.acme.test/private/cat.png", False),
        ("https://cdn.acme.test/public/../private/x.png", False),
        ("https://cdn.acme.test.evil.test/public/x.png", False),
        ("http://cdn.acme.test/public/cat.png", False),
    ],
)
async def test_file_uris_outside_the_allow_list_are_refused_before_upstream(uri: str, ok: bool) -> None:
    provider = FakeProvider()
    tenant = Tenant(id="acme", allowed_models=("gemini-2.5-*",), inputs=ALLOWED)
    for snake in (False, True):
        request = HttpRequest("POST", GEMINI, {"x-goog-api-key": KEY}, {}, _body(uri, snake))
        response = await make_gateway(provider, tenant=tenant).handle(request)
        assert response.status == (200 if ok else 403), (uri, snake)
    assert len(provider.calls) == (2 if ok else 0)


async def test_by_default_no_file_uri_is_allowed() -> None:
    provider = FakeProvider()
    request = HttpRequest("POST", GEMINI, {"x-goog-api-key": KEY}, {}, _body("gs://any-bucket/x.png"))
    assert (await make_gateway(provider).handle(request)).status == 403
    assert provider.calls == []


@pytest.mark.parametrize(
    "bad",
    [
        {"file_buckets": ["gs://acme"]},
        {"file_buckets": ["Acme"]},
        {"file_url_prefixes": ["https://cdn.acme.test"]},  # no path: would match cdn.acme.test.evil
        {"file_url_prefixes": ["http://cdn.acme.test/"]},
        {"file_buckets": [f"b{i}x" for i in range(101)]},
    ],
)
def test_settings_refuse_malformed_entries(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        InputSettings.model_validate(bad)
