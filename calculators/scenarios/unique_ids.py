"""Worksheet preset: unique-ids. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("unique-ids", "Unique ID generator", {}, ("PLACEHOLDER",))
