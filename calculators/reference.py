"""Industry figures the handbook quotes, each with its typical range, the year it was checked and its source.

One place for every number that is not derived: latencies, what one node of a common component
sustains, disk and network figures. Pages quote these through the ``ref`` macros, calculator
defaults and help cite them, and tests check that no page types one of them by hand.
Values are in SI base units (seconds, bytes, requests or operations per second, bytes per second).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from calculators import units

__all__ = ["FIGURES", "GROUPS", "LATENCY_HISTORY", "Figure", "FigureKind", "figure"]


class FigureKind(StrEnum):
    """What a figure measures, which decides how it prints."""

    DURATION = "duration"  # [s]
    BYTES = "bytes"  # [bytes]
    BYTE_RATE = "byte_rate"  # [bytes / s], printed in bytes per second (disks, partitions)
    BIT_RATE = "bit_rate"  # [bytes / s], printed in bits per second (links, encoders)
    RATE = "rate"  # operations per second; ``unit`` names the operation, e.g. "writes/s"
    COUNT = "count"  # a plain count; ``unit`` names it
    PRICE = "price"  # a list price in US dollars; ``unit`` says per what, e.g. "$/GB-month"


@dataclass(frozen=True)
class Figure:
    """One quoted figure: a typical value, the range it usually falls in, and where it comes from.

    ``low`` and ``high`` bound what is commonly seen; ``value`` is the figure to say in an interview.
    ``year`` is the year of the source (or of the hardware generation it describes).
    """

    key: str
    label: str
    kind: FigureKind
    value: float
    low: float
    high: float
    year: int
    source: str
    unit: str = ""  # for RATE, COUNT and PRICE figures, e.g. "writes/s" or "$/GB-month"
    note: str = ""
    # A BYTES figure set in powers of 1024 (etcd's 2 GiB quota) prints in binary units, as documented.
    sizes: units.SizeSystem = units.SizeSystem.DECIMAL

    def __post_init__(self) -> None:
        if not self.low <= self.value <= self.high:
            raise ValueError(f"{self.key}: value {self.value} outside its range [{self.low}, {self.high}]")
        if self.kind in (FigureKind.RATE, FigureKind.COUNT, FigureKind.PRICE) and not self.unit:
            raise ValueError(f"{self.key}: a {self.kind} figure names its unit")

    def format(self, amount: float | None = None) -> str:
        """``amount`` (the typical value by default) printed in this figure's unit."""
        shown = self.value if amount is None else amount
        if self.kind is FigureKind.DURATION:
            return units.format_duration(shown)
        if self.kind is FigureKind.BYTES:
            return units.format_bytes(shown, self.sizes)
        if self.kind is FigureKind.BYTE_RATE:
            return units.format_byte_rate(shown)
        if self.kind is FigureKind.BIT_RATE:
            return units.format_bit_rate(shown)
        if self.kind is FigureKind.PRICE:
            return units.format_money(shown) + self._per()
        return units.format_count(shown, self.unit)

    def _per(self) -> str:
        """What a price is per, as printed after the amount: ``/GB-month``."""
        return self.unit.removeprefix("$")

    def number_text(self) -> str:
        """The typical value as a calculator field accepts it: ``5,000`` for a rate, ``500 µs`` for a duration.

        Calculator defaults are built from this, so a default and the figure it cites cannot drift.
        """
        if self.kind in (FigureKind.RATE, FigureKind.COUNT):
            return units.format_number(self.value)
        if self.kind is FigureKind.PRICE:  # every digit of a list price: a default must not round it
            return f"${Decimal(repr(self.value)):f}"
        return self.format()

    def range_text(self) -> str:
        """The typical range, e.g. ``1,000–20,000 writes/s`` or ``$0.05–$0.12/GB``; a figure fixed by a limit prints once."""
        low, high = self.format(self.low), self.format(self.high)
        if self.kind is FigureKind.PRICE and low != high:
            return f"{units.format_money(self.low)}–{units.format_money(self.high)}{self._per()}"
        if low == high:
            return low
        low_number, _, low_unit = low.partition(" ")
        high_number, _, high_unit = high.partition(" ")
        if low_unit == high_unit:
            return f"{low_number}–{high_number} {high_unit}".strip()
        return f"{low}–{high}"

    def citation(self) -> str:
        """Source and year, e.g. ``PostgreSQL pgbench reports, 2024``."""
        return f"{self.source}, {self.year}"


_DEAN = "Jeff Dean's latency numbers (as collected in Jonas Bonér's 2012 list), checked against Colin Scott's 2020 extrapolation"
_NVME = "data sheets of current data-centre NVMe drives (PCIe 3 to PCIe 4)"
_HDD = "data sheets of 7,200 rpm enterprise drives"
_MEGABYTE = 1e6
_GBIT_S = 1e9 / 8  # one gigabit per second [bytes/s]
_MBIT_S = 1e6 / 8  # one megabit per second [bytes/s]


def _rotation_s(rpm: float) -> float:
    """Average rotational wait: half a revolution [s]."""
    return 60 / rpm / 2


_SSD_SEQUENTIAL = (3e9, 1e9, 7e9)  # typical, low, high [bytes/s]
_HDD_SEQUENTIAL = (200e6, 100e6, 250e6)  # typical, low, high [bytes/s]

_FIGURES: tuple[Figure, ...] = (
    # ------------------------------------------------------------------ latency
    Figure("l1_cache_reference_s", "L1 cache reference", FigureKind.DURATION, 1e-9, 5e-10, 2e-9, 2020, _DEAN),
    Figure("branch_mispredict_s", "Branch mispredict", FigureKind.DURATION, 3e-9, 3e-9, 5e-9, 2020, _DEAN),
    Figure("l2_cache_reference_s", "L2 cache reference", FigureKind.DURATION, 4e-9, 3e-9, 7e-9, 2020, _DEAN),
    Figure(
        "mutex_lock_unlock_s",
        "Mutex lock and unlock, uncontended",
        FigureKind.DURATION,
        20e-9,
        15e-9,
        25e-9,
        2020,
        _DEAN,
        note="Microseconds once a waiter has to be woken.",
    ),
    Figure(
        "main_memory_reference_s",
        "Main memory reference",
        FigureKind.DURATION,
        100e-9,
        80e-9,
        120e-9,
        2020,
        _DEAN,
        note="More across NUMA sockets.",
    ),
    Figure(
        "compress_1kb_s",
        "Compress 1 kB with Snappy",
        FigureKind.DURATION,
        2e-6,
        1e-6,
        3e-6,
        2020,
        _DEAN,
    ),
    Figure(
        "send_1kb_1gbit_s",
        "Put 1 kB on a 1 Gbit/s link (serialisation only)",
        FigureKind.DURATION,
        8e-6,
        8e-6,
        10e-6,
        2012,
        _DEAN,
        note="8,000 bits at 10⁹ bit/s, which Dean's list rounds to 10 µs; ten times less at 10 Gbit/s."
        " Scott's page instead shows 2 kB in 44 ns on an assumed very fast network.",
    ),
    Figure(
        "ssd_random_read_s",
        "NVMe SSD random 4 KiB read",
        FigureKind.DURATION,
        100e-6,
        20e-6,
        200e-6,
        2024,
        _NVME,
        note="Cloud block storage adds a network hop: 0.5–1 ms is common there.",
    ),
    Figure(
        "memory_read_1mb_s",
        "Read 1 MB sequentially from memory, one core",
        FigureKind.DURATION,
        50e-6,
        20e-6,
        100e-6,
        2020,
        "single-core memory bandwidth of 10–50 GB/s on current servers (STREAM benchmark results)",
        note="Scott's 3 µs would need over 300 GB/s from one core.",
    ),
    Figure(
        "same_zone_round_trip_s",
        "Round trip inside one data centre or zone",
        FigureKind.DURATION,
        500e-6,
        100e-6,
        1e-3,
        2024,
        "cloud providers' published intra-zone latency",
    ),
    Figure(
        "cross_zone_round_trip_s",
        "Round trip between zones of one region",
        FigureKind.DURATION,
        1e-3,
        500e-6,
        2e-3,
        2024,
        "AWS Regions and Availability Zones documentation (single-digit milliseconds between zones)",
    ),
    Figure(
        "cache_read_s",
        "One read from Redis or Memcached over the network, same zone",
        FigureKind.DURATION,
        500e-6,
        200e-6,
        1e-3,
        2024,
        "redis-benchmark latency reports and the intra-zone round trip above",
        note="Mostly the network round trip; the lookup itself takes microseconds.",
    ),
    Figure(
        "database_read_s",
        "A database query or service call behind a cache, indexed, partly from disk",
        FigureKind.DURATION,
        10e-3,
        1e-3,
        50e-3,
        2024,
        "PostgreSQL and MySQL query timings on cloud block storage (pg_stat_statements, slow-query logs)",
        note="About 1 ms when the rows are in the buffer cache; tens of ms with several disk reads or a join.",
    ),
    Figure(
        "ssd_read_1mb_s",
        "Read 1 MB sequentially from an NVMe SSD",
        FigureKind.DURATION,
        _MEGABYTE / _SSD_SEQUENTIAL[0],
        _MEGABYTE / _SSD_SEQUENTIAL[2],
        _MEGABYTE / _SSD_SEQUENTIAL[1],
        2024,
        _NVME,
        note="1 MB at the sequential read rate below; SATA drives take about 2 ms.",
    ),
    Figure(
        "hdd_seek_s",
        "Spinning disk seek",
        FigureKind.DURATION,
        10e-3,
        4e-3,
        15e-3,
        2024,
        _HDD,
        note="About 8 ms average on a 7,200 rpm drive; Scott's 2 ms is beyond even 15,000 rpm drives.",
    ),
    Figure(
        "hdd_rotation_s",
        "Spinning disk rotational wait (7,200 rpm; 15,000 to 5,400 rpm)",
        FigureKind.DURATION,
        _rotation_s(7_200),
        _rotation_s(15_000),
        _rotation_s(5_400),
        2024,
        "half a revolution at the drive's spindle speed",
    ),
    Figure(
        "hdd_read_1mb_s",
        "Read 1 MB sequentially from a spinning disk",
        FigureKind.DURATION,
        _MEGABYTE / _HDD_SEQUENTIAL[0],
        _MEGABYTE / _HDD_SEQUENTIAL[2],
        _MEGABYTE / _HDD_SEQUENTIAL[1],
        2024,
        _HDD,
        note="1 MB at the sequential read rate below; Scott's 825 µs would need 1.2 GB/s from one drive.",
    ),
    Figure(
        "cross_region_round_trip_s",
        "Round trip across a continent (e.g. US east to west)",
        FigureKind.DURATION,
        70e-3,
        60e-3,
        80e-3,
        2024,
        "public inter-region latency dashboards",
    ),
    Figure(
        "transatlantic_round_trip_s",
        "Round trip across the Atlantic",
        FigureKind.DURATION,
        80e-3,
        70e-3,
        100e-3,
        2024,
        "public inter-region latency dashboards",
    ),
    Figure(
        "california_netherlands_round_trip_s",
        "Packet California → Netherlands → California",
        FigureKind.DURATION,
        150e-3,
        140e-3,
        160e-3,
        2012,
        _DEAN,
        note="Light in fibre alone needs about 90 ms for the 18,000 km or so.",
    ),
    Figure(
        "light_in_fibre_km_per_ms",
        "Distance light covers in optical fibre",
        FigureKind.COUNT,
        200,
        200,
        205,
        2024,
        "the speed of light divided by fibre's refractive index of about 1.47",
        unit="km per ms",
    ),
    # --------------------------------------------------------- per-node capacity
    Figure(
        "relational_primary_writes_per_s",
        "Writes one well-tuned relational primary (PostgreSQL, MySQL) sustains",
        FigureKind.RATE,
        5_000,
        1_000,
        20_000,
        2024,
        "pgbench (PostgreSQL) and sysbench oltp_write_only (MySQL) results on 8–16 vCPU cloud instances",
        unit="writes/s",
        note="Small indexed transactional writes with synchronous durability: the figure to plan with."
        " Batching, group commit and large machines reach the top of the range and beyond; wide rows"
        " and many indexes sit at the bottom.",
    ),
    Figure(
        "relational_primary_reads_per_s",
        "Simple indexed reads one relational node serves",
        FigureKind.RATE,
        20_000,
        10_000,
        100_000,
        2024,
        "pgbench select-only and sysbench oltp_read_only results on 8–16 vCPU cloud instances",
        unit="reads/s",
        note="With the working set in memory; every replica adds about as much again.",
    ),
    Figure(
        "postgres_default_max_connections",
        "PostgreSQL's default max_connections",
        FigureKind.COUNT,
        100,
        100,
        100,
        2024,
        "PostgreSQL documentation, server configuration: connections",
        unit="connections",
    ),
    Figure(
        "redis_node_ops_per_s",
        "Operations one Redis node serves",
        FigureKind.RATE,
        100_000,
        50_000,
        200_000,
        2024,
        "redis-benchmark results and Redis documentation",
        unit="ops/s",
        note="Single-threaded command execution; pipelining goes higher, large values lower.",
    ),
    Figure(
        "kafka_partition_bytes_per_s",
        "Write throughput of one Kafka partition",
        FigureKind.BYTE_RATE,
        10e6,
        5e6,
        50e6,
        2015,
        "Confluent, 'How to choose the number of topics/partitions in a Kafka cluster' (Jun Rao)",
        note="Size the partition count from the consumer side too: one consumer reads each partition.",
    ),
    Figure(
        "kafka_broker_bytes_per_s",
        "Write throughput of one Kafka broker",
        FigureKind.BYTE_RATE,
        100e6,
        50e6,
        500e6,
        2014,
        "Jay Kreps, 'Benchmarking Apache Kafka: 2 Million Writes Per Second (On Three Cheap Machines)'",
        note="Usually bounded by the disks and the NIC, and replication multiplies the bytes each broker writes.",
    ),
    Figure(
        "cassandra_node_writes_per_s",
        "Writes one Cassandra node takes",
        FigureKind.RATE,
        10_000,
        3_000,
        50_000,
        2011,
        "Netflix Tech Blog, 'Benchmarking Cassandra Scalability on AWS' (about 1.1 million writes/s on 288 nodes)",
        unit="writes/s",
        note="Netflix's run is about 3,800 client writes a node, or 11,000 replica writes at replication factor 3;"
        " current hardware does several times more.",
    ),
    Figure(
        "dynamodb_partition_writes_per_s",
        "Writes one DynamoDB partition accepts (1 KB write units)",
        FigureKind.RATE,
        1_000,
        1_000,
        1_000,
        2024,
        "Amazon DynamoDB Developer Guide, partition key design (1,000 WCU per partition)",
        unit="writes/s",
    ),
    Figure(
        "dynamodb_partition_reads_per_s",
        "Strongly consistent reads one DynamoDB partition serves (4 KB read units)",
        FigureKind.RATE,
        3_000,
        3_000,
        3_000,
        2024,
        "Amazon DynamoDB Developer Guide, partition key design (3,000 RCU per partition)",
        unit="reads/s",
        note="Eventually consistent reads cost half a unit, so 6,000 of them fit.",
    ),
    Figure(
        "elasticsearch_node_docs_per_s",
        "Documents one Elasticsearch data node indexes",
        FigureKind.RATE,
        10_000,
        2_000,
        50_000,
        2024,
        "Elastic's Rally nightly benchmarks (elasticsearch-benchmarks.elastic.co)",
        unit="docs/s",
        note="Small log lines at the top of the range, large documents with many fields at the bottom.",
    ),
    Figure(
        "app_server_rps",
        "Requests one stateless application server handles",
        FigureKind.RATE,
        1_000,
        200,
        10_000,
        2024,
        "TechEmpower Framework Benchmarks (database-backed tests) and common load tests on 4–8 vCPU instances",
        unit="req/s",
        note="Depends on the work per request far more than on the framework.",
    ),
    Figure(
        "websocket_connections_per_server",
        "Idle long-lived connections one server holds",
        FigureKind.COUNT,
        100_000,
        10_000,
        2_000_000,
        2015,
        "WhatsApp's 2012 blog (2 million connections on one FreeBSD server) and the Phoenix framework's 2015"
        " test (2 million WebSocket connections)",
        unit="connections",
        note="Memory per connection and the message rate bound it, not the connection count itself.",
    ),
    Figure(
        "cdn_edge_server_bytes_per_s",
        "Egress one CDN edge server delivers",
        FigureKind.BIT_RATE,
        100 * _GBIT_S,
        10 * _GBIT_S,
        400 * _GBIT_S,
        2021,
        "Netflix Open Connect talks (100 Gbit/s from one appliance in 2017, 400 Gbit/s in 2021)",
    ),
    # ------------------------------------------------------------ disk, network
    Figure(
        "ssd_sequential_read_bytes_per_s",
        "NVMe SSD sequential read",
        FigureKind.BYTE_RATE,
        *_SSD_SEQUENTIAL,
        2024,
        _NVME,
    ),
    Figure(
        "ssd_random_reads_per_s",
        "Random 4 KiB reads one NVMe SSD sustains",
        FigureKind.RATE,
        500_000,
        100_000,
        1_500_000,
        2024,
        _NVME,
        unit="reads/s",
        note="With many requests in flight at once; one at a time, the latency above caps it near 10,000.",
    ),
    Figure(
        "hdd_sequential_read_bytes_per_s",
        "Spinning disk sequential read",
        FigureKind.BYTE_RATE,
        *_HDD_SEQUENTIAL,
        2024,
        _HDD,
    ),
    Figure(
        "server_nic_bytes_per_s",
        "One server's network interface",
        FigureKind.BIT_RATE,
        25 * _GBIT_S,
        10 * _GBIT_S,
        100 * _GBIT_S,
        2024,
        "cloud instance network specifications",
    ),
    # ------------------------------------------------------------ object sizes
    Figure(
        "post_row_bytes",
        "Short post with its metadata, as a database row",
        FigureKind.BYTES,
        1_000,
        300,
        2_000,
        2024,
        "X (Twitter) 280-character limit, UTF-8 at 1–4 bytes a character, plus IDs, timestamps and counters",
    ),
    Figure(
        "article_text_bytes",
        "Blog post or article, text only",
        FigureKind.BYTES,
        5_000,
        2_000,
        20_000,
        2024,
        "an article of 800–3,000 words at about 6 bytes a word",
    ),
    Figure(
        "profile_row_bytes",
        "User profile row",
        FigureKind.BYTES,
        1_000,
        500,
        2_000,
        2024,
        "name, handle, settings and a few timestamps",
    ),
    Figure(
        "profile_image_bytes",
        "Profile image, resized",
        FigureKind.BYTES,
        100_000,
        20_000,
        300_000,
        2024,
        "JPEG or WebP at 400–800 pixels square",
    ),
    Figure(
        "photo_bytes",
        "Photo, compressed for display",
        FigureKind.BYTES,
        1_000_000,
        200_000,
        5_000_000,
        2024,
        "JPEG at display resolution; camera originals run 2–5 MB",
    ),
    Figure(
        "video_minute_bytes",
        "One minute of compressed video",
        FigureKind.BYTES,
        10_000_000,
        5_000_000,
        60_000_000,
        2024,
        "H.264 at about 1.3 Mbit/s (720p) up to YouTube's 8 Mbit/s recommendation for 1080p uploads",
    ),
    Figure(
        "youtube_1080p_upload_bit_rate",
        "YouTube's recommended bitrate for a 1080p upload",
        FigureKind.BIT_RATE,
        8 * _MBIT_S,
        8 * _MBIT_S,
        12 * _MBIT_S,
        2024,
        "YouTube Help, 'Recommended upload encoding settings' (8 Mbit/s standard, 12 Mbit/s high frame rate)",
    ),
    # --- tech: technology cards (limits and per-node figures for the ten technologies) ---
    Figure(
        "redis_cluster_hash_slots",
        "Hash slots a Redis Cluster divides its keys into",
        FigureKind.COUNT,
        16_384,
        16_384,
        16_384,
        2024,
        "Redis Cluster specification (CRC16 of the key modulo 16,384)",
        unit="hash slots",
        note="Fixed by the protocol: resharding moves slots between primaries, never rehashes keys.",
    ),
    Figure(
        "kafka_message_max_bytes",
        "Largest record batch a Kafka broker accepts by default (message.max.bytes)",
        FigureKind.BYTES,
        1_048_588,
        1_048_588,
        1_048_588,
        2024,
        "Apache Kafka broker configuration reference (1 MiB plus 12 bytes of batch overhead; the producer's"
        " max.request.size defaults to 1 MiB)",
        note="A default, not a hard limit; large payloads belong in object storage with a pointer in the record.",
        sizes=units.SizeSystem.BINARY,
    ),
    Figure(
        "kafka_partitions_per_broker",
        "Most partitions one Kafka broker should carry (the recommended ceiling)",
        FigureKind.COUNT,
        4_000,
        1_000,
        4_000,
        2018,
        "Confluent blog, 'Apache Kafka Supports 200K Partitions Per Cluster' (Jun Rao: up to 4,000 a broker)",
        unit="partitions",
        note="Guidance from the ZooKeeper era; KRaft controllers raise the cluster-wide ceiling.",
    ),
    Figure(
        "mysql_default_max_connections",
        "MySQL's default max_connections",
        FigureKind.COUNT,
        151,
        151,
        151,
        2024,
        "MySQL 8.0 Reference Manual, server system variables: max_connections",
        unit="connections",
    ),
    Figure(
        "dynamodb_item_max_bytes",
        "Largest DynamoDB item, attribute names included",
        FigureKind.BYTES,
        400_000,
        400_000,
        400_000,
        2024,
        "Amazon DynamoDB Developer Guide, service quotas (item size limit 400 KB)",
        note="AWS writes 400 KB; plan below it and put large values in object storage.",
    ),
    Figure(
        "dynamodb_transaction_max_items",
        "Items one DynamoDB transaction may touch",
        FigureKind.COUNT,
        100,
        100,
        100,
        2022,
        "Amazon DynamoDB Developer Guide, TransactWriteItems and TransactGetItems (raised from 25 to 100 in 2022)",
        unit="items",
        note="Each transactional write costs two write units: a prepare and a commit.",
    ),
    Figure(
        "cassandra_partition_max_bytes",
        "Largest Cassandra partition the modelling guidance recommends",
        FigureKind.BYTES,
        100e6,
        10e6,
        100e6,
        2024,
        "Apache Cassandra and DataStax data-modelling guidance (keep partitions under about 100 MB)",
        note="Bigger partitions make compaction, repair and reads of that key slow; bucket by time to bound them.",
    ),
    Figure(
        "s3_prefix_writes_per_s",
        "PUT, COPY, POST or DELETE requests S3 serves per partitioned prefix",
        FigureKind.RATE,
        3_500,
        3_500,
        3_500,
        2024,
        "Amazon S3 User Guide, 'Best practices design patterns: optimizing Amazon S3 performance'",
        unit="writes/s",
        note="At least this much per prefix; S3 splits a busy prefix over minutes and answers 503 Slow Down meanwhile.",
    ),
    Figure(
        "s3_prefix_reads_per_s",
        "GET or HEAD requests S3 serves per partitioned prefix",
        FigureKind.RATE,
        5_500,
        5_500,
        5_500,
        2024,
        "Amazon S3 User Guide, 'Best practices design patterns: optimizing Amazon S3 performance'",
        unit="reads/s",
        note="Per prefix, with no limit on the number of prefixes: spread hot keys over many.",
    ),
    Figure(
        "elasticsearch_shard_bytes",
        "Elasticsearch or OpenSearch shard size to aim for",
        FigureKind.BYTES,
        30e9,
        10e9,
        50e9,
        2024,
        "Elastic documentation, 'Size your shards' (10–50 GB a shard); AWS OpenSearch Service Well-Architected"
        " lens (10–30 GB for search, 30–50 GB for logs)",
        note="Smaller shards waste heap on per-shard overhead; larger ones recover and relocate slowly.",
    ),
    Figure(
        "etcd_cluster_requests_per_s",
        "Requests a three-member etcd cluster completes under heavy load",
        FigureKind.RATE,
        30_000,
        1_000,
        50_000,
        2017,
        "etcd documentation, 'Understanding performance' (three members on standard cloud VMs: under 1 ms a"
        " request at light load, over 30,000 requests a second under heavy load; unchanged since the v3.1 docs)",
        unit="req/s",
        note="Raft batches concurrent requests; a client that waits for each reply is bound by a member round trip"
        " plus an fsync per write instead.",
    ),
    Figure(
        "etcd_default_quota_bytes",
        "Default etcd storage quota (--quota-backend-bytes)",
        FigureKind.BYTES,
        2 * 1024**3,
        2 * 1024**3,
        2 * 1024**3,
        2024,
        "etcd documentation, 'System limits' (2 GiB by default)",
        note="Past the quota the cluster raises a NOSPACE alarm and accepts only reads and deletes until"
        " compacted, defragmented and disarmed.",
        sizes=units.SizeSystem.BINARY,
    ),
    Figure(
        "etcd_max_recommended_bytes",
        "Largest etcd database the documentation suggests",
        FigureKind.BYTES,
        8 * 1024**3,
        8 * 1024**3,
        8 * 1024**3,
        2024,
        "etcd documentation, 'System limits' (8 GiB suggested maximum for normal environments)",
        sizes=units.SizeSystem.BINARY,
    ),
    Figure(
        "etcd_request_max_bytes",
        "Largest request etcd accepts by default (--max-request-bytes)",
        FigureKind.BYTES,
        1.5 * 1024**2,
        1.5 * 1024**2,
        1.5 * 1024**2,
        2024,
        "etcd documentation, 'System limits' (1.5 MiB a request)",
        sizes=units.SizeSystem.BINARY,
    ),
    Figure(
        "zookeeper_znode_max_bytes",
        "Largest znode ZooKeeper accepts by default (jute.maxbuffer)",
        FigureKind.BYTES,
        1_048_575,
        1_048_575,
        1_048_575,
        2024,
        "ZooKeeper Administrator's Guide, jute.maxbuffer (0xfffff bytes, just under 1 MiB)",
        note="Coordination data only: a znode is meant to hold kilobytes.",
        sizes=units.SizeSystem.BINARY,
    ),
    Figure(
        "cdn_distribution_requests_per_s",
        "Requests a second one CloudFront distribution serves by default",
        FigureKind.RATE,
        250_000,
        250_000,
        250_000,
        2024,
        "Amazon CloudFront Developer Guide, quotas (250,000 requests a second per distribution, raisable)",
        unit="req/s",
    ),
    Figure(
        "cdn_distribution_bytes_per_s",
        "Data transfer rate one CloudFront distribution serves by default",
        FigureKind.BIT_RATE,
        150 * _GBIT_S,
        150 * _GBIT_S,
        150 * _GBIT_S,
        2024,
        "Amazon CloudFront Developer Guide, quotas (150 Gbit/s per distribution, raisable)",
    ),
    Figure(
        "cdn_max_cacheable_object_bytes",
        "Largest single GET response CloudFront caches",
        FigureKind.BYTES,
        50e9,
        50e9,
        50e9,
        2024,
        "Amazon CloudFront Developer Guide, quotas (maximum cacheable file size per HTTP GET response)",
    ),
    # --- conceptsB: wide-area round trips, handshakes, workflow limits, KMS quota ---
    Figure(
        "transpacific_round_trip_s",
        "Round trip across the Pacific (US west coast to Japan)",
        FigureKind.DURATION,
        100e-3,
        90e-3,
        120e-3,
        2024,
        "public inter-region latency dashboards (e.g. cloudping.co, us-west-2 to ap-northeast-1)",
    ),
    Figure(
        "europe_singapore_round_trip_s",
        "Round trip western Europe to Singapore",
        FigureKind.DURATION,
        160e-3,
        150e-3,
        180e-3,
        2024,
        "public inter-region latency dashboards (e.g. cloudping.co, eu-central-1 to ap-southeast-1)",
    ),
    Figure(
        "us_east_singapore_round_trip_s",
        "Round trip US east coast to Singapore",
        FigureKind.DURATION,
        220e-3,
        200e-3,
        240e-3,
        2024,
        "public inter-region latency dashboards (e.g. cloudping.co, us-east-1 to ap-southeast-1)",
        note="Light in fibre alone needs about 155 ms for the 15,500 km great circle; cables do not follow it.",
    ),
    Figure(
        "us_east_west_km",
        "Great-circle distance, northern Virginia to Oregon",
        FigureKind.COUNT,
        3_500,
        3_500,
        3_500,
        2024,
        "haversine distance between Ashburn, Virginia and Boardman, Oregon (common cloud region sites)",
        unit="km",
        note="Fibre routes run longer than the great circle, often by a third or more.",
    ),
    Figure(
        "new_york_london_km",
        "Great-circle distance, New York to London",
        FigureKind.COUNT,
        5_570,
        5_570,
        5_570,
        2024,
        "haversine distance between the two cities",
        unit="km",
    ),
    Figure(
        "us_east_singapore_km",
        "Great-circle distance, northern Virginia to Singapore",
        FigureKind.COUNT,
        15_500,
        15_500,
        15_500,
        2024,
        "haversine distance between Ashburn, Virginia and Singapore",
        unit="km",
    ),
    Figure(
        "tcp_handshake_round_trips",
        "Round trips to open a TCP connection",
        FigureKind.COUNT,
        1,
        1,
        1,
        2022,
        "RFC 9293, Transmission Control Protocol (three-way handshake)",
        unit="RTT",
        note="The client may send data with the third packet, so one round trip passes before the request leaves.",
    ),
    Figure(
        "tls12_handshake_round_trips",
        "Round trips for a full TLS 1.2 handshake",
        FigureKind.COUNT,
        2,
        1,
        2,
        2008,
        "RFC 5246, TLS 1.2 (one round trip when resuming a session)",
        unit="RTT",
    ),
    Figure(
        "tls13_handshake_round_trips",
        "Round trips for a full TLS 1.3 handshake",
        FigureKind.COUNT,
        1,
        1,
        1,
        2018,
        "RFC 8446, TLS 1.3",
        unit="RTT",
        note="A resumed session may send 0-RTT early data, which an attacker can replay; QUIC (RFC 9000,"
        " 9001) folds the transport and TLS 1.3 handshakes into one round trip.",
    ),
    Figure(
        "temporal_history_events_limit",
        "Events one Temporal workflow execution's history may hold",
        FigureKind.COUNT,
        51_200,
        51_200,
        51_200,
        2024,
        "Temporal documentation, Temporal Platform limits (51,200 events or 50 MB; a warning at 10,240)",
        unit="events",
        note="Long-running workflows call continue-as-new to start a fresh history.",
    ),
    Figure(
        "step_functions_history_events_limit",
        "Events one AWS Step Functions Standard execution's history may hold",
        FigureKind.COUNT,
        25_000,
        25_000,
        25_000,
        2024,
        "AWS Step Functions Developer Guide, service quotas (Standard workflows; executions last up to a year)",
        unit="events",
    ),
    Figure(
        "kms_symmetric_requests_per_s",
        "Symmetric cryptographic requests AWS KMS accepts per account and region",
        FigureKind.RATE,
        10_000,
        10_000,
        100_000,
        2025,
        "AWS KMS Developer Guide, request quotas (shared by all symmetric operations; 10,000 in most regions,"
        " 20,000 in six, 100,000 in three)",
        unit="req/s",
        note="The 100,000 regions are us-east-1, us-west-2 and eu-west-1; older editions of the guide listed"
        " 5,500, 10,000 and 50,000. Adjustable on request; envelope encryption with cached data keys keeps most"
        " requests away from it.",
    ),
    # --- conceptsA: coordination, search refresh and clock uncertainty ---
    Figure(
        "etcd_cluster_writes_per_s",
        "Writes to plan on for a three-member etcd cluster serving lock and lease traffic (clients that wait"
        " for each write; each write a Raft round and an fsync on a majority)",
        FigureKind.RATE,
        10_000,
        500,
        50_000,
        2023,
        "etcd documentation, 'Performance' (benchmark on three 8 vCPU members: about 580 writes/s from one"
        " client, 44,000–50,000 writes/s from 1,000 clients)",
        unit="writes/s",
        note="The whole cluster, not per member: every write goes through the leader. One client waiting on"
        " each write sits at the bottom of the range; many concurrent clients batch into each fsync. The"
        " documentation's headline 'over 30,000 requests a second under heavy load' (etcd_cluster_requests_per_s)"
        " is the same cluster with many concurrent clients, not a different machine.",
    ),
    Figure(
        "elasticsearch_refresh_interval_s",
        "Elasticsearch's default refresh interval (a write becomes searchable after the next refresh)",
        FigureKind.DURATION,
        1,
        1,
        30,
        2024,
        "Elasticsearch reference, index settings: index.refresh_interval (default 1s; indices idle for 30 s"
        " skip refreshes until searched)",
        note="Bulk-load jobs raise it to 30 s or turn it off (-1) and refresh once at the end.",
    ),
    Figure(
        "truetime_uncertainty_s",
        "Clock uncertainty Google's TrueTime reports (GPS and atomic clocks in every data centre)",
        FigureKind.DURATION,
        4e-3,
        1e-3,
        7e-3,
        2012,
        "Corbett et al., 'Spanner: Google's Globally-Distributed Database' (OSDI 2012): ε sawtooths between about 1 and 7 ms",
        note="The best case with dedicated time hardware; plain NTP over the internet is often tens of"
        " milliseconds off, and a clock can step backwards when it is corrected.",
    ),
    # --- cost: list prices (US dollars, AWS us-east-1 unless named; ranges span AWS, Google Cloud, Azure) ---
    Figure(
        "object_storage_standard_usd_per_gb_month",
        "Object storage, standard tier",
        FigureKind.PRICE,
        0.023,
        0.018,
        0.026,
        2024,
        "Amazon S3 pricing, S3 Standard first 50 TB, us-east-1; Google Cloud Storage and Azure Blob list prices for the range",
        unit="$/GB-month",
        note="List price as of June 2024, unchanged since December 2016; $0.021 above 500 TB. Requests are extra:"
        " $0.005 per 1,000 PUTs, $0.0004 per 1,000 GETs. Three-zone durability is included in the price.",
    ),
    Figure(
        "object_storage_infrequent_usd_per_gb_month",
        "Object storage, infrequent-access tier",
        FigureKind.PRICE,
        0.0125,
        0.01,
        0.016,
        2024,
        "Amazon S3 pricing, S3 Standard-IA, us-east-1; Google Cloud Storage Nearline and Azure Blob Cool for the range",
        unit="$/GB-month",
        note="List price as of June 2024. Each GB read back costs $0.01, and objects are billed for at least 30 days"
        " and 128 KB: it pays for data read less than about once a month.",
    ),
    Figure(
        "object_storage_archive_usd_per_gb_month",
        "Object storage, deep archive tier",
        FigureKind.PRICE,
        0.00099,
        0.00099,
        0.0036,
        2024,
        "Amazon S3 pricing, S3 Glacier Deep Archive, us-east-1; Google Cloud Storage Archive and S3 Glacier"
        " Flexible Retrieval for the range",
        unit="$/GB-month",
        note="List price as of June 2024. A standard restore takes up to 12 hours (bulk, 48) and costs extra;"
        " objects are billed for at least 180 days. For compliance copies and originals nobody reads.",
    ),
    Figure(
        "block_storage_ssd_usd_per_gb_month",
        "Block storage, general-purpose SSD",
        FigureKind.PRICE,
        0.08,
        0.08,
        0.17,
        2024,
        "Amazon EBS pricing, gp3 volumes, us-east-1; Google Persistent Disk (balanced, SSD) and Azure managed"
        " disks for the range",
        unit="$/GB-month",
        note="List price as of June 2024; 3,000 IOPS and 125 MB/s are included, more is billed apart. A volume"
        " lives in one zone, so every replica a database keeps is another volume at this price.",
    ),
    Figure(
        "internet_egress_usd_per_gb",
        "Data transfer out to the internet",
        FigureKind.PRICE,
        0.09,
        0.05,
        0.12,
        2026,
        "AWS data transfer pricing, us-east-1, first 10 TB a month, as quoted by 2026 cost guides; Google Cloud"
        " and Azure internet egress for the range",
        unit="$/GB",
        note="List price as quoted in June 2026. Falls with volume: $0.085 for the next 40 TB, $0.07 for the next"
        " 100 TB, $0.05 beyond 150 TB a month; large customers negotiate lower. Data in is free.",
    ),
    Figure(
        "cdn_egress_usd_per_gb",
        "CDN delivery to viewers",
        FigureKind.PRICE,
        0.085,
        0.02,
        0.12,
        2026,
        "Amazon CloudFront pricing, United States and Europe, first 10 TB a month; its own volume tiers and other"
        " regions for the range",
        unit="$/GB",
        note="List price as quoted in June 2026. Tiers fall to $0.04 at 150–500 TB and $0.02 beyond 5 PB a month;"
        " South America and Asia cost more. Fetches from an AWS origin to the edge are free, so a hit costs"
        " only this.",
    ),
    Figure(
        "internet_egress_volume_usd_per_gb",
        "Data transfer out to the internet, beyond 150 TB a month",
        FigureKind.PRICE,
        0.05,
        0.05,
        0.08,
        2026,
        "AWS data transfer pricing, us-east-1, top volume tier, as quoted by 2026 cost guides; Google Cloud's"
        " premium tier at volume for the range",
        unit="$/GB",
        note="List price as quoted in June 2026; below it only negotiated private pricing.",
    ),
    Figure(
        "cdn_egress_volume_usd_per_gb",
        "CDN delivery, beyond 5 PB a month",
        FigureKind.PRICE,
        0.02,
        0.02,
        0.04,
        2026,
        "Amazon CloudFront pricing, top volume tier: United States and Europe, with South America and the"
        " Middle East for the range",
        unit="$/GB",
        note="List price as quoted in June 2026. Committed-traffic contracts go lower and are not published.",
    ),
    Figure(
        "inter_zone_transfer_usd_per_gb",
        "Data transfer between zones of one region, each way",
        FigureKind.PRICE,
        0.01,
        0.01,
        0.01,
        2026,
        "AWS data transfer pricing (EC2 across Availability Zones), as quoted by 2026 cost guides; Google Cloud"
        " VPC network pricing (between zones of a region)",
        unit="$/GB",
        note="AWS charges it on the way out and again on the way in, so a byte that crosses costs $0.02; Google"
        " Cloud charges its $0.01 once; Azure dropped its planned charge in 2024 and bills nothing between zones."
        " Replicating a database you run across three zones pays it on every write; managed Multi-AZ databases"
        " do not bill their own replication.",
    ),
    Figure(
        "vcpu_hour_usd",
        "General-purpose vCPU, on demand, with 4 GiB of memory",
        FigureKind.PRICE,
        0.048,
        0.04,
        0.051,
        2024,
        "Amazon EC2 on-demand pricing, us-east-1 Linux: m6i.large at $0.096 an hour for 2 vCPUs; Google n2-standard"
        " and Azure Dv5 list prices for the range",
        unit="$/vCPU-hour",
        note="List price as of June 2024. Arm m7g.large is $0.0816 an hour ($0.0408 a vCPU), newer m7i $0.1008."
        " One- and three-year commitments take roughly 30–60% off; spot capacity up to 90%, but it can be"
        " reclaimed at two minutes' notice.",
    ),
)

#: Figure key → figure. Read-only.
FIGURES: Mapping[str, Figure] = MappingProxyType({f.key: f for f in _FIGURES})


def figure(key: str) -> Figure:
    """The figure for ``key``; a KeyError names the known keys, so a typo fails the build clearly.

    >>> figure("relational_primary_writes_per_s").format()
    '5,000 writes/s'
    """
    try:
        return FIGURES[key]
    except KeyError:
        raise KeyError(f"unknown reference figure {key!r}; known: {', '.join(sorted(FIGURES))}") from None


#: The figures grouped as the reference pages show them: group name → keys, in reading order.
GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "latency": (
            "l1_cache_reference_s",
            "branch_mispredict_s",
            "l2_cache_reference_s",
            "mutex_lock_unlock_s",
            "main_memory_reference_s",
            "compress_1kb_s",
            "send_1kb_1gbit_s",
            "memory_read_1mb_s",
            "ssd_random_read_s",
            "ssd_read_1mb_s",
            "same_zone_round_trip_s",
            "cache_read_s",
            "cross_zone_round_trip_s",
            "hdd_rotation_s",
            "hdd_read_1mb_s",
            "hdd_seek_s",
            "database_read_s",
            "cross_region_round_trip_s",
            "transatlantic_round_trip_s",
            "california_netherlands_round_trip_s",
        ),
        "capacity": (
            "app_server_rps",
            "relational_primary_writes_per_s",
            "relational_primary_reads_per_s",
            "postgres_default_max_connections",
            "redis_node_ops_per_s",
            "cassandra_node_writes_per_s",
            "dynamodb_partition_writes_per_s",
            "dynamodb_partition_reads_per_s",
            "elasticsearch_node_docs_per_s",
            "kafka_partition_bytes_per_s",
            "kafka_broker_bytes_per_s",
            "websocket_connections_per_server",
            "cdn_edge_server_bytes_per_s",
        ),
        "disk_network": (
            "ssd_sequential_read_bytes_per_s",
            "ssd_random_reads_per_s",
            "hdd_sequential_read_bytes_per_s",
            "server_nic_bytes_per_s",
            "light_in_fibre_km_per_ms",
        ),
        "sizes": (
            "post_row_bytes",
            "article_text_bytes",
            "profile_row_bytes",
            "profile_image_bytes",
            "photo_bytes",
            "video_minute_bytes",
            "youtube_1080p_upload_bit_rate",
        ),
        "technologies": (
            "redis_cluster_hash_slots",
            "kafka_message_max_bytes",
            "kafka_partitions_per_broker",
            "mysql_default_max_connections",
            "dynamodb_item_max_bytes",
            "dynamodb_transaction_max_items",
            "cassandra_partition_max_bytes",
            "s3_prefix_writes_per_s",
            "s3_prefix_reads_per_s",
            "elasticsearch_shard_bytes",
            "etcd_cluster_requests_per_s",
            "etcd_default_quota_bytes",
            "etcd_max_recommended_bytes",
            "etcd_request_max_bytes",
            "zookeeper_znode_max_bytes",
            "cdn_distribution_requests_per_s",
            "cdn_distribution_bytes_per_s",
            "cdn_max_cacheable_object_bytes",
        ),
        # --- conceptsB: wide-area round trips, handshakes, workflow limits, KMS quota ---
        "wide_area_and_security": (
            "transpacific_round_trip_s",
            "europe_singapore_round_trip_s",
            "us_east_singapore_round_trip_s",
            "us_east_west_km",
            "new_york_london_km",
            "us_east_singapore_km",
            "tcp_handshake_round_trips",
            "tls12_handshake_round_trips",
            "tls13_handshake_round_trips",
            "temporal_history_events_limit",
            "step_functions_history_events_limit",
            "kms_symmetric_requests_per_s",
        ),
        # --- conceptsA: coordination, search refresh and clock uncertainty ---
        "coordination": (
            "etcd_cluster_writes_per_s",
            "elasticsearch_refresh_interval_s",
            "truetime_uncertainty_s",
        ),
        # --- cost: list prices ---
        "prices": (
            "object_storage_standard_usd_per_gb_month",
            "object_storage_infrequent_usd_per_gb_month",
            "object_storage_archive_usd_per_gb_month",
            "block_storage_ssd_usd_per_gb_month",
            "internet_egress_usd_per_gb",
            "internet_egress_volume_usd_per_gb",
            "cdn_egress_usd_per_gb",
            "cdn_egress_volume_usd_per_gb",
            "inter_zone_transfer_usd_per_gb",
            "vcpu_hour_usd",
        ),
    }
)

#: What the two classic tables said for a latency figure: (Dean and Norvig c. 2012, Colin Scott's
#: 2020 extrapolation) [s]; None where that table has no such row. Kept to show how far each moved.
LATENCY_HISTORY: Mapping[str, tuple[float | None, float | None]] = MappingProxyType(
    {
        "l1_cache_reference_s": (0.5e-9, 1e-9),
        "branch_mispredict_s": (5e-9, 3e-9),
        "l2_cache_reference_s": (7e-9, 4e-9),
        "mutex_lock_unlock_s": (25e-9, 17e-9),
        "main_memory_reference_s": (100e-9, 100e-9),
        "compress_1kb_s": (3e-6, 2e-6),
        "send_1kb_1gbit_s": (10e-6, None),
        "memory_read_1mb_s": (250e-6, 3e-6),
        "ssd_random_read_s": (150e-6, 16e-6),
        "ssd_read_1mb_s": (1e-3, 49e-6),
        "same_zone_round_trip_s": (500e-6, 500e-6),
        "hdd_read_1mb_s": (20e-3, 825e-6),
        "hdd_seek_s": (10e-3, 2e-3),
        "california_netherlands_round_trip_s": (150e-3, 150e-3),
    }
)
