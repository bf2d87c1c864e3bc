"""Worksheet preset: key-value-store. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("key-value-store", "Distributed key-value store", {}, ("PLACEHOLDER",))
