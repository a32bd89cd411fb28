"""`yinsi mask`: write de-identified copies of text, CSV/TSV and JSON Lines files under a policy.

Only personal values change: CSV cells and JSON values are rewritten one by one, everything else is
copied byte for byte, in the file's own encoding. Copies are written atomically; the inputs are never
touched unless `--in-place`, which keeps a `.bak` copy first. A manifest (`yinsi-mask.json`) records
the policy, the key id and the counts per file and entity type, never values. `yinsi mask -` is a
filter instead: standard input to standard output, line by line, as text.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from yinsi import __version__
from yinsi._analyze import default_analyzer
from yinsi.cli._file_progress import file_progress
from yinsi.core.errors import ConfigurationError, InputError
from yinsi.crypto.keys import KEY_ENV_VAR, load_key
from yinsi.crypto.vault import Vault
from yinsi.operators.base import KeyChain
from yinsi.policy.apply import PolicyRun
from yinsi.policy.load import load_policy, presets
from yinsi.rewriting.files import BinaryFileError, backup_of, output_path, rewrite_file, same_file
from yinsi.rewriting.masking import MaskingTransform
from yinsi.sinks.output import Output

MANIFEST = "yinsi-mask.json"
STDIN = "-"
FORMATS = ("auto", "text", "csv", "tsv", "jsonl")


def collect(paths: tuple[str, ...], *, skip: Path | None = None) -> list[tuple[Path, Path]]:
    """(file, root) for every file named or found under a named directory, in a stable order.

    Files under `skip` (the output directory, when it lies inside an input directory) are left out,
    so a second run does not mask the copies of the first.
    """
    found: list[tuple[Path, Path]] = []
    skipped = skip.resolve() if skip is not None else None
    for name in paths:
        root = Path(name)
        if root.is_dir():
            found.extend(
                (path, root)
                for path in sorted(root.rglob("*"))
                if path.is_file() and not (skipped is not None and path.resolve().is_relative_to(skipped))
            )
        elif root.is_file():
            found.append((root, root))
        else:
            raise InputError(f"{name}: no such file or directory")
    return found


@click.command(name="mask")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--policy", "policy_name", default="redact", show_default=True, metavar="POLICY",
              help=f"A preset ({', '.join(presets())}) or a YAML/TOML/JSON policy file.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write the copies here (same relative paths).")
@click.option("--in-place", is_flag=True, help="Replace the inputs, keeping each original as FILE.bak.")
@click.option("--key-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help=f"Master key file (hex or base64); default: ${KEY_ENV_VAR}. Never pass a key itself.")
@click.option("--vault", "vault_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record what was changed, encrypted, in this vault (SQLite) so `yinsi unmask` "
              "can restore the originals exactly. Needs the key.")
@click.option("--format", "file_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="File format; auto goes by suffix (.csv .tsv .jsonl .ndjson, else text).")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=None,
              help="Leave findings scoring lower unchanged (default: the policy's min_score).")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def command(
    paths: tuple[str, ...],
    policy_name: str,
    out_dir: str | None,
    in_place: bool,
    key_file: str | None,
    vault_path: str | None,
    file_format: str,
    min_score: float | None,
    quiet: bool,
) -> None:
    """Write de-identified copies of PATH... (files or directories) under a policy; `-` masks standard
    input to standard output.

    \b
    Examples:
      yinsi mask orders.csv --policy courier --out masked/
      yinsi mask orders.csv --policy courier --vault orders.vault --out masked/   (needs $YINSI_KEY)
      yinsi unmask masked/orders.csv --vault orders.vault --out restored/
      yinsi mask exports/ --policy analyst --out shared/                          (needs $YINSI_KEY)
      tail -f app.log | yinsi mask - --policy courier > app.masked.log
    """
    filtering = paths == (STDIN,)
    if filtering and (out_dir is not None or in_place or vault_path is not None):
        raise click.UsageError("'yinsi mask -' writes the masked text to standard output; "
                               "--out, --in-place and --vault need files")
    if STDIN in paths and not filtering:
        raise click.UsageError("'-' (standard input) cannot be mixed with files")
    if not filtering and (out_dir is None) == (not in_place):
        raise click.UsageError("give exactly one of --out DIR or --in-place")
    policy = load_policy(policy_name)
    if min_score is not None:
        from dataclasses import replace

        policy = replace(policy, min_score=min_score)
    needs_key = policy.needs_key or vault_path is not None
    master = load_key(key_file, required=needs_key) if needs_key else None
    keys = KeyChain(master) if master is not None else None
    if filtering:
        count = mask_stream(MaskingTransform(PolicyRun(policy, keys, None), default_analyzer()))
        if not quiet:
            summary = ", ".join(f"{entity} {number}" for entity, number in sorted(count.items())) or "nothing"
            click.echo(f"yinsi: masked standard input with policy {policy.name}: {summary}", err=True)
        return
    target_dir = Path(out_dir) if out_dir is not None else None
    files = collect(paths, skip=target_dir)
    jobs = []
    for source, root in files:
        target = source if target_dir is None else output_path(source, root, target_dir)
        if target_dir is not None and same_file(source, target):
            raise ConfigurationError(f"{source}: the output would overwrite the input; use --in-place")
        if in_place and backup_of(source).exists():
            # Checked for every file before any is touched: replacing FILE.bak would lose the original.
            raise ConfigurationError(f"{backup_of(source)} already exists; move it away first "
                                     "(it may hold the original)")
        jobs.append((source, target))
    vault = Vault(vault_path, master) if vault_path is not None and master is not None else None
    run = PolicyRun(policy, keys, vault)
    analyzer = default_analyzer()
    records: list[dict[str, Any]] = []
    skipped: list[Path] = []
    named = {Path(name) for name in paths}
    total: Counter[str] = Counter()
    try:
        with file_progress(sum(source.stat().st_size for source, _ in jobs)) as progress:
            for source, target in jobs:
                progress.describe(source.name)
                transform = MaskingTransform(run, analyzer)
                try:
                    done = rewrite_file(
                        source, target, transform, file_format=file_format, backup=in_place,
                        on_progress=progress.advance, collect_units=vault is not None,
                    )
                except BinaryFileError:
                    if source in named:
                        raise
                    skipped.append(source)  # found in a directory: leave it out of the copy, say so
                    continue
                if vault is not None:
                    vault.record_document(done.digest, done.encoding, list(done.units))
                total.update(transform.counts)
                records.append({
                    "input": str(source), "output": str(target), "format": done.format,
                    "encoding": done.encoding, "bytes": done.size,
                    "replaced": dict(sorted(transform.counts.items())),
                })
    finally:
        if vault is not None:
            vault.close()
    manifest = {
        "tool": "yinsi", "version": __version__, "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "policy": policy.name, "key_id": keys.key_id if keys is not None else None,
        "vault": str(vault_path) if vault_path is not None else None, "files": records,
        "skipped": [str(source) for source in skipped],
    }
    if target_dir is not None:
        target_dir.mkdir(parents=True, exist_ok=True)
        write_manifest(target_dir / MANIFEST, manifest)
    for source in skipped:
        click.echo(f"yinsi: warning: {source}: not text, left out of the copy", err=True)
    if not quiet:
        summary = ", ".join(f"{entity} {count}" for entity, count in sorted(total.items())) or "nothing"
        where = "in place" if target_dir is None else f"to {target_dir}"
        click.echo(
            f"yinsi: masked {len(records)} file(s) {where} with policy {policy.name}: {summary}", err=True
        )


def mask_stream(transform: MaskingTransform) -> Counter[str]:
    """Standard input to standard output, line by line, each line through `transform` (a filter for
    pipes: `tail -f app.log | yinsi mask - --policy courier`). Returns the replacements per type.

    Input must be UTF-8 text: a line that is not stops the filter with an InputError naming the line
    (lines before it are already written, as from any filter). Only the text of each line is rewritten,
    so the output has exactly the input's lines and line endings.
    """
    if sys.stdin is None:
        raise InputError("<stdin>: standard input is closed")
    out = sys.stdout.buffer
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"<stdin>: line {number} is not UTF-8 text") from None
        body = line.rstrip("\r\n")
        out.write((transform(body, None) + line[len(body):]).encode("utf-8"))
        out.flush()
    return transform.counts


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    output = Output(str(path))
    try:
        output.handle.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        output.commit()
    except BaseException:
        output.discard()
        raise
