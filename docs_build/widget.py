"""Render a calculator's form and its docs table from the registry's declarations.

The form follows the DOM contract in the design: ``form[data-calculator]`` with
``data-state``, one ``input[name]`` (or ``select``) per field, ``[data-error-for]`` per
field and ``output[data-output]`` per output, pre-rendered from :func:`evaluate`.
"""

from __future__ import annotations

import json
from html import escape

from calculators import REGISTRY, evaluate, to_markdown
from calculators.fields import AnyCalculator, Field, FieldKind, OutputKind, TableJson
from docs_build.problems import timer_clock_html, timer_phases_html
from docs_build.summary import render_summary

__all__ = ["render_calculator", "render_fields_table", "render_outputs_table", "render_practice_timer", "render_presets_table"]

_INPUT_MODE: dict[FieldKind, str] = {
    FieldKind.NUMBER: "decimal",
    FieldKind.MULTIPLIER: "decimal",
    FieldKind.PERCENT: "decimal",
}


def _attrs(**attributes: str | None) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(value, quote=True)}"'
        for name, value in attributes.items()
        if value is not None
    )


def _field_html(calculator: AnyCalculator, declared: Field, prefix: str, value: str, read_as: str) -> str:
    field_id = f"{prefix}-{declared.name}"
    described = f"{field_id}-help {field_id}-error"
    if declared.kind is FieldKind.CHOICE:
        options = "".join(
            f"<option{_attrs(value=choice, selected='selected' if choice == value else None)}>{escape(label)}</option>"
            for choice, label in declared.choices
        )
        attributes = _attrs(id=field_id, name=declared.name, aria_describedby=described, data_default=declared.default)
        control = f"<select{attributes}>{options}</select>"
    else:
        control = (
            "<input"
            + _attrs(
                id=field_id,
                name=declared.name,
                value=value,
                type="text",
                inputmode=_INPUT_MODE.get(declared.kind),
                spellcheck="false",
                autocomplete="off",
                aria_describedby=described,
                data_default=declared.default,
            )
            + ">"
        )
    unit = f'<span class="calculator__unit">{escape(declared.unit)}</span>' if declared.unit else ""
    return (
        f'<div class="calculator__field">'
        f'<label for="{field_id}">{escape(declared.label)}</label>'
        f'<span class="calculator__control">{control}{unit}</span>'
        f'<small class="calculator__read-as" data-read-as-for="{declared.name}">{escape(read_as)}</small>'
        f'<small class="calculator__help" id="{field_id}-help">{escape(declared.help)}</small>'
        f'<span class="calculator__error" id="{field_id}-error" data-error-for="{declared.name}"></span>'
        f"</div>"
    )


def render_calculator(calc_id: str, instance: int = 1, preset: str = "") -> str:
    """The widget's HTML with every output pre-rendered from the defaults, or from a preset's inputs.

    One line of HTML, so Markdown leaves it alone inside a page.
    """
    calculator = REGISTRY[calc_id]
    inputs = calculator.preset_inputs(preset) if preset else calculator.defaults()
    result = evaluate(calc_id, inputs)
    if not result["ok"]:
        raise ValueError(f"{calc_id}: inputs {preset or 'defaults'} do not evaluate: {result['errors']}")
    prefix = f"calc-{calc_id}" + (f"-{instance}" if instance > 1 else "")
    # Said in the status line, so a preset's figures are never passed off as the defaults.
    labels = {p.id: p.label for p in calculator.presets}
    inputs_label = f"the {labels[preset]} preset's inputs" if preset else "the default inputs"
    fields = "".join(
        _field_html(calculator, f, prefix, inputs[f.name], result["read_as"].get(f.name, "")) for f in calculator.fields
    )
    rows = []
    for output in calculator.outputs:
        key = output.key
        rows.append(
            # The separator keeps label and value apart in any text read out of the row.
            f'<tr data-row="{key}"><th scope="row">{escape(output.label)}<span class="calculator__label-end">: </span></th>'
            f'<td><output data-output="{key}" data-value="{result["values"][key]!r}" aria-live="off">'
            f"{escape(result['display'][key])}</output>"
            f'<span class="calculator__rough" data-rough-for="{key}">{escape(result["rough"].get(key, ""))}</span>'
            f'<span class="calculator__working" data-working-for="{key}">{escape(result["working"].get(key, ""))}</span>'
            f"</td></tr>"
        )
    notes = "".join(f"<li>{escape(note)}</li>" for note in calculator.notes)
    tables = "".join(
        f'<div class="calculator__table" data-table="{escape(key)}">{_table_html(table)}</div>'
        for key, table in result["tables"].items()
    )
    charts = "".join(
        f'<figure class="calculator__chart" data-chart="{escape(key)}">{svg}</figure>' for key, svg in result["charts"].items()
    )
    return (
        # data-search-exclude: form text would run together in search previews ("InputsMonthly…").
        f'<form class="calculator" data-calculator="{calc_id}" data-state="static" id="{prefix}" novalidate data-search-exclude'
        f' aria-label="{escape(calculator.title)} calculator" data-inputs-label="{escape(inputs_label, quote=True)}"'
        f' data-markdown="{escape(to_markdown(calc_id, inputs), quote=True)}">'
        f"{_presets(calculator, preset)}"
        f'<fieldset class="calculator__inputs"><legend>Inputs</legend>{fields}</fieldset>'
        f"{render_summary(calc_id, result)}"
        f"{_toolbar(calculator)}"
        f'<p class="calculator__status" data-status id="{prefix}-status">Results below are for {escape(inputs_label)},'
        f" computed when this page was built.</p>"
        '<button type="button" class="md-button calculator__retry" data-retry hidden>Try again</button>'
        # The widget's one live region: a short summary once typing pauses (calculators.js).
        '<p class="calculator__announce" data-announce role="status" aria-live="polite" aria-atomic="true"></p>'
        f'<span class="calculator__error calculator__error--form" data-error-for="_"></span>'
        f'<table class="calculator__results"><caption>Results</caption><tbody>{"".join(rows)}</tbody></table>'
        f"{tables}{charts}" + (f'<ul class="calculator__notes">{notes}</ul>' if notes else "") + "</form>"
    )


def _table_html(table: TableJson) -> str:
    columns = "".join(f'<th scope="col">{escape(column)}</th>' for column in table["columns"])
    rows = "".join("<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>" for row in table["rows"])
    return f"<table><caption>{escape(table['title'])}</caption><thead><tr>{columns}</tr></thead><tbody>{rows}</tbody></table>"


def _presets(calculator: AnyCalculator, chosen: str = "") -> str:
    """A preset picker that fills every field from the preset (defaults where it names none).

    Each option carries its complete inputs as JSON, so the generic script needs no knowledge
    of any calculator; the select has no ``name``: it is not a field.
    """
    if not calculator.presets:
        return ""
    options = ['<option value="">Custom (your own inputs)</option>']
    for preset in calculator.presets:
        values = json.dumps(calculator.preset_inputs(preset.id), sort_keys=True)
        selected = "selected" if preset.id == chosen else None
        options.append(f"<option{_attrs(value=preset.id, data_values=values, selected=selected)}>{escape(preset.label)}</option>")
    return f'<p class="calculator__presets"><label>Preset <select data-preset>{"".join(options)}</select></label></p>'


def render_presets_table(calc_id: str) -> str:
    """A Markdown list of a calculator's presets and the assumptions each one states."""
    calculator = REGISTRY[calc_id]
    lines = []
    for preset in calculator.presets:
        lines.append(f"**{preset.label}** (`--preset {preset.id}`)")
        lines.append("")
        lines += [f"- {assumption}" for assumption in preset.assumptions]
        lines.append("")
    return "\n".join(lines)


def _toolbar(calculator: AnyCalculator) -> str:
    """Unit choices (only where a result has sizes or rates) and the copy-as-Markdown button.

    The selects carry ``data-pref`` and no ``name``: they are display choices, not fields.
    """
    kinds = {output.kind for output in calculator.outputs}
    parts = []
    if kinds & {OutputKind.BYTES, OutputKind.BYTE_RATE}:
        parts.append(
            '<label class="calculator__pref">Sizes <select data-pref="sizes">'
            '<option value="decimal">decimal (kB, MB, GB)</option>'
            '<option value="binary">binary (KiB, MiB, GiB)</option></select></label>'
        )
    if OutputKind.BYTE_RATE in kinds:
        parts.append(
            '<label class="calculator__pref">Bandwidth <select data-pref="rates">'
            '<option value="bits">bits per second</option>'
            '<option value="bytes">bytes per second</option></select></label>'
        )
    parts.append('<button type="button" class="md-button calculator__copy" data-copy-markdown>Copy as Markdown</button>')
    return f'<div class="calculator__toolbar">{"".join(parts)}</div>'


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _range(declared: Field) -> str:
    parts = []
    if declared.minimum is not None:
        word = "more than" if declared.minimum_exclusive else "at least"
        parts.append(f"{word} {declared.format_value(declared.minimum)}")
    if declared.maximum is not None:
        parts.append(f"at most {declared.format_value(declared.maximum)}")
    if declared.integer:
        parts.append("whole numbers")
    if declared.kind is FieldKind.CHOICE:
        parts.append("one of " + ", ".join(f"`{value}`" for value, _ in declared.choices))
    return "; ".join(parts) or "—"


def _reference_table(lines: list[str], modifier: str = "") -> str:
    """A Markdown table kept out of the search index: its cells run together in a preview."""
    body = "\n".join(lines)
    classes = f"calculator-reference {modifier}".strip()
    return f'<div class="{classes}" data-search-exclude markdown="1">\n\n{body}\n\n</div>'


def _option_html(name: str) -> str:
    """``--concurrent-fraction`` as code that may wrap only after a hyphen between its words.

    Each word with its hyphen is one unbreakable piece (``phone.css``), joined by ``<wbr>``.
    """
    words = name.split("_")
    pieces = [f"--{words[0]}-" if len(words) > 1 else f"--{words[0]}"]
    pieces += [f"{word}-" for word in words[1:-1]] + words[1:][-1:]
    inner = "<wbr>".join(f'<span class="calculator-option__piece">{escape(piece)}</span>' for piece in pieces)
    return f'<code class="calculator-option">{inner}</code>'


def _default_cell(default: str) -> str:
    return f"`{_cell(default)}`" if default else "empty"


def render_fields_table(calc_id: str) -> str:
    """A Markdown table of a calculator's inputs: label, CLI option, default, accepted forms, range."""
    calculator = REGISTRY[calc_id]
    lines = [
        "| Input | CLI option | Default | Accepts, e.g. | Range | Meaning |",
        "|---|---|---|---|---|---|",
    ]
    for declared in calculator.fields:
        lines.append(
            f"| {_cell(declared.label)} | {_option_html(declared.name)} | {_default_cell(declared.default)} "
            f"| {_cell(declared.example)} | {_cell(_range(declared))} | {_cell(declared.help)} |"
        )
    return _reference_table(lines, "calculator-reference--inputs")


def render_outputs_table(calc_id: str) -> str:
    """A Markdown table of a calculator's outputs and the formula behind each."""
    calculator = REGISTRY[calc_id]
    lines = ["| Result | Formula |", "|---|---|"]
    for output in calculator.outputs:
        lines.append(f"| {_cell(output.label)} | {_cell(output.formula)} |")
    return _reference_table(lines)


def render_practice_timer() -> str:
    """The practice timer's markup: phases and checklists from the interview_time declarations.

    ``docs/assets/javascripts/practice-timer.js`` runs it, taking each phase's length from the
    interview_time widget's outputs on the same page, so the timer follows the calculator.
    """
    return (
        '<section class="practice-timer" data-practice-timer aria-label="Practice timer">'
        "<h2>Practice timer</h2>"
        f"{timer_clock_html()}"
        '<p class="practice-timer__buttons">'
        '<button type="button" class="md-button md-button--primary" data-timer-action="start">Start</button> '
        '<button type="button" class="md-button" data-timer-action="next">Next phase</button> '
        '<button type="button" class="md-button" data-timer-action="reset">Reset</button></p>'
        '<p class="practice-timer__status" data-timer-status role="status">The timer follows the schedule above.'
        " Press Start and talk through each phase; tick items as you cover them.</p>"
        f"{timer_phases_html(None)}</section>"
    )
