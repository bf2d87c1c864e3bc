"""Idempotency keys: replay on repeat, reject a reused key, expire, and run once under concurrent duplicates."""

from __future__ import annotations

import random
import threading
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.idempotency import (
    IdempotencyKeyReusedError,
    IdempotencyStore,
    RequestInProgressError,
    payload_fingerprint,
)


class Charges:
    def __init__(self) -> None:
        self.made: list[int] = []

    def charge(self, amount: int) -> str:
        self.made.append(amount)
        return f"charge-{len(self.made)}"


Request = tuple[float, str, int]  # (at_s, key, amount)


@pytest.mark.parametrize(
    ("requests", "expected_responses", "expected_charges"),
    [
        ([(0, "k1", 5), (1, "k1", 5)], ["charge-1", "charge-1"], [5]),
        ([(0, "k1", 5), (1, "k2", 5)], ["charge-1", "charge-2"], [5, 5]),
        ([(0, "k1", 5), (99, "k1", 5)], ["charge-1", "charge-1"], [5]),
        ([(0, "k1", 5), (100, "k1", 5)], ["charge-1", "charge-2"], [5, 5]),
        ([(0, "k1", 5), (1, "k1", 7)], ["charge-1", "IdempotencyKeyReusedError"], [5]),
    ],
    ids=["repeat-replays", "new-key-runs", "just-inside-ttl", "after-ttl-runs-again", "same-key-other-payload"],
)
def test_repeats_replay_and_reuse_is_rejected(
    requests: list[Request], expected_responses: list[str], expected_charges: list[int]
) -> None:
    now_s = [0.0]
    store = IdempotencyStore[str](ttl_s=100, clock_s=lambda: now_s[0])
    charges = Charges()
    responses = []
    for at_s, key, amount in requests:
        now_s[0] = at_s
        try:
            responses.append(store.execute(key, {"amount": amount}, partial(charges.charge, amount)))
        except IdempotencyKeyReusedError as error:
            responses.append(type(error).__name__)
    assert responses == expected_responses
    assert charges.made == expected_charges


def test_failed_handler_releases_the_key_for_a_retry() -> None:
    store = IdempotencyStore[str](ttl_s=100, clock_s=lambda: 0.0)

    def fail() -> str:
        raise ConnectionError("card network timeout")

    with pytest.raises(ConnectionError):
        store.execute("k", {}, fail)
    assert store.execute("k", {}, lambda: "ok") == "ok"


def test_duplicate_while_first_is_running_is_told_to_retry_later() -> None:
    store = IdempotencyStore[str](ttl_s=100, clock_s=lambda: 0.0)

    def handler_that_sees_a_duplicate() -> str:
        with pytest.raises(RequestInProgressError):
            store.execute("k", {"a": 1}, lambda: "second")
        return "first"

    assert store.execute("k", {"a": 1}, handler_that_sees_a_duplicate) == "first"


def test_abandoned_claim_expires_after_the_claim_timeout() -> None:
    now_s = [0.0]
    store = IdempotencyStore[str](ttl_s=1000, claim_timeout_s=10, clock_s=lambda: now_s[0])

    def crash_without_cleanup() -> str:
        now_s[0] = 11  # the first server stalls past its lease
        return store.execute("k", {}, lambda: "retry ran")

    assert store.execute("k", {}, crash_without_cleanup) == "retry ran"


def test_none_is_a_response_that_can_be_replayed() -> None:
    store = IdempotencyStore[None](ttl_s=100, clock_s=lambda: 0.0)
    calls: list[int] = []
    store.execute("k", {}, lambda: calls.append(1))
    store.execute("k", {}, lambda: calls.append(1))
    assert calls == [1]


def test_purge_drops_only_expired_entries() -> None:
    now_s = [0.0]
    store = IdempotencyStore[str](ttl_s=10, clock_s=lambda: now_s[0])
    store.execute("old", {}, lambda: "a")
    now_s[0] = 5
    store.execute("new", {}, lambda: "b")
    now_s[0] = 12
    assert store.purge_expired() == 1
    assert store.execute("new", {}, lambda: "not run") == "b"


def test_concurrent_duplicates_run_the_handler_once() -> None:
    store = IdempotencyStore[str](ttl_s=100)
    started, release = threading.Event(), threading.Event()
    runs: list[int] = []
    outcomes: list[str] = []

    def slow_charge() -> str:
        runs.append(1)
        started.set()
        release.wait(timeout=5)
        return "charged"

    def client() -> None:
        try:
            outcomes.append(store.execute("k", {"amount": 5}, slow_charge))
        except RequestInProgressError:
            outcomes.append("in progress")

    first = threading.Thread(target=client)
    first.start()
    started.wait(timeout=5)
    duplicates = [threading.Thread(target=client) for _ in range(5)]
    for thread in duplicates:
        thread.start()
    for thread in duplicates:
        thread.join(timeout=5)
    release.set()
    first.join(timeout=5)
    assert runs == [1]
    assert sorted(outcomes) == ["charged"] + ["in progress"] * 5


@given(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=6), st.randoms())
def test_fingerprint_ignores_key_order(payload: dict[str, object], rng: random.Random) -> None:
    items = list(payload.items())
    rng.shuffle(items)
    assert payload_fingerprint(dict(items)) == payload_fingerprint(payload)


@pytest.mark.parametrize(
    ("first", "second"),
    [({"amount": 5}, {"amount": 6}), ({"amount": 5}, {"amount": "5"}), ({"a": 1}, {"a": 1, "b": 2})],
    ids=["other-value", "other-type", "extra-field"],
)
def test_fingerprint_tells_different_payloads_apart(first: dict[str, object], second: dict[str, object]) -> None:
    assert payload_fingerprint(first) != payload_fingerprint(second)
