"""The TENDER_COACH_LLM_* settings, checked when read so a bad one is named at start-up.

Each error names the variable and says what to give instead. A value that could hold a secret
(the key, or a URL with a password in it) is never repeated back.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from scoring.errors import ConfigError

DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT = 10.0, 0.1, 600.0
DEFAULT_MODEL = "default"
_MAX_URL, _MAX_MODEL, _MAX_KEY = 2000, 200, 4096
_UNSET_HINT = "or unset it to use the built-in rewrites"


def _odd_characters(text: str) -> bool:
    return any(ch.isspace() or unicodedata.category(ch)[0] in "CZ" for ch in text)


def timeout_setting(raw: str | None) -> float:
    """TENDER_COACH_LLM_TIMEOUT in seconds. A negative, NaN or infinite value would reach the socket
    as an error far from its cause, and a huge one would hang a Slack handler: refuse them here."""
    text = (raw or "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (MIN_TIMEOUT <= value <= MAX_TIMEOUT):  # also false for NaN
        raise ConfigError(
            f"TENDER_COACH_LLM_TIMEOUT={raw!r} is not usable: give the seconds to wait for the model, "
            f"a number from {MIN_TIMEOUT:g} to {MAX_TIMEOUT:g} (default {DEFAULT_TIMEOUT:g})"
        )
    return value


def url_setting(raw: str | None) -> str | None:
    """TENDER_COACH_LLM_URL, or None when unset (no polish)."""
    url = (raw or "").strip()
    if not url:
        return None
    parts = urlsplit(url) if len(url) <= _MAX_URL and not _odd_characters(url) else None
    if parts is not None and (parts.username is not None or parts.password is not None or "@" in parts.netloc):
        raise ConfigError(
            "TENDER_COACH_LLM_URL holds a user name or password (not shown here): take it out of the "
            "address and give the key in TENDER_COACH_LLM_KEY instead"
        )
    if parts is None:
        problem = f"is longer than {_MAX_URL:,} characters" if len(url) > _MAX_URL else "contains spaces or control characters"
    elif parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        problem = "is not an http(s) URL"
    else:
        try:
            parts.port
        except ValueError:
            problem = "has a port that is not a number from 1 to 65535"
        else:
            return url
    raise ConfigError(
        f"TENDER_COACH_LLM_URL={url[:200]!r} {problem}: give the endpoint's address, such as "
        f"http://localhost:11434/v1, {_UNSET_HINT}"
    )


def model_setting(raw: str | None) -> str:
    """TENDER_COACH_LLM_MODEL; unset means the endpoint's default model."""
    if raw is None:
        return DEFAULT_MODEL
    model = raw.strip()
    if model and len(model) <= _MAX_MODEL and not _odd_characters(model):
        return model
    problem = ("is empty" if not model else f"is longer than {_MAX_MODEL} characters" if len(model) > _MAX_MODEL
               else "contains spaces or control characters")
    raise ConfigError(
        f"TENDER_COACH_LLM_MODEL={raw[:80]!r} {problem}: give the model's name as the endpoint lists it, "
        "such as llama3.1:8b, or unset it to use the endpoint's default model"
    )


def key_setting(raw: str | None) -> str | None:
    """TENDER_COACH_LLM_KEY. It goes into HTTP headers, so only printable ASCII without spaces."""
    key = (raw or "").strip()
    if not key:
        return None
    if len(key) <= _MAX_KEY and key.isascii() and key.isprintable() and " " not in key:
        return key
    raise ConfigError(
        "TENDER_COACH_LLM_KEY is not usable (not shown here): it has spaces, control or non-ASCII "
        f"characters, or is longer than {_MAX_KEY:,} characters; paste the key again, {_UNSET_HINT}"
    )
