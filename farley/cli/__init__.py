"""The command line: Typer commands that call the domain and render its results."""
