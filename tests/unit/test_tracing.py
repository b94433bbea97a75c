"""GenAI spans: attributes per the semantic conventions, parented on traceparent; off costs nothing."""

from __future__ import annotations

import subprocess
import sys

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shared.pipeline import Call, Outcome, Pipeline
from shared.tenants import Tenant
from shared.tracing import GenAiSpans
from tests.fakes import answer

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"


async def test_span_carries_genai_attributes_and_parent() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    usage = {"promptTokenCount": 11, "candidatesTokenCount": 5, "thoughtsTokenCount": 2}
    response = {**answer("hi", usage=usage), "modelVersion": "gemini-2.5-flash-001"}

    async def terminal(_c: Call) -> Outcome:
        return Outcome(response=response)

    body = {"contents": [], "generationConfig": {"temperature": 0.2, "maxOutputTokens": 64}}
    call = Call("r1", Tenant(id="acme"), "gemini", "gemini-2.5-flash", body, False, 1e18)
    call.attrs["_traceparent"] = f"00-{TRACE_ID}-b7ad6b7169203331-01"
    await Pipeline([GenAiSpans(provider)], terminal).run(call)
    (span,) = exporter.get_finished_spans()
    attrs = dict(span.attributes or {})
    assert span.name == "generate_content gemini-2.5-flash"
    assert attrs["gen_ai.request.model"] == "gemini-2.5-flash"
    assert attrs["gen_ai.response.model"] == "gemini-2.5-flash-001"
    assert attrs["gen_ai.usage.input_tokens"] == 11
    assert attrs["gen_ai.usage.output_tokens"] == 7
    assert attrs["gen_ai.request.temperature"] == 0.2
    assert attrs["gen_ai.request.max_tokens"] == 64
    assert attrs["gen_ai.response.finish_reasons"] == ("STOP",)
    assert format(span.context.trace_id, "032x") == TRACE_ID
    assert not any(v == "hi" for v in attrs.values())  # no answer text


def test_tracing_off_never_imports_opentelemetry() -> None:
    code = (
        "import os, sys; os.environ['GATEHOUSE_PROJECT']='p';"
        "from shared.runtime import Runtime; from shared.settings import load_settings;"
        "r = Runtime(load_settings()); r.stages;"
        "print(any(m.startswith('opentelemetry') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
