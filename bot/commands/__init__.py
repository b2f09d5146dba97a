"""One module a subcommand: `add_parser(sub)` declares it, `run(args)` does it."""
