from leadgate.cli.main import app

app()
