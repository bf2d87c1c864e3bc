"""Count-min sketch: never under-counts; over-counts beyond ε·N in at most about a δ share of queries."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.count_min_sketch import CountMinSketch

EPSILON, DELTA = 0.01, 0.05  # 272 × 3 counters
TRIALS, STREAM, KEYS = 60, 5_000, 2_000


def skewed_stream(rng: random.Random) -> list[str]:
    """A Zipf-like stream: key i drawn with weight 1/(i + 1), so a few keys are heavy and most are light."""
    keys = [f"key-{i}" for i in range(KEYS)]
    return rng.choices(keys, weights=[1 / (i + 1) for i in range(KEYS)], k=STREAM)


def test_dimensions_follow_epsilon_and_delta() -> None:
    # ⌈e / 0.01⌉ = ⌈271.8⌉ = 272; ⌈ln(1 / 0.05)⌉ = ⌈3.0⌉ = 3; ⌈ln 1000⌉ = ⌈6.9⌉ = 7
    assert (CountMinSketch.for_error(0.01, 0.05).width, CountMinSketch.for_error(0.01, 0.05).depth) == (272, 3)
    assert CountMinSketch.for_error(0.01, 0.001).depth == 7


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.integers(min_value=0, max_value=50)), max_size=100))
def test_never_under_counts_and_is_exact_without_collisions(updates: list[tuple[str, int]]) -> None:
    roomy, cramped = CountMinSketch(10_000, 4), CountMinSketch(2, 2)  # cramped: every key collides
    truth: Counter[str] = Counter()
    for key, count in updates:
        roomy.add(key, count)
        cramped.add(key, count)
        truth[key] += count
    for key in "abcdefgh":
        assert cramped.estimate(key) >= truth[key]
        assert roomy.estimate(key) >= truth[key]
    assert cramped.total == roomy.total == sum(truth.values())


def test_over_count_stays_within_epsilon_n_with_probability_one_minus_delta() -> None:
    rng = random.Random(10)
    breaches = queries = 0
    for trial in range(TRIALS):
        stream = skewed_stream(rng)
        sketch = CountMinSketch.for_error(EPSILON, DELTA, seed=trial)
        for key in stream:
            sketch.add(key)
        truth = Counter(stream)
        for key in truth:
            over = sketch.estimate(key) - truth[key]
            assert over >= 0
            breaches += over > EPSILON * len(stream)
            queries += 1
    # The guarantee is per query: P(over-count > εN) ≤ δ. A broken sketch (too narrow, max not min) exceeds it.
    assert breaches / queries <= DELTA, (breaches, queries)


def test_heavy_hitters_are_estimated_closely() -> None:
    stream = skewed_stream(random.Random(3))
    sketch = CountMinSketch.for_error(0.001, 0.01)
    for key in stream:
        sketch.add(key)
    truth = Counter(stream)
    for key, count in truth.most_common(5):
        assert count <= sketch.estimate(key) <= count + 0.001 * len(stream)


def test_merged_shards_equal_one_sketch_of_everything() -> None:
    stream = skewed_stream(random.Random(5))
    whole, left, right = (CountMinSketch(300, 4, seed=1) for _ in range(3))
    for index, key in enumerate(stream):
        whole.add(key)
        (left if index % 2 else right).add(key)
    left.merge(right)
    assert all(left.estimate(key) == whole.estimate(key) for key in set(stream))
    assert left.total == whole.total


def test_merge_refuses_mismatched_sketches() -> None:
    with pytest.raises(ValueError, match="same width"):
        CountMinSketch(100, 3).merge(CountMinSketch(100, 3, seed=1))


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        CountMinSketch(10, 2).add("a", -1)
