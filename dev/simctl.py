"""A small client for the simulator's control endpoints, used by tests and benchmarks."""

from __future__ import annotations

from typing import Any

import orjson
import urllib3


class SimulatorControl:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = urllib3.PoolManager()

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        response = self._http.request(
            method, self.base_url + path, body=orjson.dumps(body) if body is not None else None
        )
        if response.status >= 400:
            raise RuntimeError(f"simulator {method} {path}: HTTP {response.status}")
        return orjson.loads(response.data) if response.data else None

    def set_region(self, region: str, **faults: Any) -> None:
        """Faults: latency_ms, error_rate, error_status, retry_after, timeout, stream_cut_after, seed.

        `region` is a Vertex location (Gemini models and endpoints), or the `{region}` segment of
        `/openai/{region}/v1/chat/completions` (`openai` for the bare `/v1/chat/completions`).
        """
        self._call("POST", f"/_sim/regions/{region}", faults)

    def reset(self) -> None:
        self._call("DELETE", "/_sim/regions")

    def requests(self, since: int = 0) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/_sim/requests?since={since}")["requests"])

    def mark(self) -> int:
        """The sequence number of the last request seen; pass it to `requests(since=...)`."""
        return int(self._call("GET", "/_sim/requests?since=999999999")["last"])

    def stats(self) -> dict[str, int]:
        return dict(self._call("GET", "/_sim/stats"))
