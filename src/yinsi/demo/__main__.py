"""`python -m yinsi.demo` runs the demo (see yinsi.demo)."""

from yinsi.demo import main

main()
