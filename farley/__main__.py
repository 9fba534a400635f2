"""`python -m farley` runs the command line."""

from farley.cli.main import run

run()
