"""Command line over the same registry and :func:`evaluate` the page uses.

``python -m calculators list``, ``python -m calculators ID --field value ... [--json]`` and
``python -m calculators drill [--seed N] [--level L] [--topic T] [--answer TEXT]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence

from calculators.drills import LEVELS, MAX_SEED, TOPICS, drill_grade_json, drill_question_json
from calculators.evaluation import dumps, evaluate
from calculators.fields import AnyCalculator
from calculators.registry import REGISTRY
from calculators.summary import to_markdown

__all__ = ["main"]


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def build_parser(calculator: AnyCalculator) -> argparse.ArgumentParser:
    """One option per declared field, with its help, default and accepted form."""
    parser = argparse.ArgumentParser(
        prog=f"python -m calculators {calculator.id}",
        description=calculator.summary,
        epilog=" ".join(calculator.notes),
    )
    for declared in calculator.fields:
        parser.add_argument(
            _option(declared.name),
            dest=declared.name,
            metavar="VALUE",
            # argparse formats help with %, so a literal "50%" must be doubled.
            help=f"{declared.label}. {declared.help} (default: {declared.default}; e.g. {declared.example})".replace("%", "%%"),
        )
    if calculator.presets:
        parser.add_argument(
            "--preset",
            choices=[preset.id for preset in calculator.presets],
            help="start from a named scenario; options given alongside override its values",
        )
    parser.add_argument("--json", action="store_true", help="print the evaluate() result as JSON")
    parser.add_argument("--sizes", choices=("decimal", "binary"), default="decimal", help="lead sizes with kB/MB or KiB/MiB")
    parser.add_argument("--rates", choices=("bits", "bytes"), default="bits", help="lead bandwidth with bit/s or B/s")
    parser.add_argument("--working", action="store_true", help="show each result's working and rough figure")
    parser.add_argument("--markdown", action="store_true", help="print inputs and results as Markdown for notes")
    return parser


def _list() -> str:
    width = max(len(calc_id) for calc_id in REGISTRY)
    return "\n".join(f"{calc_id:<{width}}  {c.summary}" for calc_id, c in REGISTRY.items())


def _drill(argv: Sequence[str]) -> int:
    """One drill through the same bridge handlers the page calls: question, answer (stdin or --answer), grade."""
    parser = argparse.ArgumentParser(prog="python -m calculators drill", description="An estimation drill, graded.")
    parser.add_argument("--seed", type=int, help=f"0 to {MAX_SEED}; the same seed and filters give the same question")
    parser.add_argument("--level", type=int, choices=list(LEVELS), help="; ".join(f"{k}: {v}" for k, v in LEVELS.items()))
    parser.add_argument("--topic", choices=TOPICS, help="only drills that exercise this calculator")
    parser.add_argument("--answer", help="the answer, e.g. '220 TB'; read from stdin when left out")
    parser.add_argument("--json", action="store_true", help="print the bridge's JSON result instead of text")
    options = parser.parse_args(argv)
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(MAX_SEED + 1)
    request = {"seed": seed, "level": options.level, "topic": options.topic}
    question = json.loads(drill_question_json(json.dumps(request)))
    if not question["ok"]:
        for message in question["errors"].values():
            print(message, file=sys.stderr)
        return 2
    drill = question["question"]
    if not options.json:
        print(f"Drill {seed} · {drill['level_label']} · {', '.join(drill['topics'])}")
        print(f"{drill['prompt']}\n{drill['ask']}")
    answer = options.answer
    if answer is None:
        if not options.json:
            print(f"Answer ({drill['answer_form']}): ", end="", flush=True)
        answer = sys.stdin.readline().strip()
    graded_json = drill_grade_json(json.dumps({**request, "answer": answer}))
    graded = json.loads(graded_json)
    if options.json:
        print(graded_json)
        return 0 if graded["ok"] else 2
    if not graded["ok"]:
        for message in graded["errors"].values():
            print(message, file=sys.stderr)
        return 2
    print(f"{graded['grade']['summary']}. Exact: {graded['expected']['display']}; you said {graded['answer']['display']}.")
    print("Working:")
    for line in graded["working"]:
        print(f"  {line}")
    if graded["most_sensitive"]:
        print(f"Moved the answer most: {graded['most_sensitive']}")
    for row in graded["sensitivity"]:
        print(f"  {row['text']}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit status (2 for bad input)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print("usage: python -m calculators list | drill [--seed N] | ID [--field VALUE ...] [--json]\n\n" + _list())
        return 0
    if args[0] == "list":
        print(_list())
        return 0
    if args[0] == "drill":
        return _drill(args[1:])
    calculator = REGISTRY.get(args[0])
    if calculator is None:
        print(evaluate(args[0], {})["errors"]["_"], file=sys.stderr)
        return 2
    options = build_parser(calculator).parse_args(args[1:])
    preset_id = getattr(options, "preset", None)
    raw: dict[str, str] = calculator.preset_inputs(preset_id) if preset_id else {}
    raw.update({f.name: getattr(options, f.name) for f in calculator.fields if getattr(options, f.name) is not None})
    result = evaluate(calculator.id, raw, sizes=options.sizes, rates=options.rates)
    if options.json:
        print(dumps(result))
    elif options.markdown:
        print(to_markdown(calculator.id, raw, sizes=options.sizes, rates=options.rates), end="")
    elif result["ok"]:
        width = max(len(o.label) for o in calculator.outputs)
        for output in calculator.outputs:
            print(f"{output.label:<{width}}  {result['display'][output.key]}")
            if options.working:
                print(f"{'':<{width}}    {result['working'].get(output.key, '')}")
                if output.key in result["rough"]:  # left out where it would repeat the shown figure
                    print(f"{'':<{width}}    say: {result['rough'][output.key]}")
    else:
        for message in result["errors"].values():
            print(message, file=sys.stderr)
    return 0 if result["ok"] else 2
