from cnnquiz.cli.launch import run

run()
