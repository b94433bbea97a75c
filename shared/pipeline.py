"""The request pipeline: an onion of small stages around a terminal upstream call.

    authenticate -> validate            (done by the surface, before a Call exists)
    stage 1 .. stage n                  (policy, cache, accounting: each wraps `next`)
    terminal                            (route + generate)

A stage is `async (call, next) -> Outcome`: it may change the call before `next`, answer
without calling `next` (a cache hit), or wrap the outcome after it (restore placeholders,
store, account). Streams are outcomes too: `Outcome.chunks` is an async iterator that stages
wrap (most add a level to the stream's one `ChunkStream`, shared/streams.py, rather than a generator
each), and the terminal primes its first chunk so that failures before it raise here.

A stage may also have `idle(call) -> bool`: True when, for this call, the stage would do nothing
but `return await next(call)` (the limits stage for a tenant without limits). The pipeline then
calls `next` itself, without the stage's coroutine: one level fewer between the request's task and
the upstream call, which every resume of the task (each read of the answer) passes through.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from shared.cost.prices import Usage, usage_from_metadata
from shared.providers.base import GeminiBody, Target
from shared.tenants import Tenant
from shared.timing import Timings

if TYPE_CHECKING:
    from shared.cache.rules import Eligibility

__all__ = [
    "Call",
    "Handler",
    "Operation",
    "Outcome",
    "Pipeline",
    "PreparedInput",
    "Restorer",
    "Stage",
]


Operation = Literal["generate", "countTokens", "enqueue", "embed"]


class Restorer(Protocol):
    """Puts a request's own values back into an answer (the policy stage's pseudonym mapping)."""

    def restore(self, text: str) -> str: ...
    def stream(self) -> Any: ...  # a TextStream (shared/policy/body.py) for streamed answers
    def compact(self) -> Restorer: ...  # a copy holding only what restoring needs
    def footprint(self) -> int: ...  # bytes held, for a memory budget


@dataclass(frozen=True, slots=True)
class PreparedInput:
    """The policy input stage's decision for one request, published for the repeat fast path
    (shared/cache/repeat.py): the mapping that restores the answer (None: nothing to restore) and
    the findings counted per `TYPE:action` (the request log's `policy` field). Never logged."""

    restorer: Restorer | None
    counts: dict[str, int]


@dataclass(slots=True)
class Call:
    """One generate request as every stage sees it; `body` is a Gemini REST request."""

    request_id: str
    tenant: Tenant
    dialect: str
    model: str
    body: GeminiBody
    stream: bool
    deadline: float  # time.monotonic() value after which no attempt may start
    operation: Operation = "generate"
    timings: Timings = field(default_factory=Timings)
    attrs: dict[str, Any] = field(default_factory=dict)  # stage annotations for logs/headers
    # Strings stored beside the body (a job's metadata): the policy stage redacts them like the body.
    stored: dict[str, str] = field(default_factory=dict)
    # For the repeat fast path (shared/cache/repeat.py): what the policy input stage decided (set only
    # when that decision depends on nothing but the request and the tenant's settings) and the exact
    # cache key the cache stage looked up. Neither is logged.
    prepared: PreparedInput | None = None
    cache_key: str | None = None
    # The cache verdict (shared/cache/rules.py) the repeat stage reached before the policy stage, for
    # the cache stage: it reads only the generation config and tools, which policy never rewrites.
    cache_verdict: Eligibility | None = None
    # The answer's usage as first read (`usage`), with the usageMetadata object it was read from.
    read_usage: tuple[Any, Usage] | None = field(default=None, init=False, repr=False)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def usage(self, response: GeminiBody) -> Usage:
        """The usage of `response` (`usage_from_metadata` of its usageMetadata), read once per call:
        accounting and the limits' settlement share it. Read again only when the metadata is another
        object (a stage built a new one)."""
        meta = response.get("usageMetadata")
        read = self.read_usage
        if read is None or read[0] is not meta:
            read = self.read_usage = (meta, usage_from_metadata(meta))
        return read[1]


@dataclass(slots=True)
class Outcome:
    """A full response or a stream of response chunks, both Gemini REST JSON."""

    response: GeminiBody | None = None
    chunks: AsyncIterator[GeminiBody] | None = None
    cache: Literal["miss", "hit", "semantic", "bypass"] = "miss"
    target: Target | None = None


Handler = Callable[[Call], Awaitable[Outcome]]
Stage = Callable[[Call, Handler], Awaitable[Outcome]]


class Pipeline:
    """Runs `stages` in order around `terminal`.

    `run(call, terminal=...)` swaps the terminal for one call: the async lane enqueues a job
    through the same stages (so redaction happens before anything is stored).
    """

    def __init__(self, stages: Sequence[Stage], terminal: Handler) -> None:
        self._stages = tuple(stages)
        self._handler = self._wrap(terminal)

    def _wrap(self, terminal: Handler) -> Handler:
        handler = terminal
        for stage in reversed(self._stages):
            handler = _bind(stage, handler)
        return handler

    def run(self, call: Call, terminal: Handler | None = None) -> Awaitable[Outcome]:
        """The outermost stage's coroutine for `call` (awaited by the caller: no coroutine of the
        pipeline's own around the stages)."""
        handler = self._handler if terminal is None else self._wrap(terminal)
        return handler(call)


class _Bound:
    """`stage` with its `next`: calling it returns the stage's own coroutine (no wrapper coroutine
    per stage and request), or `next`'s when the stage is idle for the call."""

    __slots__ = ("_idle", "_next", "_stage")

    def __init__(self, stage: Stage, next_handler: Handler) -> None:
        self._stage = stage
        self._next = next_handler
        self._idle: Callable[[Call], bool] | None = getattr(stage, "idle", None)

    def __call__(self, call: Call) -> Awaitable[Outcome]:
        idle = self._idle
        if idle is not None and idle(call):
            return self._next(call)
        return self._stage(call, self._next)


def _bind(stage: Stage, next_handler: Handler) -> Handler:
    return _Bound(stage, next_handler)
