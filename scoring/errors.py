"""Domain errors. Each says what the user can do; the edges (CLI, Slack) translate them.
The base classes are the knowledge base's (one family of errors for the whole product)."""

from knowledge.errors import InputError, TenderCoachError

__all__ = ["ConfigError", "InputError", "RuleError", "TenderCoachError"]


class RuleError(TenderCoachError):
    """A rule or checklist file is malformed. The message names the file and key."""


class ConfigError(TenderCoachError):
    """A `.tender-coach.toml` or `[tool.tender-coach]` table is malformed."""
