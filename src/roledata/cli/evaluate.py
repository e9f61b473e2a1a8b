"""`roledata eval`: extraction accuracy against gold answers, field by field."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from roledata.cli.common import fail
from roledata.quality.evaluate import evaluate_documents, format_table, write_json
from roledata.quality.gold import GoldError, load_golds
from roledata.quality.occupations import folder_occupation_gold


def eval_(raw: Path = typer.Option(..., "--raw", metavar="DIR", help="folder of the pages the gold describes"),
          gold: list[Path] = typer.Option(..., "--gold", metavar="FILE",
                                          help="gold answers (JSON: {\"docs\": {file_name: {...}}}, or an export's "
                                               "gold keyed by record with visible_file); repeat to merge several"),
          json_out: Optional[Path] = typer.Option(None, "--json", metavar="OUT", help="also write the full result as JSON"),
          worst: int = typer.Option(10, "--worst", min=0, metavar="N", help="documents listed under worst misses"),
          recall_only: str = typer.Option("", "--recall-only", metavar="FIELD,...",
                                          help="fields whose gold lists only some facts: precision marked as "
                                               "a lower bound (salaries is automatic with salaries_unverified)"),
          occupations: Optional[Path] = typer.Option(
              None, "--occupations", metavar="FILE",
              help="occupation gold ({\"docs\": {\"<folder>/<file>\": {\"soc\": [...]}}}): also score each page's "
                   "occupation, top-1 and top-3")) -> None:
    """Measure extraction accuracy: recall and precision per field against gold answers."""
    if not raw.exists():
        fail(f"raw folder not found: {raw}")
    if not raw.is_dir():
        fail(f"raw path is not a folder: {raw}")
    try:
        answers = load_golds(gold, {f.strip() for f in recall_only.split(",") if f.strip()})
    except GoldError as exc:
        fail(str(exc))
    coded = None
    if occupations is not None:
        try:
            coded = folder_occupation_gold(occupations, raw)
        except (OSError, ValueError) as exc:
            fail(f"cannot read the occupation gold {occupations}: {exc}")
    result = evaluate_documents(raw, answers, coded)
    typer.echo(format_table(result, worst))
    if json_out is not None:
        try:
            write_json(result, json_out)
        except OSError as exc:
            fail(f"cannot write {json_out}: {exc.strerror or exc}")
        typer.echo(f"json: {json_out}")
