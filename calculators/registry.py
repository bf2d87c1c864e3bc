"""The registry: every calculator's declaration, keyed by its id."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from calculators import availability, bandwidth, storage, traffic
from calculators.fields import Calculator

__all__ = ["REGISTRY"]

_CALCULATORS: tuple[Calculator, ...] = (
    traffic.CALCULATOR,
    storage.CALCULATOR,
    bandwidth.CALCULATOR,
    availability.CALCULATOR,
)

#: Calculator id → declaration (title, fields, outputs, compute). Read-only.
REGISTRY: Mapping[str, Calculator] = MappingProxyType({c.id: c for c in _CALCULATORS})
