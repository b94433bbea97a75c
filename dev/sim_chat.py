"""Simulator routes for non-Gemini upstreams: an OpenAI-compatible chat API and self-hosted
models behind Vertex AI endpoints (`:rawPredict`/`:streamRawPredict` take a chat body, as the
vLLM serving container does; `:predict` takes `instances` of prompts).

Answers come from the simulator's own deterministic generator; the request is read here with
its own small converter (not Gatehouse's translator), so a translation bug cannot cancel out.
The same per-region faults apply: the OpenAI route's region is the path's `{region}` segment
(`/openai/{region}/v1/chat/completions`), or `openai` for the bare `/v1/chat/completions`.
"""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from aiohttp import web

from dev import simulator as sim_mod

__all__ = ["add_chat_routes", "chat_to_payload"]


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def chat_to_payload(chat: dict[str, Any]) -> dict[str, Any]:
    """An OpenAI chat request as the Gemini-shaped payload the answer generator reads."""
    payload: dict[str, Any] = {"contents": []}
    for message in chat.get("messages") or ():
        role = message.get("role")
        if role in ("system", "developer"):
            payload["systemInstruction"] = {"parts": [{"text": _text(message.get("content"))}]}
        elif role == "tool":
            part = {"functionResponse": {"name": message.get("tool_call_id"), "response": {}}}
            payload["contents"].append({"role": "user", "parts": [part]})
        else:
            parts: list[dict[str, Any]] = []
            if _text(message.get("content")):
                parts.append({"text": _text(message.get("content"))})
            for call in message.get("tool_calls") or ():
                parts.append({"functionCall": {"name": call["function"]["name"], "args": {}}})
            payload["contents"].append({"role": "model" if role == "assistant" else "user", "parts": parts})
    fmt = chat.get("response_format") or {}
    if fmt.get("type") in ("json_object", "json_schema"):
        config: dict[str, Any] = {"responseMimeType": "application/json"}
        schema = (fmt.get("json_schema") or {}).get("schema")
        if schema:
            config["responseSchema"] = schema
        payload["generationConfig"] = config
    if chat.get("tools"):
        payload["tools"] = [{"functionDeclarations": [t["function"] for t in chat["tools"]]}]
        choice = chat.get("tool_choice")
        if choice == "required" or isinstance(choice, dict):
            payload["toolConfig"] = {"functionCallingConfig": {"mode": "ANY"}}
    return payload


def _answer(model: str, chat: dict[str, Any]) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    payload = chat_to_payload(chat)
    parts = sim_mod.answer_parts(model, payload)
    text = "".join(p.get("text", "") for p in parts)
    calls = [
        {
            "id": f"call_sim_{i}",
            "type": "function",
            "function": {
                "name": p["functionCall"]["name"],
                "arguments": orjson.dumps(p["functionCall"]["args"]).decode(),
            },
        }
        for i, p in enumerate(parts)
        if "functionCall" in p
    ]
    prompt = sim_mod._prompt_tokens(payload)
    completion = sim_mod.tokens(text) or 5
    usage = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    return text, calls, usage


def _openai_error(status: int, retry_after: float | None = None, message: str | None = None) -> web.Response:
    body = {
        "error": {"message": message or f"Simulated error {status}.", "type": "server_error", "code": status}
    }
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None and status == 429 else {}
    return web.Response(
        status=status, body=orjson.dumps(body), content_type="application/json", headers=headers
    )


class ChatRoutes:
    def __init__(self, sim: sim_mod.Simulator) -> None:
        self.sim = sim

    async def openai(self, request: web.Request) -> web.StreamResponse:
        region = request.match_info.get("region", "openai")
        return await self._chat(request, region, "chat.completions", google_errors=False)

    async def endpoint(self, request: web.Request) -> web.StreamResponse:
        endpoint, _, method = request.match_info["endpoint_method"].partition(":")
        region = request.match_info["region"]
        if method == "predict":
            return await self._predict(request, region, endpoint)
        if method not in ("rawPredict", "streamRawPredict"):
            return sim_mod._error(404, message=f"unknown method {method}")
        return await self._chat(request, region, method, google_errors=True, endpoint=endpoint)

    async def _chat(
        self, request: web.Request, region: str, method: str, *, google_errors: bool, endpoint: str = ""
    ) -> web.StreamResponse:
        body = await request.read()
        error = sim_mod._error if google_errors else _openai_error
        try:
            chat = orjson.loads(body)
        except orjson.JSONDecodeError:
            return error(400, None, "Invalid JSON payload received.")
        model = str(chat.get("model") or endpoint or "self-hosted")
        refused = await self.sim.admit(request, region, model, method, body)
        if refused is not None:
            return error(*refused)
        if not isinstance(chat.get("messages"), list) or not chat["messages"]:
            return error(400, None, "`messages` is required")
        text, calls, usage = _answer(model, chat)
        if method == "streamRawPredict" or chat.get("stream"):
            return await self._stream(request, region, model, text, calls, usage, chat)
        message: dict[str, Any] = {"role": "assistant", "content": text or None}
        if calls:
            message["tool_calls"] = calls
        return web.Response(
            body=orjson.dumps(
                {
                    "id": "chatcmpl-sim",
                    "object": "chat.completion",
                    "model": model,
                    "choices": [
                        {"index": 0, "message": message, "finish_reason": "tool_calls" if calls else "stop"}
                    ],
                    "usage": usage,
                }
            ),
            content_type="application/json",
        )

    async def _stream(
        self,
        request: web.Request,
        region: str,
        model: str,
        text: str,
        calls: list[dict[str, Any]],
        usage: dict[str, Any],
        chat: dict[str, Any],
    ) -> web.StreamResponse:
        faults = self.sim.region(region)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)

        def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
            event = {
                "id": "chatcmpl-sim",
                "object": "chat.completion.chunk",
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return b"data: " + orjson.dumps(event) + b"\n\n"

        await response.write(chunk({"role": "assistant", "content": ""}))
        size = max(1, -(-len(text) // 4))
        pieces = [text[i : i + size] for i in range(0, len(text), size)]
        for index, piece in enumerate(pieces):
            if faults.stream_cut_after is not None and index >= faults.stream_cut_after:
                assert request.transport is not None
                request.transport.abort()
                return response
            if faults.chunk_delay_ms and index:
                await asyncio.sleep(faults.chunk_delay_ms / 1000.0)
            await response.write(chunk({"content": piece}))
        for index, call in enumerate(calls):
            await response.write(chunk({"tool_calls": [{"index": index, **call}]}))
        await response.write(chunk({}, "tool_calls" if calls else "stop"))
        if (chat.get("stream_options") or {}).get("include_usage"):
            event = {
                "id": "chatcmpl-sim",
                "object": "chat.completion.chunk",
                "model": model,
                "choices": [],
                "usage": usage,
            }
            await response.write(b"data: " + orjson.dumps(event) + b"\n\n")
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response

    async def _predict(self, request: web.Request, region: str, endpoint: str) -> web.StreamResponse:
        body = await request.read()
        refused = await self.sim.admit(request, region, endpoint, "predict", body)
        if refused is not None:
            return sim_mod._error(*refused)
        try:
            instances = orjson.loads(body).get("instances") or []
        except (orjson.JSONDecodeError, AttributeError):
            return sim_mod._error(400, message="Invalid JSON payload received.")
        predictions = []
        for instance in instances:
            prompt = str(instance.get("prompt", "")) if isinstance(instance, dict) else str(instance)
            chat = {"messages": [{"role": "user", "content": prompt}]}
            text, _, _ = _answer(endpoint, chat)
            predictions.append(f"Prompt:\n{prompt}\nOutput:\n{text}")
        return web.Response(
            body=orjson.dumps({"predictions": predictions, "deployedModelId": f"{endpoint}-deployed"}),
            content_type="application/json",
        )


def add_chat_routes(app: web.Application, sim: sim_mod.Simulator) -> None:
    routes = ChatRoutes(sim)
    app.router.add_post("/v1/chat/completions", routes.openai)
    app.router.add_post("/openai/{region}/v1/chat/completions", routes.openai)
    app.router.add_post(
        "/{version}/projects/{project}/locations/{region}/endpoints/{endpoint_method}", routes.endpoint
    )
