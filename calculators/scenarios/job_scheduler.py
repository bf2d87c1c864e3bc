"""Worksheet preset: job-scheduler. PLACEHOLDER until its problem page is written."""

from calculators.fields import Preset

PRESET = Preset("job-scheduler", "Job scheduler", {}, ("PLACEHOLDER",))
