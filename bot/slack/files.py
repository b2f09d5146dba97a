"""Files shared with the bot: fetched with the bot token, read as whole documents, reviewed.

The token goes only to Slack's own file host (or the host of SLACK_API_URL, for GovSlack and
tests), and never more than the size limit is read, whatever the file claims to be."""

from __future__ import annotations

import urllib.request
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bot.slack import blocks
from prompts.slack import notice_text
from bot.slack.context import Deps
from bot.slack.conversation import Place, allowed, fail, post, review_draft

SUFFIXES = (".docx", ".pdf", ".txt", ".md")
FORMATS = "Word (.docx), PDF, text (.txt) or Markdown (.md)"
MAX_FILES = 3  # one message can carry up to ten; three reviews in one thread is already a lot to read
DOWNLOAD_TIMEOUT = 20
_SLACK_FILE_HOSTS = (".slack.com", ".slack-gov.com", ".slack-edge.com")


class DownloadError(Exception):
    """The file could not be fetched; the message is safe to show."""


def handle_files(deps: Deps, client, place: Place, files: list[dict], token: str) -> None:
    from scoring.errors import TenderCoachError
    from knowledge.readers import MAX_BYTES, read_bytes

    for file in files[:MAX_FILES]:
        name = str(file.get("name") or file.get("title") or "file")
        try:
            if PurePosixPath(name.lower()).suffix not in SUFFIXES:
                post(client, place, blocks.notice(notice_text("unsupported_file", formats=FORMATS)))
                continue
            if int(file.get("size") or 0) > MAX_BYTES:
                post(client, place, blocks.notice(
                    f"{name} is {int(file['size']) / 1e6:.1f} MB; I can review files up to {MAX_BYTES // 2**20} MB."))
                continue
            if not allowed(deps, client, place, 0):
                return
            data = download(file, token, deps.settings.api_url, MAX_BYTES)
            text = read_bytes(data, name)
        except (DownloadError, TenderCoachError) as exc:
            post(client, place, blocks.notice(f"I couldn't read {name}: {exc}"))
            continue
        except Exception as exc:
            fail(client, place, "reading a shared file", exc)
            continue
        try:
            review_draft(deps, client, place, text, source_name=name)
        except Exception as exc:
            fail(client, place, "reviewing a shared file", exc)
    if len(files) > MAX_FILES:
        post(client, place, blocks.notice(f"I reviewed the first {MAX_FILES} files; share the others separately."))


def download(file: dict, token: str, api_url: str, limit: int) -> bytes:
    url = file.get("url_private_download") or file.get("url_private") or ""
    if not _trusted(url, api_url):
        raise DownloadError("it is not stored in Slack, so I won't send my token there")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            kind = response.headers.get("Content-Type", "")
            data = response.read(limit + 1)
    except OSError as exc:  # HTTPError, URLError and timeouts are all OSErrors
        raise DownloadError(f"Slack did not let me download it ({exc.__class__.__name__})") from None
    if len(data) > limit:
        raise DownloadError(f"it is larger than {limit // 2**20} MB")
    if kind.startswith("text/html") and not url.lower().endswith((".md", ".txt")):
        # Slack answers a download without a valid token with its sign-in page.
        raise DownloadError("Slack sent a sign-in page instead of the file; is the app allowed to read files?")
    return data


def _trusted(url: str, api_url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return False
    api_host = urlsplit(api_url).hostname
    if parts.hostname == api_host:
        return parts.scheme == urlsplit(api_url).scheme
    return parts.scheme == "https" and parts.hostname.endswith(_SLACK_FILE_HOSTS)
