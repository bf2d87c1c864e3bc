"""Idempotency keys: a retried request with the same key gets the first response instead of running twice."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass


class IdempotencyKeyReusedError(Exception):
    """Same key, different payload: a client bug, not a retry. Maps to HTTP 422 (or 409)."""


class RequestInProgressError(Exception):
    """Same key while the first request is still running. Maps to HTTP 409: the client retries later."""


@dataclass(frozen=True)
class _Claim:
    """The first request with this key is running."""

    payload_sha256: str
    expires_at_s: float


@dataclass(frozen=True)
class _Completed[R]:
    """The first request finished; repeats get ``response``."""

    payload_sha256: str
    expires_at_s: float
    response: R


def payload_fingerprint(payload: Mapping[str, object]) -> str:
    """Hash of the canonical JSON form, so key order and spacing do not make two equal payloads differ.

    >>> payload_fingerprint({"amount": 500, "to": "acct_9"}) == payload_fingerprint({"to": "acct_9", "amount": 500})
    True
    """
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotencyStore[R]:
    """Remembers the response to each key for ``ttl_s`` seconds after the first request completes.

    >>> now_s = [0.0]
    >>> store = IdempotencyStore[str](ttl_s=86_400, clock_s=lambda: now_s[0])
    >>> charges = []
    >>> def charge() -> str:
    ...     charges.append(500)
    ...     return f"charge #{len(charges)}"
    >>> store.execute("key-1", {"amount": 500}, charge), store.execute("key-1", {"amount": 500}, charge)
    ('charge #1', 'charge #1')
    >>> store.execute("key-1", {"amount": 900}, charge)
    Traceback (most recent call last):
    calculators.patterns.idempotency.IdempotencyKeyReusedError: key 'key-1' was first used with a different payload
    >>> now_s[0] = 86_401  # after the TTL the key is forgotten and a repeat runs again
    >>> store.execute("key-1", {"amount": 500}, charge), len(charges)
    ('charge #2', 2)
    """

    def __init__(self, ttl_s: float, claim_timeout_s: float = 60.0, clock_s: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        # A claim is a lease: if the server running the first request dies, the key frees up after this.
        self.claim_timeout_s = claim_timeout_s
        self._clock_s = clock_s
        self._entries: dict[str, _Claim | _Completed[R]] = {}
        self._lock = threading.Lock()

    def execute(self, key: str, payload: Mapping[str, object], handler: Callable[[], R]) -> R:
        fingerprint = payload_fingerprint(payload)
        with self._lock:  # check and claim in one step, or two concurrent duplicates could both run
            entry = self._entries.get(key)
            if entry is not None and entry.expires_at_s <= self._clock_s():
                entry = None  # expired: treat as never seen
            if entry is not None:
                if entry.payload_sha256 != fingerprint:
                    raise IdempotencyKeyReusedError(f"key {key!r} was first used with a different payload")
                if not isinstance(entry, _Completed):
                    raise RequestInProgressError(f"key {key!r} is still being processed")
                return entry.response
            self._entries[key] = _Claim(fingerprint, self._clock_s() + self.claim_timeout_s)
        try:
            response = handler()
        except BaseException:
            # Nothing to replay: release the key so the client's retry runs again. This is only safe if
            # the handler's side effects roll back when it fails; in a database, commit the response row
            # in the same transaction as the side effect.
            with self._lock:
                self._entries.pop(key, None)
            raise
        with self._lock:
            self._entries[key] = _Completed(fingerprint, self._clock_s() + self.ttl_s, response)
        return response

    def purge_expired(self) -> int:
        """Drop expired entries (run it periodically so memory stays bounded); return how many went."""
        now_s = self._clock_s()
        with self._lock:
            expired = [key for key, entry in self._entries.items() if entry.expires_at_s <= now_s]
            for key in expired:
                del self._entries[key]
        return len(expired)
