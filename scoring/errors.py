"""Domain errors. Each says what the user can do; the edges (CLI, Slack) translate them."""


class TenderCoachError(Exception):
    """Base of every error a user may see. The message is safe to show."""


class InputError(TenderCoachError):
    """The text or file given to us cannot be read or is not usable."""


class RuleError(TenderCoachError):
    """A rule or checklist file is malformed. The message names the file and key."""


class ConfigError(TenderCoachError):
    """A `.tender-coach.toml` or `[tool.tender-coach]` table is malformed."""
