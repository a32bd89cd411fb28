"""Entry point of the `yinsi` command: builds the click group from the verb modules of this package.

A verb module defines a module-level `command` (a click.Command or click.Group); adding a verb touches
only its own module. Library errors become one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import signal
import sys
import threading
from types import FrameType

import click

from yinsi import __version__
from yinsi.core.errors import YinsiError

EXIT_USAGE_OR_IO = 2
EXIT_INTERNAL = 3
_NOT_VERBS = frozenset({"main"})


class _VerbGroup(click.Group):
    """A group whose subcommands are the verb modules of `yinsi.cli`, imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_verb_modules())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = _verb_modules().get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"yinsi.cli.{module_name}")
        command = getattr(module, "command", None)
        return command if isinstance(command, click.Command) else None


def _verb_modules() -> dict[str, str]:
    package = importlib.import_module("yinsi.cli")
    return {
        info.name.replace("_", "-"): info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_") and info.name not in _NOT_VERBS
    }


@click.group(cls=_VerbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="yinsi")
def cli() -> None:
    """yinsi (隐私): find, protect and audit personal information.

    \b
    Examples:
      yinsi scan ./exports            find personal information in a folder
      yinsi scan - < order.log        ... or in standard input
      yinsi entities                  list the entity types yinsi knows
    """


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; translate library errors into one-line messages and exit codes."""
    # SIGTERM (`kill`, a CI timeout) unwinds like Ctrl-C, so every verb's half-written output is
    # discarded rather than left behind; the default action would end the process on the spot.
    handle = threading.current_thread() is threading.main_thread()  # signals are the main thread's
    previous = signal.getsignal(signal.SIGTERM) if handle else None
    if previous == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        _main(argv)
    finally:
        if previous == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> None:
    try:
        result = cli.main(args=argv, prog_name="yinsi", standalone_mode=False)
        # Without standalone mode click returns ctx.exit(code) codes instead of exiting.
        if isinstance(result, int) and result:
            sys.exit(result)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.UsageError as error:
        # One line, like every other error: the full usage is one `-h` away.
        where = error.ctx.command_path if error.ctx is not None else "yinsi"
        click.echo(f"yinsi: error: {error.format_message()} (see '{where} -h')", err=True)
        sys.exit(EXIT_USAGE_OR_IO)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE_OR_IO)
    except click.exceptions.Abort:
        click.echo("yinsi: aborted", err=True)
        sys.exit(130)
    except YinsiError as error:
        click.echo(f"yinsi: error: {error}", err=True)
        sys.exit(EXIT_USAGE_OR_IO)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stderr.close()
        sys.exit(0)
    except OSError as error:
        where = f"{error.filename}: " if error.filename is not None else ""
        click.echo(f"yinsi: error: {where}{error.strerror or error}", err=True)
        sys.exit(EXIT_USAGE_OR_IO)
    except KeyboardInterrupt:
        click.echo("yinsi: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence against a traceback
        # A bug of ours. Its message may quote the input it choked on, so only the type is shown unless
        # the user asks for the traceback.
        if os.environ.get("YINSI_DEBUG"):
            raise
        click.echo(
            f"yinsi: internal error ({type(error).__name__}); rerun with YINSI_DEBUG=1 for the traceback "
            "and please report it",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
