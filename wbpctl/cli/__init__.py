"""The command line: parse, call one service, render. One module per command group."""
