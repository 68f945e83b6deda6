"""Tests for kg.cli through click's CliRunner: exit codes, output streams and error lines."""
from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.pipeline
from kg.cli import cli

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def runner() -> CliRunner:
    # click < 8.2 mixes stderr into stdout unless told not to; 8.2+ always keeps both apart.
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


@pytest.fixture
def session_model(nlp, monkeypatch):
    """Make the CLI reuse the session's pipeline instead of loading it again on every run."""
    monkeypatch.setattr(kg.pipeline, "load_pipeline", lambda name=None, exclude=(): nlp)
    return nlp


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_cli_extract_writes_jsonl_file(runner, session_model, tmp_path):
    out = tmp_path / "out" / "statements.jsonl"
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["kind"] for r in records} == {"entity", "statement"}
    assert result.stdout == ""


def test_cli_extract_summary_on_stderr(runner, session_model, tmp_path):
    out = tmp_path / "statements.jsonl"
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents: 1" in result.stderr
    assert "statements:" in result.stderr
    assert f"wrote {out}" in result.stderr


def test_cli_extract_leaves_no_temporary_files(runner, session_model, tmp_path):
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(tmp_path / "statements.jsonl")])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["statements.jsonl"]


def test_cli_extract_stdout_json_lines(runner, session_model):
    result = runner.invoke(cli, ["extract", str(SEEDS)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines
    records = [json.loads(line) for line in lines]
    assert all(r["kind"] in {"entity", "statement"} for r in records)
    # Without -o the summary is off, so stderr holds nothing that would break a pipe into jq.
    assert "documents:" not in result.stderr


def test_cli_extract_quiet_suppresses_summary(runner, session_model, tmp_path):
    result = runner.invoke(cli, ["-q", "extract", str(SEEDS), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "documents:" not in result.stderr


def test_cli_missing_path_fails_cleanly(runner, tmp_path):
    missing = tmp_path / "no-such-article.txt"
    result = runner.invoke(cli, ["extract", str(missing)])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert missing.as_posix() in lines[0]
    assert "Traceback" not in result.output


def test_cli_unknown_model_fails_cleanly(runner):
    result = runner.invoke(cli, ["extract", str(SEEDS), "--model", "nonexistent_pipeline_xyz"])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "nonexistent_pipeline_xyz" in lines[0]
    assert "Traceback" not in result.output


def test_cli_output_parent_is_file_fails_cleanly(runner, session_model, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n", encoding="utf-8")
    out = blocker / "statements.jsonl"
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert str(out) in lines[0]
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_cli_requires_a_path(runner):
    result = runner.invoke(cli, ["extract"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_every_command_has_help(runner):
    assert cli.commands
    assert (cli.help or "").strip()
    for name, command in cli.commands.items():
        assert (command.help or "").strip(), f"kg {name} has no help text"
        assert (command.get_short_help_str() or "").strip(), f"kg {name} has no short help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert f"Usage: cli {name}" in result.stdout or f"{name} [OPTIONS]" in result.stdout


def test_cli_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("kg, version ")
