"""The CLI is generated from the same declarations and prints the same evaluate() result."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculators import REGISTRY, evaluate
from calculators.cli import main


def test_list_names_every_calculator(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    for calc_id in REGISTRY:
        assert calc_id in listed


@pytest.mark.parametrize("calc_id", list(REGISTRY))
def test_json_output_is_the_evaluate_result(calc_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    declared = REGISTRY[calc_id].fields[0]
    option = "--" + declared.name.replace("_", "-")
    assert main([calc_id, option, declared.default, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == evaluate(calc_id, {declared.name: declared.default})


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
