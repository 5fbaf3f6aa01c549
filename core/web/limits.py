"""Rate limits shared by every web worker: Redis when configured, memory otherwise.

Built on the ``limits`` library (the engine under Flask-Limiter), used directly because
sign-in limits are keyed by the account as well as the address, inside the sign-in service.
Each app holds its own limiter, so two apps in one process (tests) never share counters.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


@dataclass
class AppLimiter:
    """The limiter of one app and whether limits are enforced."""

    limiter: MovingWindowRateLimiter
    enabled: bool

    def hit(self, rule: str, *keys: str) -> bool:
        """Count one attempt under ``keys``; False when ``rule`` (e.g. "10/minute") is exceeded."""
        if not self.enabled:
            return True
        return self.limiter.hit(parse(rule), *keys)

    def clear(self, rule: str, *keys: str) -> None:
        """Forget the attempts counted under ``keys`` (after a successful sign-in)."""
        self.limiter.clear(parse(rule), *keys)


def install(app: Flask) -> None:
    """Create the app's limiter: ``PELITA_REDIS_URL`` when set, else in-process memory."""
    redis_url = app.config.get("REDIS_URL")
    storage = storage_from_string(redis_url if redis_url else "memory://")
    app.extensions["pelita_limiter"] = AppLimiter(MovingWindowRateLimiter(storage),
                                                  bool(app.config.get("RATELIMIT_ENABLED", True)))


def current_limiter() -> AppLimiter:
    """The limiter of the current app."""
    return current_app.extensions["pelita_limiter"]
