"""Run blocking work (analysis, an APK audit) off the event loop, within a time and concurrency budget.

A Python thread cannot be killed, so a request over its budget gets 504 at once while its thread
finishes in the background; the concurrency cap counts those threads until they end, so a flood of
slow requests turns into fast 503s instead of an unbounded pile of threads (OWASP API4:2023).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from yinsi.service.errors import ApiError

T = TypeVar("T")
# A request waits at most this long for a free slot before it is told to retry (503).
_MAX_QUEUE_SECONDS = 1.0
_POLL_SECONDS = 0.005


class WorkBudget:
    """A bounded thread pool; `run` waits at most `timeout` seconds for a slot and for the result."""

    def __init__(self, concurrency: int) -> None:
        self._slots = threading.BoundedSemaphore(concurrency)
        self._concurrency = concurrency
        self._pool: ThreadPoolExecutor | None = None

    async def run(self, work: Callable[[], T], timeout: float) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if not await self._acquire(loop.time() + min(timeout, _MAX_QUEUE_SECONDS)):
            raise ApiError(503, "busy", "the service is at its concurrency limit; retry later")
        try:
            if self._pool is None:  # first use, or after a lifespan shutdown (an app can be restarted)
                self._pool = ThreadPoolExecutor(self._concurrency, thread_name_prefix="yinsi-service")
            future = loop.run_in_executor(self._pool, work)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.shield(future), max(deadline - loop.time(), 0.001))
        except TimeoutError:
            raise ApiError(504, "timeout", f"the request took longer than its {timeout:g} s budget") from None

    async def _acquire(self, deadline: float) -> bool:
        """Poll for a slot without blocking the loop; cancellation-safe (no thread left holding a slot)."""
        loop = asyncio.get_running_loop()
        while not self._slots.acquire(blocking=False):
            if loop.time() >= deadline:
                return False
            await asyncio.sleep(_POLL_SECONDS)
        return True

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
