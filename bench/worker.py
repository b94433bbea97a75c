"""One ingress (or control) worker served by uvicorn, as functions-framework's gunicorn worker serves it,
with two profiling hooks for bench/instr.py: SIGUSR1 starts cProfile, SIGUSR2 stops it and writes
the stats to $BENCH_PROFILE_OUT. Run: python -m bench.worker TARGET SOURCE PORT
"""

from __future__ import annotations

import cProfile
import os
import signal
import sys
import time
from typing import Any


def main() -> None:
    target, source, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    profiler = cProfile.Profile(time.thread_time)  # CPU, not wall: a shared machine
    if os.environ.get("BENCH_PROFILE_FROM_START"):  # cold start: imports, app, first requests
        profiler.enable()
    import uvicorn
    from functions_framework.aio import create_asgi_app

    app = create_asgi_app(target, source)

    def start(*_: Any) -> None:
        profiler.enable()

    def stop(*_: Any) -> None:
        profiler.disable()
        profiler.dump_stats(os.environ.get("BENCH_PROFILE_OUT", "/tmp/gatehouse.prof"))  # noqa: S108

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        loop="uvloop",
        http="httptools",
        log_level="error",
        access_log=False,
        lifespan="off",
    )


if __name__ == "__main__":
    main()
