"""The test-side reader of spoken figures, checked on hand-written phrases."""

from __future__ import annotations

import pytest

from tests.spoken import read_spoken


@pytest.mark.parametrize(
    ("text", "kind", "value", "bracket"),
    [
        ("≈ 230 thousand req/s (2.3 × 10⁵)", "count", 230_000.0, 230_000.0),
        ("≈ 15 servers", "count", 15.0, None),
        ("≈ 1 × mean", "count", 1.0, None),
        ("≈ 7 ×", "count", 7.0, None),
        ("≈ 2.5 × 10¹⁵ req/s", "count", 2.5e15, None),
        ("≈ 1,500 keys", "count", 1500.0, None),
        ("about 200 GB (2 × 10¹¹ bytes)", "bytes", 200e9, 2e11),
        ("about 190 GiB", "bytes", 190 * 2.0**30, None),
        ("about 5 billion EB", "bytes", 5e27, None),
        ("about 1 × 10⁻³⁰⁰ B", "bytes", 1e-300, None),
        ("about 20 Mbit/s (2 × 10⁷ bit/s)", "byte_rate", 2.5e6, 2.5e6),
        ("about 1.2 GB/s (1.2 × 10⁹ bytes/s)", "byte_rate", 1.2e9, 1.2e9),
        ("about 9 h", "duration", 32_400.0, None),
        ("about 90 s", "duration", 90.0, None),
        ("about 1.6 ms", "duration", 0.0016, None),
        ("about 5 µs", "duration", 5e-6, None),
        ("about 3 × 10⁵ years", "duration", 3e5 * 365.25 * 86_400, None),
        ("about 60%", "fraction", 0.6, None),
        ("about 0.0003%", "fraction", 3e-6, None),
    ],
)
def test_reads_each_spoken_form(text: str, kind: str, value: float, bracket: float | None) -> None:
    figure = read_spoken(text, kind)
    assert figure.value == pytest.approx(value) and not figure.in_nines
    assert figure.bracket == (None if bracket is None else pytest.approx(bracket))


def test_reads_nines_as_the_availability_they_imply() -> None:
    figure = read_spoken("about 2.8 nines", "availability")
    assert figure.in_nines and figure.value == pytest.approx(1 - 10**-2.8)
    assert read_spoken("about 50%", "availability").value == pytest.approx(0.5)


@pytest.mark.parametrize(("text", "kind"), [("230 req/s", "count"), ("about 9 parsecs", "duration"), ("about 60", "fraction")])
def test_refuses_what_it_cannot_read(text: str, kind: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        read_spoken(text, kind)
