"""Login lockout per client address: after MAX_FAILURES wrong logins within WINDOW_S seconds, the
address is refused (HTTP 429) for LOCKOUT_S seconds, on Gradio's login form and on the HTTP Basic
check of « /documents/ » alike. The address is the TCP peer: behind a reverse proxy every user
shares the proxy's, so the proxy should do its own limiting."""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from typing import Callable

MAX_FAILURES = 5
WINDOW_S = 300.0
LOCKOUT_S = 60.0
LOGIN_PATHS = {"/login", "/login/"}  # Gradio's login form posts here (gradio/routes.py)
MAX_TRACKED = 10_000  # addresses remembered at once; the oldest are forgotten first


def lockout_message(seconds: float) -> str:
    return (f"Trop de tentatives de connexion échouées depuis cette adresse : "
            f"réessayez dans {math.ceil(seconds)} s.")


class LoginThrottle:
    """Failed logins per client address. ``clock`` (seconds, monotonic) is injectable for tests."""

    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S, lockout_s: float = LOCKOUT_S,
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures = max_failures
        self.window_s = window_s
        self.lockout_s = lockout_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()  # the /documents/ check runs in a thread pool

    def locked_for(self, client: str) -> float:
        """Seconds left before ``client`` may try again; 0 when it may."""
        with self._lock:
            until = self._locked_until.get(client)
            if until is None:
                return 0.0
            left = until - self.clock()
            if left <= 0:
                del self._locked_until[client]
                return 0.0
            return left

    def failed(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            times = self._failures.pop(client, deque())
            times.append(now)
            while times and times[0] <= now - self.window_s:
                times.popleft()
            if len(times) >= self.max_failures:
                self._locked_until[client] = now + self.lockout_s
            else:
                self._failures[client] = times  # re-inserted last: the dict stays oldest-first
            while len(self._failures) > MAX_TRACKED:
                del self._failures[next(iter(self._failures))]
            if len(self._locked_until) > MAX_TRACKED:
                self._locked_until = {c: t for c, t in self._locked_until.items() if t > now}

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


class LoginThrottleMiddleware:
    """ASGI middleware for Gradio's login form: a locked address gets 429 without its password being
    checked; a 4xx answer counts as a failure, a 2xx one clears the count. Other requests pass
    untouched (a pure ASGI middleware, so the queue's event streams are not buffered)."""

    def __init__(self, app, throttle: LoginThrottle):
        self.app = app
        self.throttle = throttle

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in LOGIN_PATHS:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        left = self.throttle.locked_for(client)
        if left:
            body = json.dumps({"detail": lockout_message(left)}, ensure_ascii=False).encode("utf-8")
            await send({"type": "http.response.start", "status": 429, "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(math.ceil(left)).encode()),
            ]})
            await send({"type": "http.response.body", "body": body})
            return

        async def counting_send(message):
            if message["type"] == "http.response.start":
                status = message["status"]
                if 400 <= status < 500:
                    self.throttle.failed(client)
                elif 200 <= status < 300:
                    self.throttle.succeeded(client)
            await send(message)

        await self.app(scope, receive, counting_send)
