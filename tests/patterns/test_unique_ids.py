"""Unique IDs: Snowflake layout, ordering, sequence overflow, clocks that step back; UUIDv7 layout and order."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.unique_ids import (
    ClockMovedBackwardsError,
    SnowflakeGenerator,
    SnowflakeParts,
    parse_snowflake,
    uuid7,
)


def scripted_clock(readings: list[int], then: int | None = None) -> Callable[[], int]:
    """A clock that returns ``readings`` in order, then ``then`` forever (or fails if none is given)."""
    remaining: Iterator[int] = iter(readings)

    def read() -> int:
        reading = next(remaining, then)
        if reading is None:
            raise AssertionError("the generator read the clock more often than the test scripted")
        return reading

    return read


def test_layout_packs_time_worker_and_sequence_in_that_order() -> None:
    generator = SnowflakeGenerator(worker_id=1, epoch_ms=0, clock_ms=scripted_clock([1, 1]))
    generator.next_id()
    # 1 ms << 22, worker 1 << 12, sequence 1: 4,194,304 + 4,096 + 1.
    assert generator.next_id() == 4_198_401


def test_epoch_is_subtracted() -> None:
    generator = SnowflakeGenerator(worker_id=0, epoch_ms=1_000, clock_ms=scripted_clock([1_250]))
    assert parse_snowflake(generator.next_id()) == SnowflakeParts(250, 0, 0)


def test_ids_increase_within_and_across_milliseconds() -> None:
    generator = SnowflakeGenerator(worker_id=7, epoch_ms=0, clock_ms=scripted_clock([5, 5, 5, 6, 9, 9]))
    ids = [generator.next_id() for _ in range(6)]
    assert ids == sorted(ids) and len(set(ids)) == 6
    assert [parse_snowflake(i).sequence for i in ids] == [0, 1, 2, 0, 0, 1]


def test_sequence_overflow_waits_for_the_next_millisecond() -> None:
    generator = SnowflakeGenerator(worker_id=3, epoch_ms=0, clock_ms=scripted_clock([100] * 4_100, then=101))
    ids = [generator.next_id() for _ in range(4_097)]
    assert parse_snowflake(ids[4_095]) == SnowflakeParts(100, 3, 4_095)
    assert parse_snowflake(ids[4_096]) == SnowflakeParts(101, 3, 0)
    assert len(set(ids)) == 4_097


def test_small_backwards_step_is_waited_out() -> None:
    generator = SnowflakeGenerator(
        worker_id=2, epoch_ms=0, clock_ms=scripted_clock([1_000, 997, 998, 999, 1_000]), max_backwards_wait_ms=5
    )
    first = generator.next_id()
    second = generator.next_id()
    assert second > first
    assert parse_snowflake(second) == SnowflakeParts(1_000, 2, 1)


def test_clock_before_the_epoch_is_refused_rather_than_minting_a_negative_id() -> None:
    generator = SnowflakeGenerator(worker_id=0, epoch_ms=10_000, clock_ms=scripted_clock([9_999]))
    with pytest.raises(ValueError, match="1 ms before epoch_ms"):
        generator.next_id()


def test_large_backwards_step_is_refused() -> None:
    generator = SnowflakeGenerator(worker_id=2, epoch_ms=0, clock_ms=scripted_clock([1_000, 900]), max_backwards_wait_ms=5)
    generator.next_id()
    with pytest.raises(ClockMovedBackwardsError, match="100 ms behind"):
        generator.next_id()


def test_two_workers_on_the_same_clock_never_collide() -> None:
    readings = [10, 10, 10, 11, 11]
    first = SnowflakeGenerator(worker_id=0, epoch_ms=0, clock_ms=scripted_clock(readings))
    second = SnowflakeGenerator(worker_id=1, epoch_ms=0, clock_ms=scripted_clock(readings))
    ids = [generator.next_id() for generator in (first, second) for _ in readings]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("worker_id", [-1, 1_024])
def test_worker_id_out_of_range_is_named(worker_id: int) -> None:
    with pytest.raises(ValueError, match="worker_id must be between 0 and 1023"):
        SnowflakeGenerator(worker_id=worker_id, epoch_ms=0)


def test_timestamp_past_41_bits_is_refused() -> None:
    generator = SnowflakeGenerator(worker_id=0, epoch_ms=0, clock_ms=scripted_clock([2**41]))
    with pytest.raises(OverflowError, match="41-bit"):
        generator.next_id()


@given(
    timestamp_ms=st.integers(min_value=0, max_value=2**41 - 1),
    worker_id=st.integers(min_value=0, max_value=1_023),
)
def test_parse_reads_back_what_was_packed(timestamp_ms: int, worker_id: int) -> None:
    generator = SnowflakeGenerator(worker_id=worker_id, epoch_ms=0, clock_ms=scripted_clock([timestamp_ms]))
    snowflake_id = generator.next_id()
    assert 0 <= snowflake_id < 2**63  # the sign bit stays clear, so signed 64-bit columns hold it
    assert parse_snowflake(snowflake_id) == SnowflakeParts(timestamp_ms, worker_id, 0)


def test_real_clock_gives_unique_increasing_ids() -> None:
    generator = SnowflakeGenerator(worker_id=9, epoch_ms=1_288_834_974_657)
    ids = [generator.next_id() for _ in range(10_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_uuid7_sets_version_variant_and_time() -> None:
    value = uuid7(unix_ms=1_700_000_000_000, random_bits=(1 << 74) - 1)
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert value.int >> 80 == 1_700_000_000_000
    assert str(value) == "018bcfe5-6800-7fff-bfff-ffffffffffff"


@given(
    earlier_ms=st.integers(min_value=0, max_value=2**48 - 2),
    gap_ms=st.integers(min_value=1, max_value=10**6),
    random_a=st.integers(min_value=0, max_value=2**74 - 1),
    random_b=st.integers(min_value=0, max_value=2**74 - 1),
)
def test_uuid7_sorts_by_millisecond_whatever_the_random_bits(earlier_ms: int, gap_ms: int, random_a: int, random_b: int) -> None:
    later_ms = min(earlier_ms + gap_ms, 2**48 - 1)
    earlier, later = uuid7(earlier_ms, random_a), uuid7(later_ms, random_b)
    assert str(earlier) < str(later)  # the text form sorts the same way as the bytes


def test_uuid7_random_bits_differ_between_calls() -> None:
    assert len({uuid7(unix_ms=5) for _ in range(100)}) == 100


@pytest.mark.parametrize(
    ("unix_ms", "random_bits", "field"), [(-1, 0, "unix_ms"), (2**48, 0, "unix_ms"), (0, 2**74, "random_bits")]
)
def test_uuid7_rejects_values_that_do_not_fit(unix_ms: int, random_bits: int, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        uuid7(unix_ms=unix_ms, random_bits=random_bits)
