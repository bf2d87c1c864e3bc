"""Worksheet preset: file-sync. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("file-sync", "File sync and storage", {}, ("PLACEHOLDER",))
