"""Worksheet preset: collaborative-editing. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("collaborative-editing", "Collaborative editing", {}, ("PLACEHOLDER",))
