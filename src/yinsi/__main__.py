"""`python -m yinsi` runs the CLI."""

from yinsi.cli.main import main

main()
