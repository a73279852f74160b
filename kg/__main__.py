"""Run the command line interface: ``python -m kg``."""

from kg.cli import main

main()
