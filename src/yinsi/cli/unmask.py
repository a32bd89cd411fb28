"""`yinsi unmask`: restore originals in copies made by `yinsi mask --vault`, with the vault and the key.

A copy the vault knows (by the SHA-256 of its bytes) is restored exactly, position by position, for
every operator, lossy ones such as `mask` and `redact` included: the result is byte-identical to the
input that was masked. A copy that was edited since is restored as far as its surrogates reach: every
fake value, keyed tag, pseudonym or FPE output the vault holds is replaced by its original, cell by
cell and value by value; masked and redacted values then stay masked. A key other than the vault's is
one error.
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
from yinsi.rewriting.files import file_digest, output_path, restore_file, rewrite_file, same_file
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
              help="File format for copies restored by surrogate; auto goes by suffix.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def command(
    paths: tuple[str, ...], vault_path: str, out_dir: str, key_file: str | None, file_format: str, quiet: bool
) -> None:
    """Restore the originals in masked FILE... (or directories) from a vault."""
    master = load_key(key_file)
    assert master is not None  # required=True raises instead
    target_dir = Path(out_dir)
    exact = 0
    by_surrogate: list[Path] = []
    counts: Counter[str] = Counter()
    with Vault(vault_path, master, create=False) as vault:
        jobs = [
            (source, output_path(source, root, target_dir))
            for source, root in collect(paths, skip=target_dir)
        ]
        for source, target in jobs:
            if same_file(source, target):
                raise ConfigurationError(f"{source}: the output would overwrite the input")
        transform: RestoringTransform | None = None
        with file_progress(sum(source.stat().st_size for source, _ in jobs)) as progress:
            for source, target in jobs:
                progress.describe(source.name)
                record = vault.document(file_digest(source))
                if record is not None:
                    encoding, units = record
                    restore_file(source, target, encoding, units)
                    exact += 1
                else:
                    transform = transform or RestoringTransform(vault)
                    rewrite_file(source, target, transform, file_format=file_format)
                    by_surrogate.append(source)
                progress.advance(source.stat().st_size)
        if transform is not None:
            counts.update(transform.counts)
    for source in by_surrogate:
        click.echo(
            f"yinsi: warning: {source} is not a copy this vault recorded (edited since?); "
            "restored its surrogates only, masked values stay masked", err=True,
        )
    if not quiet:
        restored = ", ".join(f"{entity} {count}" for entity, count in sorted(counts.items()))
        click.echo(
            f"yinsi: restored {exact} file(s) exactly and {len(by_surrogate)} by surrogate to {target_dir}"
            + (f" ({restored})" if restored else ""), err=True,
        )
