from cnnquiz.cli.main import run

run()
