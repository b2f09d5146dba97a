"""Optional polish of rewrites by an OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp, Azure OpenAI).

Configured by TENDER_COACH_LLM_URL (base URL or full .../chat/completions URL), with
TENDER_COACH_LLM_MODEL, TENDER_COACH_LLM_KEY and TENDER_COACH_LLM_TIMEOUT (seconds). The
deterministic rewrite is always kept unless the polished one passes every check: it must
come back in time, parse, keep exactly the same numbers, and raise no output-only or
cost-first finding when reviewed again.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from typing import Callable

from scoring.errors import ConfigError
from scoring.report import Report

from .render import render

log = logging.getLogger(__name__)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
MUST_PASS = ("output-only", "cost-first")
DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT = 10.0, 0.1, 600.0


def _timeout_setting(raw: str) -> float:
    """TENDER_COACH_LLM_TIMEOUT in seconds. A negative, NaN or infinite value would reach the socket
    as an error far from its cause, and a huge one would hang a Slack handler: refuse them here."""
    text = raw.strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (MIN_TIMEOUT <= value <= MAX_TIMEOUT):  # also false for NaN
        raise ConfigError(
            f"TENDER_COACH_LLM_TIMEOUT={raw!r} is not usable: give the seconds to wait for the model, "
            f"a number from {MIN_TIMEOUT:g} to {MAX_TIMEOUT:g} (default {DEFAULT_TIMEOUT:g})"
        )
    return value


class LLMError(Exception):
    """The endpoint did not give a usable answer (timeout, HTTP error, bad JSON)."""


@dataclass(frozen=True)
class LLMClient:
    url: str
    model: str = "default"
    api_key: str | None = None
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env=os.environ) -> "LLMClient | None":
        url = env.get("TENDER_COACH_LLM_URL", "").strip()
        if not url:
            return None
        if not re.match(r"(?i)https?://[^/\s]+", url):
            raise ConfigError(
                f"TENDER_COACH_LLM_URL={url!r} is not an http(s) URL such as http://localhost:11434/v1; "
                "fix it, or unset it to use the built-in rewrites"
            )
        timeout = _timeout_setting(env.get("TENDER_COACH_LLM_TIMEOUT", ""))
        return cls(url, env.get("TENDER_COACH_LLM_MODEL", "default"), env.get("TENDER_COACH_LLM_KEY") or None, timeout)

    @property
    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") or "/chat/completions?" in base else base + "/chat/completions"

    def chat(self, system: str, user: str) -> str:
        body = json.dumps({
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0.2,
        }).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
            headers["api-key"] = self.api_key  # Azure OpenAI's header; others ignore it
        request = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = response.read(1_000_000)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise LLMError(f"endpoint unavailable: {exc.__class__.__name__}") from None
        try:
            content = json.loads(payload)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise LLMError("endpoint answered with something other than a chat completion") from None
        if not isinstance(content, str) or not content.strip():
            raise LLMError("endpoint answered with an empty message")
        return content.strip()


def _numbers(text: str) -> list[str]:
    return sorted(n.replace(",", "") for n in _NUMBER_RE.findall(text))


def acceptable(polished: str, rewrite: str, still_flagged: Callable[[str], bool]) -> bool:
    """A polished rewrite is used only if it keeps the numbers and passes the checker."""
    if len(polished) > 2 * len(rewrite) + 200:
        return False
    if _numbers(polished) != _numbers(rewrite):
        return False
    return not still_flagged(polished)


def _flagged_by_checker(text: str) -> bool:
    from scoring import review

    return any(f.category in MUST_PASS for f in review(text).findings)


def polish_report(report: Report, client: LLMClient | None, *, budget_seconds: float = 30.0,
                  still_flagged: Callable[[str], bool] = _flagged_by_checker) -> Report:
    """Return the report with rewrites polished where the endpoint's answer passes every check."""
    if client is None:
        return report
    deadline = time.monotonic() + budget_seconds
    findings = []
    for f in report.findings:
        if f.rewrite is None or time.monotonic() > deadline:
            findings.append(f)
            continue
        original = report.text[f.start:f.end]
        try:
            polished = client.chat(
                render("llm/polish-rewrite.system.j2"),
                render("llm/polish-rewrite.user.j2", original=original, rewrite=f.rewrite),
            )
        except LLMError as exc:
            log.warning("LLM polish skipped: %s", exc)
            findings.append(f)
            if "unavailable" in str(exc):
                deadline = 0  # a dead or slow endpoint is not asked again for this report
            continue
        findings.append(replace(f, rewrite=polished) if acceptable(polished, f.rewrite, still_flagged) else f)
    return replace(report, findings=tuple(findings))
