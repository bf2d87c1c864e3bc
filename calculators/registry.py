"""The registry: every calculator's declaration, keyed by its id."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from calculators import (
    availability,
    backoff,
    bandwidth,
    bloom_filter,
    cache,
    circuit_breaker,
    concurrency,
    cost,
    interview_time,
    servers,
    sharding,
    storage,
    traffic,
    worksheet,
)
from calculators.fields import AnyCalculator

__all__ = ["REGISTRY"]

_CALCULATORS: tuple[AnyCalculator, ...] = (
    traffic.CALCULATOR,
    storage.CALCULATOR,
    bandwidth.CALCULATOR,
    availability.CALCULATOR,
    servers.CALCULATOR,
    concurrency.CALCULATOR,
    sharding.CALCULATOR,
    cache.CALCULATOR,
    bloom_filter.CALCULATOR,
    backoff.CALCULATOR,
    circuit_breaker.CALCULATOR,
    interview_time.CALCULATOR,
    cost.CALCULATOR,
    worksheet.CALCULATOR,
)

#: Calculator id → declaration (title, fields, outputs, compute). Read-only.
REGISTRY: Mapping[str, AnyCalculator] = MappingProxyType({c.id: c for c in _CALCULATORS})
