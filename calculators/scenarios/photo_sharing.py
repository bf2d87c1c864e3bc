"""Worksheet preset: photo-sharing. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("photo-sharing", "Photo sharing", {}, ("PLACEHOLDER",))
