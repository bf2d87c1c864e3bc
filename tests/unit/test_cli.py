"""The CLI is generated from the same declarations and prints the same evaluate() result."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculators import REGISTRY, evaluate
from calculators.cli import main
from tests.helpers import edited_value

FIELDS = [(calc_id, declared.name) for calc_id, calculator in REGISTRY.items() for declared in calculator.fields]


def test_list_names_every_calculator(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    for calc_id in REGISTRY:
        assert calc_id in listed


@pytest.mark.parametrize(("calc_id", "field_name"), FIELDS, ids=[f"{c}.{f}" for c, f in FIELDS])
def test_every_option_takes_effect(calc_id: str, field_name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A value other than the default, given as an option, gives that value's result and not the defaults'."""
    value = edited_value(calc_id, field_name)
    assert main([calc_id, "--" + field_name.replace("_", "-"), value, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == evaluate(calc_id, {field_name: value})
    assert printed["display"] != evaluate(calc_id, {})["display"]


def test_several_options_at_once_all_take_effect(capsys: pytest.CaptureFixture[str]) -> None:
    changed = {"monthly_active_users": "1B", "peak_multiplier": "5x", "read_write_ratio": "10"}
    options = [part for name, value in changed.items() for part in ("--" + name.replace("_", "-"), value)]
    assert main(["traffic", *options, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == evaluate("traffic", changed)
    for name in changed:  # each one alone moves the result, so none of them was dropped
        others = {key: value for key, value in changed.items() if key != name}
        assert printed["values"] != evaluate("traffic", others)["values"]


def test_bad_input_exits_2_with_the_field_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["traffic", "--peak-multiplier", "NaN"]) == 2
    assert capsys.readouterr().err.strip() == evaluate("traffic", {"peak_multiplier": "NaN"})["errors"]["peak_multiplier"]


def test_human_output_shows_labels_and_working(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["traffic", "--working"]) == 0
    out = capsys.readouterr().out
    assert "Peak writes per second" in out and "6,944 req/s" in out and "÷ (100 + 1)" in out


def test_module_entry_point_runs() -> None:
    completed = subprocess.run([sys.executable, "-m", "calculators", "list"], capture_output=True, text=True, check=True)
    assert "traffic" in completed.stdout


@pytest.mark.parametrize("preset", [p.id for p in REGISTRY["worksheet"].presets])
def test_worksheet_presets_from_the_command_line(preset: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worksheet", "--preset", preset, "--json"]) == 0
    expected = evaluate("worksheet", REGISTRY["worksheet"].preset_inputs(preset))
    assert json.loads(capsys.readouterr().out) == expected


def test_options_override_a_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worksheet", "--preset", "chat", "--peak-write-rps-override", "1M", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["values"]["peak_write_rps"] == 1e6
    assert (
        result["values"]["daily_active_users"]
        == evaluate("worksheet", REGISTRY["worksheet"].preset_inputs("chat"))["values"]["daily_active_users"]
    )
