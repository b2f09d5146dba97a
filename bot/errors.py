"""Exit codes and the usage error shared by every subcommand."""

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


class UsageError(Exception):
    """The command line asks for something that cannot be done; the message says what to type."""
