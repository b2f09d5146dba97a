"""The checker: pure Python, no Slack, no embeddings.

    from scoring import review
    report = review("The provider will deliver 200 youth sessions per year.")
"""

from .engine import review
from .errors import ConfigError, InputError, RuleError, TenderCoachError
from .report import Finding, Report

__all__ = ["review", "Report", "Finding", "TenderCoachError", "InputError", "RuleError", "ConfigError"]
