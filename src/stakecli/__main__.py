"""`python -m stakecli`."""

from stakecli.cli import main

main()
