"""Worksheet preset: leaderboard. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("leaderboard", "Leaderboard", {}, ("PLACEHOLDER",))
