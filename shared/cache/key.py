"""Cache keys: canonical JSON (sorted keys, no whitespace) of a normalized Gemini request, hashed.

Google's JSON accepts camelCase and snake_case field names and the google-genai SDK sends a mix,
so field names are normalized to camelCase first. User-defined names are left alone: schema
property names, function-call arguments, function responses, JSON-schema documents and labels.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

from shared.dialects.validation import MAX_DEPTH, check_depth
from shared.errors import InvalidRequest

__all__ = ["KEY_VERSION", "RequestKey", "canonical", "normalize", "policy_scope", "request_key"]

KEY_VERSION = 1

# Values kept byte-for-byte (user data, not Gemini field names).
_OPAQUE = frozenset(
    {"args", "response", "responseJsonSchema", "parametersJsonSchema", "labels", "default", "example"}
)
# Maps whose keys are user-defined names and whose values are Schema objects.
_NAME_MAPS = frozenset({"properties", "defs", "$defs"})
# Request fields that do not change the answer (billing metadata).
_IGNORED = frozenset({"labels"})


def _camel(name: str) -> str:
    if "_" not in name or name.startswith("_"):
        return name
    head, *rest = name.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


def normalize(value: Any, depth: int = 0) -> Any:
    """The same request whichever field-name style it was written in. Bounded: a value nested
    deeper than validation allows is refused (400), never a RecursionError (500)."""
    if depth > MAX_DEPTH:
        raise InvalidRequest(f"request body is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for raw_key, item in value.items():
            key = _camel(raw_key)
            if key in _OPAQUE:
                check_depth(item, MAX_DEPTH)
                out[key] = item
            elif key in _NAME_MAPS and isinstance(item, dict):
                out[key] = {name: normalize(schema, depth + 2) for name, schema in item.items()}
            else:
                out[key] = normalize(item, depth + 1)
        return out
    if isinstance(value, list):
        return [normalize(item, depth + 1) for item in value]
    return value


def canonical(value: Any) -> bytes:
    """Canonical JSON: sorted keys, no whitespace (orjson's compact form), UTF-8."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError as error:  # e.g. nested past the encoder's 255 levels
        raise InvalidRequest(f"request body cannot be encoded ({error})") from None


def _digest(*parts: Any) -> str:
    return hashlib.sha256(canonical([KEY_VERSION, *parts])).hexdigest()


def _text(content: Any) -> str | None:
    """The text of a content made only of text parts; None if it carries anything else."""
    parts = content.get("parts") if isinstance(content, dict) else None
    if not isinstance(parts, list) or not parts:
        return None
    texts = []
    for part in parts:
        if not isinstance(part, dict) or set(part) - {"text"} or not isinstance(part.get("text"), str):
            return None
        texts.append(part["text"])
    return "\n".join(texts)


@dataclass(frozen=True, slots=True)
class RequestKey:
    """`exact` identifies the whole request; `scope` + `question` drive semantic matching.

    `scope` hashes everything except the last user turn (tenant, model, system instruction,
    config, tools, earlier turns), so a semantic neighbour must match all of it exactly.
    `question` is the last user turn's text, or None when semantic matching cannot apply.
    """

    exact: str
    scope: str
    question: str | None


def policy_scope(tenant: str, policy: Any) -> str:
    """The tenant part of a cache key: the tenant id and a digest of its policy settings.

    Answers are stored after the output check and keyed by the redacted request, both of which the
    tenant's policy decides; a policy change must not serve answers checked (or requests redacted)
    under the old one for the rest of their TTL. Every instance derives the same digest from the same
    settings, so cross-instance (L2, L3) hits are kept; a change orphans the old entries, as a purge
    does. `policy` is the settings' JSON form (a dict)."""
    digest = hashlib.sha256(canonical(policy)).hexdigest()[:16]
    return f"{tenant}\x00p{digest}"


def request_key(tenant: str, model: str, body: dict[str, Any], generation: int = 0) -> RequestKey:
    """`generation` (the tenant's purge generation for `model`) is mixed in when non-zero, so a
    purge orphans every earlier entry on every instance, L1 included."""
    if generation:
        tenant = f"{tenant}\x00g{generation}"
    norm = normalize({k: v for k, v in body.items() if _camel(k) not in _IGNORED})
    exact = _digest(tenant, model, norm)
    contents = norm.get("contents")
    question = None
    rest = norm
    if isinstance(contents, list) and contents:
        last = contents[-1]
        if isinstance(last, dict) and last.get("role", "user") == "user":
            question = _text(last)
        rest = {**norm, "contents": contents[:-1]}
    scope = _digest("scope", tenant, model, rest)
    return RequestKey(exact=exact, scope=scope, question=question)
