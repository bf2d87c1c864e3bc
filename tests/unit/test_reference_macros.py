"""The page macros that quote reference figures: what a page renders is what the module holds."""

from __future__ import annotations

import pytest

from calculators.reference import GROUPS, LATENCY_HISTORY, figure
from docs_build.macros import field_default, latency_table, ref, ref_cite, ref_number, ref_range, ref_table, ref_value


def _rows(table: str) -> list[list[str]]:
    lines = table.splitlines()
    assert set(lines[1]) <= set("|-")
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]


def test_inline_quotes() -> None:
    key = "relational_primary_writes_per_s"
    assert ref(key) == "5,000 writes/s"
    assert ref_number(key) == "5,000"
    assert ref_value(key) == 5_000
    assert ref_range(key) == "1,000–20,000 writes/s"
    assert ref_cite(key).startswith("5,000 writes/s (typically 1,000–20,000 writes/s; ")
    assert ref_cite(key).endswith(f"{figure(key).year})")


def test_unknown_key_fails_the_build_with_its_name() -> None:
    with pytest.raises(KeyError, match="'redis_ops'"):
        ref("redis_ops")


@pytest.mark.parametrize("group", list(GROUPS))
def test_group_table_has_one_row_per_figure_in_order(group: str) -> None:
    rows = _rows(ref_table(group=group))
    assert [row[0] for row in rows] == [figure(key).label for key in GROUPS[group]]
    for row, key in zip(rows, GROUPS[group], strict=True):
        assert row[1] == f"**{figure(key).format()}**"
        assert row[2] == figure(key).range_text()


def test_note_column_only_when_a_figure_has_a_note() -> None:
    assert ref_table("photo_bytes").splitlines()[0].count("|") == 5
    assert ref_table("app_server_rps").splitlines()[0].count("|") == 6


def test_keys_and_group_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        ref_table("app_server_rps", group="capacity")


def test_latency_table_shows_history_where_the_old_tables_had_a_row() -> None:
    rows = _rows(latency_table())
    assert len(rows) == len(GROUPS["latency"])
    by_label = {row[0]: row for row in rows}
    seek = by_label[figure("hdd_seek_s").label]
    assert seek[1:3] == ["10 ms", "2 ms"]  # Dean's 2012 figure and Scott's 2020 one
    zone_cache = by_label[figure("cache_read_s").label]
    assert "cache_read_s" not in LATENCY_HISTORY
    assert zone_cache[1:3] == ["—", "—"]


def test_field_default_reads_the_declaration() -> None:
    assert field_default("sharding", "max_shard_write_rps") == ref_number("relational_primary_writes_per_s")
    with pytest.raises(KeyError, match="no field 'nope'"):
        field_default("storage", "nope")
