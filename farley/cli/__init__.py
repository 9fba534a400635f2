"""The command line: Typer commands that call the domain and hand results to rendering."""
