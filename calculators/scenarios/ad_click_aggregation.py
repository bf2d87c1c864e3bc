"""Worksheet preset: ad-click-aggregation. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("ad-click-aggregation", "Ad-click aggregation", {}, ("PLACEHOLDER",))
