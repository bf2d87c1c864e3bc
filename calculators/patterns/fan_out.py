"""Fan-out on write (push posts into followers' timelines) vs on read (merge at read time), and the hybrid."""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Post:
    created_at_s: float  # sorts first, so lists of posts sort oldest first
    post_id: int
    author_id: str = field(compare=False)


class FeedService:
    """Hybrid fan-out: authors with at most ``push_max_followers`` followers are pushed, the rest pulled.

    ``push_max_followers=0`` gives pure fan-out on read; a huge value gives pure fan-out on write.
    Timelines keep only the newest ``timeline_length`` entries, ordered by creation time, like a Redis
    sorted set trimmed by rank; an entry carries the post's author as well as its ID.

    >>> feed = FeedService(push_max_followers=2)
    >>> for fan in ("ann", "bob", "cat"):
    ...     feed.follow(fan, "star")  # a third follower makes "star" a pulled (celebrity) account
    >>> feed.follow("ann", "dan")
    >>> feed.publish(Post(1.0, 101, "dan")), feed.publish(Post(2.0, 102, "star"))  # timeline writes
    (1, 0)
    >>> feed.timeline("ann", limit=10), feed.timeline("bob", limit=10)
    ([102, 101], [102])
    """

    def __init__(self, push_max_followers: float, timeline_length: int = 800) -> None:
        if timeline_length < 1:
            raise ValueError(f"timeline_length must be at least 1, got {timeline_length}")
        self.push_max_followers = push_max_followers
        self.timeline_length = timeline_length
        self._followers: defaultdict[str, set[str]] = defaultdict(set)
        self._followees: defaultdict[str, set[str]] = defaultdict(set)
        self._posts_by_author: defaultdict[str, list[Post]] = defaultdict(list)  # oldest first
        self._timelines: defaultdict[str, list[Post]] = defaultdict(list)  # pushed entries, oldest first
        # Sticky: an author who crosses the threshold stays pulled. If one could drop back to push,
        # the posts written while pulled would be in nobody's timeline.
        self._pulled_authors: set[str] = set()

    def follow(self, follower_id: str, author_id: str) -> None:
        if follower_id in self._followers[author_id]:
            return  # already following: a second backfill would duplicate timeline entries
        self._followers[author_id].add(follower_id)
        self._followees[follower_id].add(author_id)
        if len(self._followers[author_id]) > self.push_max_followers:
            self._pulled_authors.add(author_id)
        elif author_id not in self._pulled_authors:
            # Backfill: a new follower of a pushed author must get the posts written before the follow.
            for post in self._posts_by_author[author_id][-self.timeline_length :]:
                self._push(follower_id, post)

    def publish(self, post: Post) -> int:
        """Store the post and fan it out if its author is pushed; return the number of timeline writes."""
        bisect.insort(self._posts_by_author[post.author_id], post)
        if post.author_id in self._pulled_authors:
            return 0  # followers merge it in when they read
        followers = self._followers[post.author_id]
        for follower_id in followers:  # in production: a queue and workers, not the request thread
            self._push(follower_id, post)
        return len(followers)

    def timeline(self, user_id: str, limit: int) -> list[int]:
        """Newest first: the pushed timeline merged with recent posts of the pulled authors the user follows."""
        pulled = (
            post
            for author_id in self._followees[user_id] & self._pulled_authors
            for post in self._posts_by_author[author_id][-limit:]
        )
        # A set: a post pushed before its author became pulled would otherwise appear twice.
        candidates = {*self._timelines[user_id][-limit:], *pulled}
        return [post.post_id for post in heapq.nlargest(limit, candidates)]

    def timeline_by_pull(self, user_id: str, limit: int) -> list[int]:
        """Pure fan-out on read, for comparison: one lookup per followee, merged at read time."""
        recent = (post for author_id in self._followees[user_id] for post in self._posts_by_author[author_id][-limit:])
        return [post.post_id for post in heapq.nlargest(limit, recent)]

    def _push(self, user_id: str, post: Post) -> None:
        timeline = self._timelines[user_id]
        bisect.insort(timeline, post)  # usually an append: posts mostly arrive in time order
        del timeline[: -self.timeline_length]  # drop the oldest beyond the cap
