"""Invalidation: jittered TTLs stay in range, events delete exactly the derived keys, version bumps retire old keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.cache_aside import TtlCache
from calculators.patterns.cache_invalidation import DerivedKeys, VersionedKeys, jittered_ttl_s


@given(
    base_ttl_s=st.floats(min_value=1, max_value=1e6),
    spread=st.floats(min_value=0, max_value=0.99),
    uniform=st.floats(min_value=0, max_value=1),
)
def test_jittered_ttl_stays_within_the_spread(base_ttl_s: float, spread: float, uniform: float) -> None:
    ttl_s = jittered_ttl_s(base_ttl_s, spread, lambda: uniform)
    assert base_ttl_s * (1 - spread) * (1 - 1e-12) <= ttl_s <= base_ttl_s * (1 + spread) * (1 + 1e-12)


@pytest.mark.parametrize("spread", [-0.1, 1.0, 2.0], ids=["negative", "one", "above-one"])
def test_jittered_ttl_rejects_bad_spread(spread: float) -> None:
    with pytest.raises(ValueError, match="spread"):
        jittered_ttl_s(60, spread, lambda: 0.5)


def test_jitter_actually_spreads_expiry_times() -> None:
    draws = iter([0.0, 0.25, 0.5, 0.75, 1.0])
    ttls_s = {jittered_ttl_s(1000, 0.2, lambda: next(draws)) for _ in range(5)}
    assert len(ttls_s) == 5


def filled_cache(keys: list[str]) -> TtlCache[str]:
    cache = TtlCache[str](lambda: 0.0)
    for key in keys:
        cache.set(key, "value", ttl_s=600)
    return cache


@pytest.mark.parametrize(
    ("recorded", "changed", "expected_gone", "expected_kept"),
    [
        ([("user:1", "user:1"), ("user:1", "posts:1")], "user:1", ["user:1", "posts:1"], []),
        ([("user:1", "user:1"), ("user:2", "user:2")], "user:1", ["user:1"], ["user:2"]),
        ([("user:1", "page:7"), ("team:7", "page:7")], "team:7", ["page:7"], []),
        ([("user:1", "user:1")], "user:9", [], ["user:1"]),
    ],
    ids=["all-derived-keys", "other-entities-untouched", "shared-key-via-either-entity", "unknown-entity"],
)
def test_event_deletes_exactly_the_derived_keys(
    recorded: list[tuple[str, str]], changed: str, expected_gone: list[str], expected_kept: list[str]
) -> None:
    cache = filled_cache([key for _, key in recorded])
    index = DerivedKeys()
    for entity_id, key in recorded:
        index.record(entity_id, key)
    assert index.invalidate(changed, cache) == len(expected_gone)
    assert all(cache.get(key) is None for key in expected_gone)
    assert all(cache.get(key) == "value" for key in expected_kept)


def test_redelivered_event_is_harmless() -> None:
    cache = filled_cache(["user:1"])
    index = DerivedKeys()
    index.record("user:1", "user:1")
    assert index.invalidate("user:1", cache) == 1
    assert index.invalidate("user:1", cache) == 0


def test_version_bump_makes_the_old_entry_unreachable() -> None:
    cache = TtlCache[str](lambda: 0.0)
    keys = VersionedKeys()
    cache.set(keys.key_for("user:1", "card"), "old card", ttl_s=600)
    keys.bump("user:1")
    assert cache.get(keys.key_for("user:1", "card")) is None
    assert keys.key_for("user:2", "card") == "user:2:v0:card"  # other entities keep their version


@given(st.lists(st.sampled_from(["a", "b", "c"]), max_size=30))
def test_versions_only_move_forward_and_keys_never_repeat(bumps: list[str]) -> None:
    keys = VersionedKeys()
    seen = {keys.key_for(entity, "view") for entity in "abc"}
    for entity in bumps:
        before = keys.key_for(entity, "view")
        keys.bump(entity)
        after = keys.key_for(entity, "view")
        assert after != before
        assert after not in seen
        seen.add(after)
