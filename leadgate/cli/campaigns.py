"""`leadgate campaigns …` (commands added in a later change)."""

import typer

app = typer.Typer(help="campaigns", no_args_is_help=True)
