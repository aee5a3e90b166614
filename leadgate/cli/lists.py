"""`leadgate lists …` (commands added in a later change)."""

import typer

app = typer.Typer(help="lists", no_args_is_help=True)
