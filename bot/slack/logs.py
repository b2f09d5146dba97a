"""Logging for the server: one line a record, and no token or pasted text in any of it.

slack_sdk and Bolt log request and response bodies at DEBUG, which would put drafts and tokens
in the log, so their loggers never go below INFO whatever level the admin asks for."""

from __future__ import annotations

import logging
import os
import re

_TOKEN_RE = re.compile(r"\b(xox[abposre]|xapp)-[A-Za-z0-9-]+")
_CHATTY = ("slack_bolt", "slack_sdk", "urllib3", "chromadb", "httpx", "sentence_transformers")


class Redact(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _TOKEN_RE.sub(lambda m: m.group(1) + "-[redacted]", message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def configure() -> None:
    level = getattr(logging, os.environ.get("TENDER_COACH_LOG_LEVEL", "INFO").upper(), logging.INFO)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
