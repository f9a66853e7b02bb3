from plugraph.cli.main import app

app()
