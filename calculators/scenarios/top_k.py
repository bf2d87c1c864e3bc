"""Worksheet preset: top-k. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("top-k", "Top-K and trending", {}, ("PLACEHOLDER",))
