"""Fan-out: push costs writes, pull costs reads, and the hybrid shows users the same timeline as pure pull."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.fan_out import FeedService, Post


def service_with_followers(push_max_followers: float, follower_count: int) -> FeedService:
    feed = FeedService(push_max_followers)
    for index in range(follower_count):
        feed.follow(f"fan{index}", "author")
    return feed


@pytest.mark.parametrize(
    ("push_max_followers", "follower_count", "expected_writes"),
    [
        (float("inf"), 1000, 1000),
        (1000, 1000, 1000),
        (999, 1000, 0),
        (0, 5, 0),
        (10, 0, 0),
    ],
    ids=["pure-push", "at-threshold-still-pushed", "over-threshold-pulled", "pure-pull", "no-followers"],
)
def test_publish_cost_is_one_write_per_follower_only_for_pushed_authors(
    push_max_followers: float, follower_count: int, expected_writes: int
) -> None:
    feed = service_with_followers(push_max_followers, follower_count)
    assert feed.publish(Post(1.0, 1, "author")) == expected_writes


@pytest.mark.parametrize("push_max_followers", [float("inf"), 0], ids=["pushed-author", "pulled-author"])
def test_every_follower_sees_the_post(push_max_followers: float) -> None:
    feed = service_with_followers(push_max_followers, 3)
    feed.publish(Post(1.0, 42, "author"))
    assert [feed.timeline(f"fan{index}", 10) for index in range(3)] == [[42]] * 3
    assert feed.timeline("stranger", 10) == []


def test_new_follower_of_a_pushed_author_gets_earlier_posts() -> None:
    feed = FeedService(push_max_followers=100)
    feed.publish(Post(1.0, 1, "author"))
    feed.follow("late", "author")
    feed.follow("late", "author")  # following twice must not duplicate entries
    assert feed.timeline("late", 10) == [1]


def test_timeline_keeps_only_the_newest_entries() -> None:
    feed = FeedService(push_max_followers=100, timeline_length=3)
    feed.follow("reader", "author")
    for post_id in range(1, 6):
        feed.publish(Post(float(post_id), post_id, "author"))
    assert feed.timeline("reader", 10) == [5, 4, 3]


def test_author_who_becomes_a_celebrity_is_not_shown_twice() -> None:
    feed = FeedService(push_max_followers=1)
    feed.follow("ann", "star")
    feed.publish(Post(1.0, 1, "star"))  # pushed: star has one follower
    feed.follow("bob", "star")  # now pulled
    feed.publish(Post(2.0, 2, "star"))
    assert feed.timeline("ann", 10) == [2, 1]
    assert feed.timeline("bob", 10) == [2, 1]


@pytest.mark.parametrize("timeline_length", [0, -1], ids=["zero", "negative"])
def test_timeline_length_must_be_positive(timeline_length: int) -> None:
    with pytest.raises(ValueError):
        FeedService(10, timeline_length)


users = st.sampled_from(["ann", "bob", "cat", "dan", "eve"])
operations = st.lists(
    st.one_of(
        st.tuples(st.just("follow"), users, users),
        st.tuples(st.just("post"), users, st.integers(min_value=0, max_value=50)),
    ),
    max_size=60,
)


@given(
    ops=operations,
    push_max_followers=st.sampled_from([0, 1, 2, 3, float("inf")]),
    timeline_length=st.integers(min_value=1, max_value=8),
    limit=st.integers(min_value=1, max_value=8),
)
def test_hybrid_timeline_equals_pure_fan_out_on_read(
    ops: list[tuple[str, str, str | int]], push_max_followers: float, timeline_length: int, limit: int
) -> None:
    limit = min(limit, timeline_length)  # a capped timeline can only answer up to its length
    feed = FeedService(push_max_followers, timeline_length)
    for post_id, op in enumerate(ops):
        match op:
            case ("follow", str(follower), str(author)) if follower != author:
                feed.follow(follower, author)
            case ("post", str(author), int(created_at_s)):
                feed.publish(Post(float(created_at_s), post_id, author))
    for user in ["ann", "bob", "cat", "dan", "eve"]:
        assert feed.timeline(user, limit) == feed.timeline_by_pull(user, limit)
