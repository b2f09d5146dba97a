"""The checker: pure Python, no Slack, no embeddings.

    from scoring import review
    report = review("The provider will deliver 200 youth sessions per year.")

The names below are resolved lazily (PEP 562), so that importing one module of the package (the command line's
`scoring._cache`, which seeds `re`'s cache before the checker's modules compile their patterns) does not import
the whole checker first.
"""

from __future__ import annotations

__all__ = ["review", "Report", "Finding", "TenderCoachError", "InputError", "RuleError", "ConfigError"]

_WHERE = {"review": "engine", "Report": "report", "Finding": "report", "TenderCoachError": "errors",
          "InputError": "errors", "RuleError": "errors", "ConfigError": "errors"}


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"scoring.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
