"""Failed token and link checks per client: after 10 in a minute, a client gets 429 for a while.

A signed link cannot be guessed, but an HR token might be, and a flood of forged tokens costs
the server work. Only failures count (a wrong, damaged, expired or revoked key or HR token), and
once a client is over the limit every check from it is refused, right ones too: otherwise a
guesser would still learn which guess was right.

A client is its IP address as the server sees it; behind the reverse proxy that is the address
the proxy passes on in ``X-Forwarded-For`` (uvicorn trusts it from the proxy's address only).
Pure apart from the clock, which tests pass in.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 10
WINDOW_SECONDS = 60.0
#: Beyond this many clients with recent failures the oldest are forgotten (bounded memory).
MAX_CLIENTS = 10_000


class FailureLimiter:
    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._max = max_failures
        self._window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, client: str) -> deque[float] | None:
        failures = self._failures.get(client)
        if failures is None:
            return None
        horizon = self._clock() - self._window
        while failures and failures[0] <= horizon:
            failures.popleft()
        if not failures:
            del self._failures[client]
            return None
        return failures

    def any_failures(self) -> bool:
        """False in the normal case: then no client needs looking up."""
        return bool(self._failures)

    def retry_after(self, client: str) -> int | None:
        """Seconds until ``client`` may try again, or None when it may try now."""
        failures = self._recent(client)
        if failures is None or len(failures) < self._max:
            return None
        return max(1, int(failures[-self._max] + self._window - self._clock()) + 1)

    def failed(self, client: str) -> None:
        failures = self._recent(client)
        if failures is None:
            if len(self._failures) >= MAX_CLIENTS:
                del self._failures[next(iter(self._failures))]  # dicts keep insertion order: the oldest
            failures = self._failures[client] = deque(maxlen=self._max)
        failures.append(self._clock())
