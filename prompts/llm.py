"""Optional polish of rewrites by an OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp, Azure OpenAI).

Configured by TENDER_COACH_LLM_URL (base URL or full .../chat/completions URL), with
TENDER_COACH_LLM_MODEL, TENDER_COACH_LLM_KEY and TENDER_COACH_LLM_TIMEOUT (seconds). The model's
answer is untrusted text: the deterministic rewrite is kept unless the polished one arrives in
time, parses, keeps the same numbers and measure names, adds nothing but plain words (no link,
mention, markup, control character or instruction-like phrase that the rewrite does not already
have), stays about as long, and raises no output-only or cost-first finding when reviewed again.
"""

from __future__ import annotations

import logging
import math
import os
import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit, urlunsplit

from knowledge.records import replace  # Findings and Reports are records, not dataclasses

from scoring.errors import TenderCoachError
from scoring.report import Report

from .llm_http import TransportError, post_json
from .llm_settings import DEFAULT_MODEL, DEFAULT_TIMEOUT, MIN_TIMEOUT
from .llm_settings import key_setting, model_setting, timeout_setting, url_setting
from .render import render

log = logging.getLogger(__name__)
MUST_PASS = ("output-only", "cost-first")


class LLMError(Exception):
    """The endpoint did not give a usable answer. The message is safe to log: no draft, no reply."""


class EndpointError(LLMError):
    """The endpoint itself failed (unreachable, too slow, HTTP error, not JSON): do not ask it again."""


@dataclass(frozen=True)
class LLMClient:
    url: str
    model: str = DEFAULT_MODEL
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls, env=os.environ) -> "LLMClient | None":
        url = url_setting(env.get("TENDER_COACH_LLM_URL"))
        if url is None:
            return None
        return cls(url, model_setting(env.get("TENDER_COACH_LLM_MODEL")),
                   key_setting(env.get("TENDER_COACH_LLM_KEY")), timeout_setting(env.get("TENDER_COACH_LLM_TIMEOUT")))

    @property
    def endpoint(self) -> str:
        parts = urlsplit(self.url)
        path = parts.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            path += "/chat/completions"
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    def chat(self, system: str, user: str, *, timeout: float | None = None) -> str:
        """The model's answer; `timeout` may shorten (never lengthen) the wait for this one call."""
        payload = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0.2,
        }
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
            headers["api-key"] = self.api_key  # Azure OpenAI's header; others ignore it
        wait = self.timeout if timeout is None else min(self.timeout, timeout)
        try:
            answer = post_json(self.endpoint, payload, headers, wait)
        except TransportError as exc:
            raise EndpointError(str(exc)) from None
        return _message_content(answer)


def _message_content(answer: object) -> str:
    choices = answer.get("choices") if isinstance(answer, dict) else None
    choice = choices[0] if isinstance(choices, list) and choices else None
    message = choice.get("message") if isinstance(choice, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise EndpointError("endpoint answered with JSON that is not a chat completion")
    if choice.get("finish_reason") == "length":
        raise LLMError("the model's answer was cut off at its length limit")
    if not content.strip():
        raise LLMError("the model answered with an empty message")
    return content.strip()


# --- what a polish may change --------------------------------------------------------------------

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = re.compile(
    r"\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million|half|quarter|once|twice|weekly|monthly|quarterly|annually)\b",
    re.IGNORECASE,
)
_CITATION_RE = re.compile(r"(?: ?\[\d{1,2}\])+")
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9&-]*[A-Z]\b")  # measure and scale names: SWEMWBS, WEMWBS, NHS

# Characters plain prose needs. Anything else (markup, backslashes, controls, bidi and zero-width
# characters, look-alike letters from other scripts) may appear only if the rewrite has it.
_PROSE_PUNCTUATION = frozenset(" .,;:'\"()-!?%£€/‘’“”–—…")

# Things a rewording never needs to add. Every repeat is bounded, so a 1 MB reply cannot make a
# pattern backtrack for minutes. Each is matched on the NFKC-folded text, so full-width
# or styled look-alikes count too, and a polish may repeat one only if the rewrite has it (a
# rewrite quotes the draft, and the draft is the commissioner's own).
_ADDED = (
    ("a link", re.compile(r"\b[a-z][a-z0-9+.-]{0,30}://\S*|\bwww\.\S*|\b(?:mailto|javascript|data|vbscript|file|tel|sms|slack):\S*")),
    ("a web address", re.compile(r"\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}\b(?:/\S*)?")),
    ("a Slack mention, link or tag", re.compile(r"<[^<>]*>")),
    ("an @-mention or address", re.compile(r"[@!](?:here|channel|everyone)\b|@\S+")),
    ("an HTML entity", re.compile(r"&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});?")),
    ("Markdown link or image syntax", re.compile(r"!?\[[^\]\n]{0,200}\][ \t]*[(\[][^)\]\n]{0,200}[)\]]|^[ \t]*\[[^\]\n]{1,200}\]:", re.MULTILINE)),
    ("a code fence", re.compile(r"```|~~~")),
    ("a written-out escape sequence", re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|[0-7]{3}|e\[|[nrt])|\^\[\[")),
    ("instruction-like text", re.compile(
        r"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}?"
        r"\b(?:previous|prior|above|earlier|preceding|all|any|your|these|those|the)\b[^.\n]{0,30}?"
        r"\b(?:instructions?|prompts?|rules?|directions?|guidelines?|context|messages?)\b"
        r"|\bsystem\s+(?:prompt|message|instructions?)\b|\bnew\s+instructions?\b|\byou\s+are\s+(?:now|no\s+longer)\b"
        r"|\bapprove\s+(?:this|the|our|my)\s+(?:bid|tender|submission|application|proposal|contract)\b"
        r"|\bas\s+an?\s+(?:ai|artificial\s+intelligence|(?:large\s+)?language\s+model|llm|assistant|chatbot)\b"
        r"|\b(?:system|assistant|user|developer|human)\s*:|\[/?inst\]|<\|[a-z_]+\|>"
        r"|\bhere(?:\s+is|'s)\s+(?:the|a|my|your)\s+(?:rewritten|revised|polished|reworded|updated|suggested)\b"
    )),
)

# A rewording may smooth a sentence but not grow it: 1.5 times the rewrite, plus 40 characters so
# a short rewrite still has room for a few joining words. It may tighten but not lose content:
# every measure and time point has to stay, so a polish under 60% of the rewrite (less 20
# characters of slack for short ones) has dropped something, most likely a whole clause.
_MAX_GROWTH, _GROWTH_SLACK, _MIN_SHARE, _SHRINK_SLACK = 1.5, 40, 0.6, 20


def _plain(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch in _PROSE_PUNCTUATION
    return ch in _PROSE_PUNCTUATION or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN "))


def _tokens(pattern: re.Pattern, folded: str) -> set[str]:
    return {" ".join(m.group().split()) for m in pattern.finditer(folded)}


def unsafe_additions(text: str, source: str) -> str | None:
    """What `text` adds to `source` that is not plain wording, or None. Citation markers such as
    [1] or [1][3] pass: generated answers need them, and a polish that added one would change the
    numbers and be refused for that."""
    if len(text) > 2 * len(source) + 200:
        return "far longer than what it was made from"  # and too long to scan cheaply
    text = _CITATION_RE.sub("", text)
    allowed = set(source)
    if any(not _plain(ch) and ch not in allowed for ch in text):
        return "a character that is not plain prose"
    if text.count("\n") > source.count("\n"):
        return "a line break"
    new, old = (unicodedata.normalize("NFKC", t).casefold() for t in (text, source))
    for what, pattern in _ADDED:
        if not _tokens(pattern, new) <= _tokens(pattern, old):
            return what
    return None


def _numbers(text: str) -> list[str]:
    return sorted(n.replace(",", "") for n in _NUMBER_RE.findall(text))


def _number_words(text: str) -> list[str]:
    return sorted(w.lower() for w in _NUMBER_WORDS.findall(text))


def _kept(polished: str, rewrite: str) -> str | None:
    """What the polish drops or changes of the rewrite's substance, or None."""
    if _numbers(polished) != _numbers(rewrite):
        return "changed numbers"
    if _number_words(polished) != _number_words(rewrite):
        return "changed numbers written as words or time points"
    if sorted(_ACRONYM_RE.findall(polished)) != sorted(_ACRONYM_RE.findall(rewrite)) \
            or _library_names(polished) != _library_names(rewrite):
        return "changed measure names"
    if len(polished) > _MAX_GROWTH * len(rewrite) + _GROWTH_SLACK:
        return "much longer than the rewrite"
    if len(polished) < _MIN_SHARE * len(rewrite) - _SHRINK_SLACK:
        return "much shorter than the rewrite"
    return None


def _library_names(text: str) -> set[str]:
    """The outcome library's measures named in `text` by their short names ("Outcomes Star", "youth justice
    records"), which the acronym test misses."""
    from knowledge.outcome_library import measures

    low = text.lower()
    return {m.short for m in measures().values() if m.short.lower() in low}


def refusal(polished: str, rewrite: str, still_flagged: Callable[[str], bool]) -> str | None:
    """Why the polished rewrite may not replace the deterministic one, or None if it may."""
    reason = unsafe_additions(polished, rewrite) or _kept(polished, rewrite)
    if reason:
        return reason
    try:
        flagged = still_flagged(polished)
    except TenderCoachError:
        return "the checker could not read it"
    return "the checker still flags it" if flagged else None


def _unquoted(polished: str, rewrite: str) -> str:
    """Models often wrap the whole answer in quotation marks; those are not part of the wording."""
    if len(polished) > 2 and polished[0] + polished[-1] in ('""', "“”") and polished[0] not in rewrite[:1]:
        inner = polished[1:-1].strip()
        if not any(q in inner for q in '"“”'):
            return inner
    return polished


def _flagged_by_checker(text: str) -> bool:
    from scoring import review

    return any(f.category in MUST_PASS for f in review(text).findings)


def polish_report(report: Report, client: LLMClient | None, *, budget_seconds: float = 30.0,
                  still_flagged: Callable[[str], bool] = _flagged_by_checker) -> Report:
    """Return the report with rewrites polished where the endpoint's answer passes every check.
    Every call, waiting included, ends by `budget_seconds` after the start; any failure leaves
    the deterministic rewrite in place."""
    if client is None:
        return report
    if not (math.isfinite(budget_seconds) and budget_seconds > 0):
        raise ValueError(f"budget_seconds must be a positive number of seconds, not {budget_seconds!r}")
    deadline = time.monotonic() + budget_seconds
    findings = []
    for f in report.findings:
        remaining = deadline - time.monotonic()
        if f.rewrite is None or remaining < MIN_TIMEOUT:
            findings.append(f)
            continue
        original = report.text[f.start:f.end]
        try:
            polished = client.chat(
                render("llm/polish-rewrite.system.j2"),
                render("llm/polish-rewrite.user.j2", original=original, rewrite=f.rewrite),
                timeout=remaining,
            )
        except LLMError as exc:
            log.warning("LLM polish skipped, the built-in rewrite stands: %s", exc)
            findings.append(f)
            if isinstance(exc, EndpointError):
                deadline = 0  # a dead, slow or broken endpoint is not asked again for this report
            continue
        polished = _unquoted(polished, f.rewrite)
        reason = refusal(polished, f.rewrite, still_flagged)
        if reason:
            log.warning("LLM polish refused (%s), the built-in rewrite stands", reason)
        findings.append(f if reason else replace(f, rewrite=polished))
    return replace(report, findings=tuple(findings))
