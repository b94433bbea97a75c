"""A fast, deterministic Vertex AI (and Gemini Developer API) simulator for local runs and tests.

Serves the REST paths google-genai calls: generateContent, streamGenerateContent (SSE, one
chunk per word), countTokens, embeddings (:predict, :embedContent, :batchEmbedContents) and
models.list/get, and rejects what Vertex AI rejects (dev/sim_strict.py: unknown fields, empty
parts or text, out-of-range settings). dev/sim_chat.py adds self-hosted Vertex endpoints
(:rawPredict, :streamRawPredict, :predict) and an OpenAI-compatible `/v1/chat/completions` (also
`/openai/{region}/v1/chat/completions`, so faults apply per region). Answers are derived from the
request. Per-region faults are set at runtime:

    POST   /_sim/regions/{region}  {"latency_ms", "error_rate", "error_status", "retry_after",
                                    "timeout", "stream_cut_after", "chunk_delay_ms", "seed"}
    DELETE /_sim/regions           reset every region
    GET    /_sim/requests?since=N  every request body received (parsed), with path/region/model
    DELETE /_sim/requests          forget them
    GET    /_sim/stats             counts per region and outcome
    POST   /_sim/equivalent        {"groups": [["question", "its paraphrase"], ...]}: equivalence mode,
                                   the questions of one group get exactly the same answer
    DELETE /_sim/equivalent        back to one answer per request

A prompt that starts with the cache judge's marker (shared/cache/judge.py) gets a deterministic
verdict: YES when its two questions are equal or in one declared group, else NO.

Run: python -m dev.simulator --port 8090
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import math
import random
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

from dev.sim_strict import check_embed, check_generate

_GOOGLE_STATUS = {
    400: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
_MESSAGES = {
    429: "Resource exhausted. Please try again later.",
    500: "Internal error encountered.",
    503: "The service is currently unavailable.",
}
_WORD = re.compile(r"\w+", re.UNICODE)
_PIECE = re.compile(r"\s*\S+\s*")  # a word with the spaces around it: every chunk carries text


@dataclass
class RegionFaults:
    latency_ms: float = 0.0
    error_rate: float = 0.0
    error_status: int = 503
    retry_after: float | None = None
    timeout: bool = False
    stream_cut_after: int | None = None
    chunk_delay_ms: float = 0.0
    seed: int | None = None
    rng: random.Random = field(default_factory=random.Random, repr=False)


@dataclass
class Logged:
    seq: int
    path: str
    region: str
    model: str
    method: str
    body: bytes
    authorization: bool


class Simulator:
    def __init__(self, max_log: int = 20_000) -> None:
        self.faults: dict[str, RegionFaults] = {}
        self.log: deque[Logged] = deque(maxlen=max_log)
        self.seq = 0
        self.stats: Counter[str] = Counter()
        self.equivalent: dict[str, int] = {}  # normalized question -> its group

    # -- control -----------------------------------------------------------------------------
    def region(self, name: str) -> RegionFaults:
        return self.faults.get(name) or self.faults.get("*") or RegionFaults()

    async def set_region(self, request: web.Request) -> web.Response:
        data = orjson.loads(await request.read() or b"{}")
        faults = RegionFaults(
            **{k: v for k, v in data.items() if k in RegionFaults.__dataclass_fields__ and k != "rng"}
        )
        faults.rng = random.Random(faults.seed)  # fault injection, not crypto
        self.faults[request.match_info["region"]] = faults
        return web.json_response({"region": request.match_info["region"], **data})

    async def reset_regions(self, _request: web.Request) -> web.Response:
        self.faults.clear()
        return web.json_response({})

    async def get_requests(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        items = [
            {
                "seq": e.seq,
                "path": e.path,
                "region": e.region,
                "model": e.model,
                "method": e.method,
                "authorization": e.authorization,
                "body": orjson.loads(e.body) if e.body else None,
            }
            for e in self.log
            if e.seq > since
        ]
        return web.Response(
            body=orjson.dumps({"requests": items, "last": self.seq}), content_type="application/json"
        )

    async def clear_requests(self, _request: web.Request) -> web.Response:
        self.log.clear()
        return web.json_response({"last": self.seq})

    async def set_equivalent(self, request: web.Request) -> web.Response:
        data = orjson.loads(await request.read() or b"{}")
        for number, group in enumerate(data.get("groups") or [], len(self.equivalent)):
            for question in group:
                self.equivalent[_normal(str(question))] = number
        return web.json_response({"questions": len(self.equivalent)})

    async def clear_equivalent(self, _request: web.Request) -> web.Response:
        self.equivalent.clear()
        return web.json_response({})

    async def get_stats(self, _request: web.Request) -> web.Response:
        return web.json_response(dict(self.stats))

    # -- model API ---------------------------------------------------------------------------
    async def model_call(self, request: web.Request) -> web.StreamResponse:
        info = request.match_info
        region = info.get("region", "global")
        model, _, method = info["model_method"].partition(":")
        body = await request.read()
        faults = self.region(region)
        refused = await self.admit(request, region, model, method, body)
        if refused is not None:
            return _error(*refused)
        try:
            payload = orjson.loads(body) if body else {}
        except orjson.JSONDecodeError:
            return _error(400, message="Invalid JSON payload received.")
        if not isinstance(payload, dict):
            return _error(400, message="Invalid JSON payload received.")
        problem = (
            check_generate(payload, method)
            if method in ("generateContent", "streamGenerateContent", "countTokens")
            else check_embed(method, payload)
        )
        if problem is not None:
            return _error(400, message=problem)
        if method == "generateContent":
            return _json(generate(model, payload, self.equivalent))
        if method == "streamGenerateContent":
            return await self._stream(request, model, payload, faults)
        if method == "countTokens":
            return _json(count_tokens(payload))
        if method in ("predict", "embedContent", "batchEmbedContents"):
            return _json(embed(method, payload))
        return _error(404, message=f"unknown method {method}")

    async def admit(
        self, request: web.Request, region: str, model: str, method: str, body: bytes
    ) -> tuple[int, float | None] | None:
        """Log the request and apply the region's faults: a delay, a hang, or an error to send."""
        self.seq += 1
        self.log.append(
            Logged(
                self.seq,
                request.path,
                region,
                model,
                method,
                body,
                "authorization" in request.headers or "x-goog-api-key" in request.headers,
            )
        )
        faults = self.region(region)
        if faults.latency_ms:
            await asyncio.sleep(faults.latency_ms / 1000.0)
        if faults.timeout:
            self.stats[f"{region}:timeout"] += 1
            await asyncio.sleep(3600)
        if faults.error_rate and faults.rng.random() < faults.error_rate:
            self.stats[f"{region}:{faults.error_status}"] += 1
            return faults.error_status, faults.retry_after
        self.stats[f"{region}:ok"] += 1
        return None

    async def _stream(
        self, request: web.Request, model: str, payload: dict[str, Any], faults: RegionFaults
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for index, chunk in enumerate(stream_chunks(model, payload, equivalent=self.equivalent)):
            if faults.stream_cut_after is not None and index >= faults.stream_cut_after:
                assert request.transport is not None
                request.transport.abort()  # an abrupt cut, as a dropped connection looks
                return response
            if faults.chunk_delay_ms and index:
                await asyncio.sleep(faults.chunk_delay_ms / 1000.0)
            await response.write(b"data: " + orjson.dumps(chunk) + b"\r\n\r\n")
        await response.write_eof()
        return response


# -- deterministic answers --------------------------------------------------------------------
def _g(obj: Any, camel: str) -> Any:
    """Google's JSON accepts camelCase and snake_case names; read either."""
    if not isinstance(obj, dict):
        return None
    if camel in obj:
        return obj[camel]
    return obj.get(re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower())


def tokens(text: str) -> int:
    return max(1, math.ceil(len(text) / 4)) if text else 0


def _texts(content: dict[str, Any] | None) -> list[str]:
    return [p["text"] for p in (content or {}).get("parts", []) if isinstance(p.get("text"), str)]


def _prompt_tokens(payload: dict[str, Any]) -> int:
    count = sum(tokens(t) for c in payload.get("contents", []) for t in _texts(c))
    count += sum(tokens(t) for t in _texts(_g(payload, "systemInstruction")))
    for c in payload.get("contents", []):
        count += 258 * sum(1 for p in c.get("parts", []) if _g(p, "inlineData") or _g(p, "fileData"))
    return count


def _last_user_text(payload: dict[str, Any]) -> str:
    for content in reversed(payload.get("contents", [])):
        if content.get("role", "user") == "user":
            text = " ".join(_texts(content))
            if text:
                return text
    return ""


def _value_for(schema: dict[str, Any], seed: str) -> Any:
    kind = str(schema.get("type", "string")).lower()
    if schema.get("enum"):
        return schema["enum"][0]
    if kind == "object":
        props = schema.get("properties") or {}
        return {name: _value_for(sub, seed + name) for name, sub in props.items()}
    if kind == "array":
        return [_value_for(schema.get("items") or {}, seed)]
    if kind == "integer":
        return int(hashlib.sha256(seed.encode()).hexdigest()[:4], 16) % 100
    if kind == "number":
        return (int(hashlib.sha256(seed.encode()).hexdigest()[:4], 16) % 1000) / 10
    if kind == "boolean":
        return len(seed) % 2 == 0
    return f"{seed[:40]}"


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _judge_verdict(question: str, equivalent: dict[str, int]) -> str | None:
    """The cache judge's stand-in: YES for equal or declared-equivalent questions, else NO."""
    from shared.cache.judge import JUDGE_MARKER

    if not question.startswith(JUDGE_MARKER):
        return None
    try:
        data = orjson.loads(question[len(JUDGE_MARKER) :].strip())
        a, b = _normal(str(data["question_a"])), _normal(str(data["question_b"]))
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return "NO"
    same = a == b or (a in equivalent and equivalent.get(a) == equivalent.get(b))
    return "YES" if same else "NO"


def answer_parts(
    model: str, payload: dict[str, Any], equivalent: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    config = _g(payload, "generationConfig") or {}
    question = _last_user_text(payload)
    verdict = _judge_verdict(question, equivalent or {})
    if verdict is not None:
        return [{"text": verdict}]
    tools = [d for t in payload.get("tools") or [] for d in _g(t, "functionDeclarations") or []]
    mode = (_g(_g(payload, "toolConfig") or {}, "functionCallingConfig") or {}).get("mode")
    if tools and mode == "ANY":
        return [{"functionCall": {"name": tools[0]["name"], "args": {}}}]
    if _g(config, "responseMimeType") == "application/json":
        schema = _g(config, "responseSchema") or _g(config, "responseJsonSchema")
        value = _value_for(schema, question) if isinstance(schema, dict) else {"answer": question}
        return [{"text": orjson.dumps(value).decode()}]
    turns = sum(1 for c in payload.get("contents", []) if c.get("role", "user") == "user")
    digest = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()[:8]
    system = " ".join(_texts(_g(payload, "systemInstruction")))
    text = f"Simulated {model} answer #{digest} (turn {turns}) to: {question}"
    group = (equivalent or {}).get(_normal(question))
    if group is not None:  # equivalence mode: one answer for every question of the group
        text = f"Simulated {model} answer (turn {turns}) for equivalence group {group}"
    if system:
        text += f" [system: {system[:60]}]"
    return [{"text": text}]


def _usage(model: str, payload: dict[str, Any], parts: list[dict[str, Any]]) -> dict[str, Any]:
    prompt = _prompt_tokens(payload)
    out = sum(tokens(p.get("text", "")) or 5 for p in parts)
    thinking = _g(_g(_g(payload, "generationConfig") or {}, "thinkingConfig") or {}, "thinkingBudget")
    thoughts = 0
    if thinking is None and "2.5" in model:
        thoughts = 2 * out  # 2.5 models think by default
    elif thinking:
        thoughts = min(int(thinking), 2 * out) if int(thinking) > 0 else 0
    cached = min(prompt, 1024) if _g(payload, "cachedContent") else 0
    usage: dict[str, Any] = {
        "promptTokenCount": prompt,
        "candidatesTokenCount": out,
        "totalTokenCount": prompt + out + thoughts,
        "trafficType": "ON_DEMAND",
        "promptTokensDetails": [{"modality": "TEXT", "tokenCount": prompt}],
        "candidatesTokensDetails": [{"modality": "TEXT", "tokenCount": out}],
    }
    if thoughts:
        usage["thoughtsTokenCount"] = thoughts
    if cached:
        usage["cachedContentTokenCount"] = cached
        usage["cacheTokensDetails"] = [{"modality": "TEXT", "tokenCount": cached}]
    return usage


def generate(model: str, payload: dict[str, Any], equivalent: dict[str, int] | None = None) -> dict[str, Any]:
    parts = answer_parts(model, payload, equivalent)
    return {
        "candidates": [
            {"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "avgLogprobs": -0.25}
        ],
        "usageMetadata": _usage(model, payload, parts),
        "modelVersion": model,
        "createTime": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()),
        "responseId": hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()[:20],
    }


def stream_chunks(
    model: str, payload: dict[str, Any], equivalent: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """Word-sized chunks, each with text (as a user watching a stream expects); the last finishes."""
    full = generate(model, payload, equivalent)
    parts = full["candidates"][0]["content"]["parts"]
    text = parts[0].get("text") if len(parts) == 1 else None
    if text is None:
        return [full]
    slices = _PIECE.findall(text) or [text]
    chunks = []
    for index, piece in enumerate(slices):
        last = index == len(slices) - 1
        candidate: dict[str, Any] = {"content": {"role": "model", "parts": [{"text": piece}]}}
        if last:
            candidate["finishReason"] = "STOP"
        usage = dict(full["usageMetadata"])
        if not last:
            usage = {"promptTokenCount": usage["promptTokenCount"], "trafficType": "ON_DEMAND"}
        chunks.append(
            {
                "candidates": [candidate],
                "usageMetadata": usage,
                "modelVersion": model,
                "createTime": full["createTime"],
                "responseId": full["responseId"],
            }
        )
    return chunks


def count_tokens(payload: dict[str, Any]) -> dict[str, Any]:
    inner = _g(payload, "generateContentRequest") or payload
    total = _prompt_tokens(inner)
    chars = sum(len(t) for c in inner.get("contents", []) for t in _texts(c))
    return {
        "totalTokens": total,
        "totalBillableCharacters": chars,
        "promptTokensDetails": [{"modality": "TEXT", "tokenCount": total}],
    }


def embedding(text: str, dim: int = 768) -> list[float]:
    """Feature-hashed bag of words, L2-normalised: similar wording gives similar vectors."""
    vector = [0.0] * dim
    for word in _WORD.findall(text.lower()):
        h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
        vector[h % dim] += 1.0 if (h >> 32) & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


def embed(method: str, payload: dict[str, Any]) -> dict[str, Any]:
    if method == "predict":
        dim = int(_g(payload.get("parameters") or {}, "outputDimensionality") or 768)
        preds = []
        for instance in payload.get("instances", []):
            text = str(instance.get("content", ""))
            preds.append(
                {
                    "embeddings": {
                        "values": embedding(text, dim),
                        "statistics": {"token_count": tokens(text), "truncated": False},
                    }
                }
            )
        return {"predictions": preds, "metadata": {"billableCharacterCount": sum(len(str(i)) for i in preds)}}
    if method == "batchEmbedContents":
        return {
            "embeddings": [
                {
                    "values": embedding(
                        " ".join(_texts(r.get("content"))), int(_g(r, "outputDimensionality") or 768)
                    )
                }
                for r in payload.get("requests", [])
            ]
        }
    dim = int(_g(payload, "outputDimensionality") or 768)
    return {"embedding": {"values": embedding(" ".join(_texts(payload.get("content"))), dim)}}


def _json(payload: dict[str, Any]) -> web.Response:
    return web.Response(body=orjson.dumps(payload), content_type="application/json")


def _error(status: int, retry_after: float | None = None, message: str | None = None) -> web.Response:
    body = {
        "error": {
            "code": status,
            "message": message or _MESSAGES.get(status, f"Simulated error {status}."),
            "status": _GOOGLE_STATUS.get(status, "UNKNOWN"),
        }
    }
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None and status == 429 else {}
    return web.Response(
        status=status, body=orjson.dumps(body), content_type="application/json", headers=headers
    )


_MODELS = {  # what the simulator lists: id -> (input token limit, methods)
    "gemini-2.5-pro": (1048576, ("generateContent", "streamGenerateContent", "countTokens")),
    "gemini-2.5-flash": (1048576, ("generateContent", "streamGenerateContent", "countTokens")),
    "gemini-2.5-flash-lite": (1048576, ("generateContent", "streamGenerateContent", "countTokens")),
    "gemini-2.0-flash": (1048576, ("generateContent", "streamGenerateContent", "countTokens")),
    "gemini-embedding-001": (2048, ("embedContent", "batchEmbedContents")),
    "text-embedding-005": (2048, ("embedContent", "batchEmbedContents")),
}


def _model(name: str, vertex: bool) -> dict[str, Any]:
    limit, methods = _MODELS[name]
    if vertex:
        return {"name": f"publishers/google/models/{name}", "versionId": "default", "launchStage": "GA"}
    return {
        "name": f"models/{name}",
        "version": "001",
        "displayName": name,
        "inputTokenLimit": limit,
        "supportedGenerationMethods": list(methods),
    }


async def list_models(request: web.Request) -> web.Response:
    vertex = "publishers" in request.path
    items = [_model(name, vertex) for name in _MODELS]
    return _json({"publisherModels": items} if vertex else {"models": items})


async def get_model(request: web.Request) -> web.Response:
    name = request.match_info["model"]
    if name not in _MODELS:
        return _error(
            404, message=f"Publisher Model `{name}` was not found or your project does not have access."
        )
    return _json(_model(name, "publishers" in request.path))


SIM_KEY = web.AppKey("sim", Simulator)


def build_app(sim: Simulator | None = None) -> web.Application:
    from dev.sim_chat import add_chat_routes  # it builds on this module's answers

    sim = sim or Simulator()
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[SIM_KEY] = sim
    app.router.add_post("/_sim/regions/{region}", sim.set_region)
    app.router.add_delete("/_sim/regions", sim.reset_regions)
    app.router.add_get("/_sim/requests", sim.get_requests)
    app.router.add_delete("/_sim/requests", sim.clear_requests)
    app.router.add_get("/_sim/stats", sim.get_stats)
    app.router.add_post("/_sim/equivalent", sim.set_equivalent)
    app.router.add_delete("/_sim/equivalent", sim.clear_equivalent)
    app.router.add_get("/healthz", _ok)
    app.router.add_post(
        "/{version}/projects/{project}/locations/{region}/publishers/google/models/{model_method}",
        sim.model_call,
    )
    app.router.add_post("/{version}/publishers/google/models/{model_method}", sim.model_call)
    add_chat_routes(app, sim)
    app.router.add_post("/{version}/models/{model_method}", sim.model_call)
    for prefix in ("/{version}/models", "/{version}/publishers/google/models"):
        app.router.add_get(prefix, list_models)
        app.router.add_get(prefix + "/{model}", get_model)
    return app


async def _ok(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args()
    web.run_app(build_app(), host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
