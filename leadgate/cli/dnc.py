"""`leadgate dnc …` (commands added in a later change)."""

import typer

app = typer.Typer(help="dnc", no_args_is_help=True)
