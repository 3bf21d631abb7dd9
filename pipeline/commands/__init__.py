"""One module per ``vnie`` subcommand; each exposes a click command named ``command``."""
