"""`yinsi app`: audit Android APKs against China's app rules, one report per app or a league table."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from yinsi.cli._console import report_console
from yinsi.core.errors import ConfigurationError, InputError
from yinsi.sinks.output import refuse_inputs, written

if TYPE_CHECKING:
    from rich.console import Console

    from yinsi.apps.audit import AppAudit
    from yinsi.apps.knowledge import AppCategory, TrackerSignature

EXIT_UNUSABLE_INPUT = 2
_F = TypeVar("_F", bound=Callable[..., Any])


def _options(command: _F) -> _F:
    """The options `audit` and `rank` share."""
    for option in reversed([
        click.option("--category", "-c", default=None,
                     help="App category of the 2021 necessary-PI rule: number (36), Chinese (拍摄美化类) "
                          "or English name; 'unknown' for a softer report."),
        click.option("--format", "output_format", type=click.Choice(["table", "json", "sarif"]),
                     default="table", show_default=True,
                     help="Output format (sarif: SARIF 2.1.0 for code-scanning tools)."),
        click.option("--trackers", "trackers_file", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="Exodus-format tracker JSON to use besides the built-in signatures."),
        click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="Write the report to FILE instead of standard output."),
        click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="Also write a self-contained HTML report (scorecards, findings, references)."),
    ]):
        command = option(command)
    return command


@click.group(name="app")
def command() -> None:
    """Audit Android apps (APK): trackers, permissions beyond the category's necessary personal
    information (常见类型移动互联网应用程序必要个人信息范围规定, 2021), collection before consent
    (App违法违规收集使用个人信息行为认定方法, 2019), and an explainable score.

    \b
    Examples:
      yinsi app audit selfie.apk --category 拍摄美化类
      yinsi app audit *.apk --format json -o report.json
      yinsi app rank ./apks --category unknown
      yinsi app categories            the 39 categories (values for --category)
      yinsi app rules                 the rules and the clauses they cite
      yinsi app trackers              the built-in SDK signatures
    """


def _prepare(category: str | None,
             trackers_file: Path | None) -> tuple[AppCategory | None, tuple[TrackerSignature, ...]]:
    from yinsi.apps.knowledge import default_knowledge
    from yinsi.apps.trackers import load_exodus_trackers

    knowledge = default_knowledge()
    try:
        resolved = knowledge.category(category) if category is not None else None
    except ConfigurationError as error:
        raise click.BadParameter(str(error), param_hint="--category") from error
    try:
        extra = load_exodus_trackers(trackers_file) if trackers_file is not None else ()
    except ConfigurationError as error:
        raise click.BadParameter(str(error), param_hint="--trackers") from error
    return resolved, extra


def _load_category_map(path: Path) -> dict[str, AppCategory | None]:
    """`--categories FILE`: one `name,category` per line (name = APK file name, stem or package)."""
    from yinsi.apps.knowledge import default_knowledge

    mapping: dict[str, AppCategory | None] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        raise click.BadParameter(f"{path}: not UTF-8 text (byte {error.start})",
                                 param_hint="--categories") from None
    except OSError as error:
        raise click.BadParameter(f"{path}: {error.strerror or error}", param_hint="--categories") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, separator, category = line.partition(",")
        if not separator or not name.strip():
            raise click.BadParameter(f"{path}:{number}: expected 'name,category'", param_hint="--categories")
        try:
            mapping[name.strip()] = default_knowledge().category(category)
        except ConfigurationError as error:
            raise click.BadParameter(f"{path}:{number}: {error}", param_hint="--categories") from error
    return mapping


def _audit_all(paths: Iterable[Path], category: AppCategory | None,
               trackers: tuple[TrackerSignature, ...],
               per_app: dict[str, AppCategory | None] | None = None) -> tuple[list[AppAudit], bool]:
    """Audit each path; an unusable APK costs one stderr line and does not stop the others.

    `per_app` overrides `category` by APK file name, file stem or package name.
    """
    from yinsi.apps.audit import audit_facts
    from yinsi.apps.extract import extract_facts

    audits = []
    failed = False
    for path in paths:
        try:
            facts = extract_facts(path)
            chosen = category
            for key in (path.name, path.stem, facts.package):
                if per_app and key in per_app:
                    chosen = per_app[key]
                    break
            audits.append(audit_facts(facts, category=chosen, trackers=trackers))
        except (InputError, OSError) as error:
            failed = True
            message = str(error) if isinstance(error, InputError) else f"{path}: {error.strerror or error}"
            click.echo(f"yinsi: error: {message}", err=True)
    return audits, failed


def _emit(output: Path | None, write: Callable[[TextIO], None]) -> None:
    if output is None:
        write(sys.stdout)
        return
    with written(output) as stream:
        write(stream)


def _console(stream: TextIO) -> Console:
    return report_console(stream)


def _sarif(audits: Sequence[AppAudit]) -> dict[str, object]:
    from yinsi import __version__
    from yinsi.apps.sarif import to_sarif

    return to_sarif(audits, tool_version=__version__)


def _write_html(html_path: Path | None, audits: Sequence[AppAudit]) -> None:
    if html_path is None or not audits:
        return
    from yinsi import __version__
    from yinsi.sinks.html import write_html_report
    from yinsi.sinks.results import app_audit_result

    write_html_report([app_audit_result(audits, tool_version=__version__)], str(html_path))
    click.echo(f"yinsi: wrote {html_path}", err=True)


def _finish(failed: bool, audited: int) -> None:
    """Exit 2 when any input was unusable (or nothing could be audited), else 0."""
    if failed or audited == 0:
        raise click.exceptions.Exit(EXIT_UNUSABLE_INPUT)


@command.command(name="audit")
@click.argument("apks", nargs=-1, required=True, type=click.Path(path_type=Path))
@_options
def audit(apks: Sequence[Path], category: str | None, output_format: str, trackers_file: Path | None,
          output: Path | None, html_path: Path | None) -> None:
    """Audit each APK: findings by severity with references, necessary vs collectable PI, SDKs, score.

    Unusable APKs (not a zip, truncated, zip bomb, malformed manifest, no classes.dex) get one error
    line each; the others are still audited, and the exit code is then 2.
    """
    from yinsi.apps.knowledge import default_knowledge
    from yinsi.cli._app_render import render_audit

    refuse_inputs((output, html_path), (*apks, trackers_file))
    resolved, extra = _prepare(category, trackers_file)
    audits, failed = _audit_all(apks, resolved, extra)

    def write(stream: TextIO) -> None:
        if output_format == "json":
            stream.write(json.dumps([a.as_dict() for a in audits], ensure_ascii=False, indent=2) + "\n")
            return
        if output_format == "sarif":
            stream.write(json.dumps(_sarif(audits), ensure_ascii=False, indent=2) + "\n")
            return
        console = _console(stream)
        for item in audits:
            render_audit(item, default_knowledge(), console)

    if audits:
        _emit(output, write)
    _write_html(html_path, audits)
    _finish(failed, len(audits))


@command.command(name="rank")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@_options
@click.option("--categories", "categories_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="CSV of 'name,category' lines (name: APK file name, stem or package); "
                                 "overrides --category for the apps it names.")
def rank(directory: Path, category: str | None, output_format: str, trackers_file: Path | None,
         output: Path | None, html_path: Path | None, categories_file: Path | None) -> None:
    """Audit every *.apk under DIRECTORY and print a league table, best privacy score first.

    Apps are judged against their own category when `--categories` maps them, else `--category`.
    """
    from yinsi.apps.audit import rank_audits
    from yinsi.cli._app_render import render_league

    if not directory.is_dir():
        raise click.BadParameter(f"{directory} is not a directory", param_hint="DIRECTORY")
    paths = sorted(directory.rglob("*.apk"))
    if not paths:
        click.echo(f"yinsi: error: no .apk files under {directory}", err=True)
        raise click.exceptions.Exit(EXIT_UNUSABLE_INPUT)
    refuse_inputs((output, html_path), (*paths, trackers_file, categories_file))
    resolved, extra = _prepare(category, trackers_file)
    per_app = _load_category_map(categories_file) if categories_file is not None else None
    audits, failed = _audit_all(paths, resolved, extra, per_app)
    ranked = rank_audits(audits)

    def write(stream: TextIO) -> None:
        if output_format == "sarif":
            stream.write(json.dumps(_sarif(ranked), ensure_ascii=False, indent=2) + "\n")
            return
        if output_format == "json":
            rows = [{"rank": position, "name": item.name, **item.as_dict()}
                    for position, item in enumerate(ranked, start=1)]
            stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        render_league(ranked, _console(stream))

    if ranked:
        _emit(output, write)
    _write_html(html_path, ranked)
    _finish(failed, len(ranked))


def _register_listings() -> None:
    from yinsi.cli._app_lists import categories, rules, trackers

    for listing in (rules, categories, trackers):
        command.add_command(listing)


_register_listings()
