"""aqwal's command-line interface (Typer)."""
