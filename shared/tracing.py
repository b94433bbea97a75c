"""Optional OpenTelemetry spans with the GenAI semantic-convention attributes.

Off by default (`GATEHOUSE_OTEL_ENABLED=false`): then this stage is not in the pipeline and
OpenTelemetry is never imported, so it costs nothing. When on, one span per generate call,
parented on the caller's `traceparent`, exported over OTLP/HTTP (or to any exporter passed in).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from shared.cost.prices import usage_from_metadata
from shared.errors import GatehouseError
from shared.pipeline import Call, Handler, Outcome
from shared.providers.base import GeminiBody
from shared.streams import close_input

__all__ = ["GenAiSpans", "otlp_tracer_provider"]

TRACEPARENT_ATTR = "_traceparent"  # set by the gateway; underscore: never logged


def otlp_tracer_provider(endpoint: str | None, service: str = "gatehouse") -> Any:
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    exporter = OTLPSpanExporter(endpoint=endpoint) if endpoint else OTLPSpanExporter()
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


class GenAiSpans:
    """Pipeline stage: `generate_content {model}` spans (gen_ai.* attributes, no prompt text)."""

    def __init__(self, tracer_provider: Any) -> None:
        from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

        self._tracer = tracer_provider.get_tracer("gatehouse")
        self._propagator = TraceContextTextMapPropagator()

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        from opentelemetry.trace import SpanKind, Status, StatusCode

        if call.operation != "generate":
            return await next_handler(call)
        parent = call.attrs.get(TRACEPARENT_ATTR)
        context = self._propagator.extract({"traceparent": parent}) if parent else None
        span = self._tracer.start_span(
            f"generate_content {call.model}", context=context, kind=SpanKind.CLIENT, attributes=_request(call)
        )
        try:
            outcome = await next_handler(call)
        except GatehouseError as error:
            span.set_attribute("error.type", error.code)
            span.set_status(Status(StatusCode.ERROR, error.code))
            span.end()
            raise
        span.set_attribute("gatehouse.cache", outcome.cache)
        if outcome.response is not None:
            _finish(span, outcome.response)
            span.end()
        elif outcome.chunks is not None:
            outcome.chunks = self._watch(span, outcome.chunks)
        return outcome

    async def _watch(self, span: Any, chunks: AsyncIterator[GeminiBody]) -> AsyncIterator[GeminiBody]:
        last: GeminiBody = {}
        try:
            async for chunk in chunks:
                last = chunk
                yield chunk
            _finish(span, last)
        except GatehouseError as error:
            span.set_attribute("error.type", error.code)
            raise
        finally:
            await close_input(chunks)  # the client left: the stream's levels end now (shared/streams.py)
            span.end()


def _request(call: Call) -> dict[str, Any]:
    config = call.body.get("generationConfig") or call.body.get("generation_config") or {}
    attrs: dict[str, Any] = {
        "gen_ai.operation.name": "generate_content",
        "gen_ai.provider.name": "gcp.vertex_ai",
        "gen_ai.request.model": call.model,
        "gatehouse.tenant": call.tenant.id,
        "gatehouse.dialect": call.dialect,
        "gatehouse.request_id": call.request_id,
    }
    for key, name in (
        ("temperature", "gen_ai.request.temperature"),
        ("topP", "gen_ai.request.top_p"),
        ("topK", "gen_ai.request.top_k"),
        ("maxOutputTokens", "gen_ai.request.max_tokens"),
    ):
        if isinstance(config.get(key), int | float):
            attrs[name] = config[key]
    return attrs


def _finish(span: Any, response: GeminiBody) -> None:
    usage = usage_from_metadata(response.get("usageMetadata"))
    span.set_attribute("gen_ai.usage.input_tokens", usage.prompt)
    span.set_attribute("gen_ai.usage.output_tokens", usage.candidates + usage.thoughts)
    if response.get("modelVersion"):
        span.set_attribute("gen_ai.response.model", str(response["modelVersion"]))
    if response.get("responseId"):
        span.set_attribute("gen_ai.response.id", str(response["responseId"]))
    reasons = [str(c.get("finishReason")) for c in response.get("candidates") or () if c.get("finishReason")]
    if reasons:
        span.set_attribute("gen_ai.response.finish_reasons", reasons)
