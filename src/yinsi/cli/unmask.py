"""`yinsi unmask`: restore originals in copies made by `yinsi mask --vault`, with the vault and the key.

Every surrogate the vault holds (fake values, keyed tags, pseudonyms, FPE outputs) is replaced by its
original, cell by cell and value by value like `mask`. A key other than the vault's is one error.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from yinsi.cli._file_progress import file_progress
from yinsi.cli.mask import FORMATS, collect
from yinsi.core.errors import ConfigurationError
from yinsi.crypto.keys import KEY_ENV_VAR, load_key
from yinsi.crypto.vault import Vault
from yinsi.rewriting.files import output_path, rewrite_file, same_file
from yinsi.rewriting.masking import RestoringTransform


@click.command(name="unmask")
@click.argument("paths", nargs=-1, required=True, metavar="FILE...")
@click.option("--vault", "vault_path", required=True, type=click.Path(dir_okay=False, exists=True),
              metavar="FILE", help="The vault given to `yinsi mask --vault`.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Write the restored copies here.")
@click.option("--key-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help=f"Master key file; default: ${KEY_ENV_VAR}.")
@click.option("--format", "file_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="File format; auto goes by suffix.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def command(
    paths: tuple[str, ...], vault_path: str, out_dir: str, key_file: str | None, file_format: str, quiet: bool
) -> None:
    """Restore the originals in masked FILE... (or directories) from a vault."""
    master = load_key(key_file)
    assert master is not None  # required=True
    target_dir = Path(out_dir)
    total: Counter[str] = Counter()
    with Vault(vault_path, master, create=False) as vault:
        transform = RestoringTransform(vault)
        jobs = [(source, output_path(source, root, target_dir)) for source, root in collect(paths)]
        for source, target in jobs:
            if same_file(source, target):
                raise ConfigurationError(f"{source}: the output would overwrite the input")
        with file_progress(sum(source.stat().st_size for source, _ in jobs)) as progress:
            for source, target in jobs:
                progress.describe(source.name)
                rewrite_file(source, target, transform, file_format=file_format, on_progress=progress.advance)
        total.update(transform.counts)
    if not quiet:
        summary = ", ".join(f"{entity} {count}" for entity, count in sorted(total.items())) or "nothing"
        click.echo(f"yinsi: restored {len(jobs)} file(s) to {target_dir}: {summary}", err=True)
