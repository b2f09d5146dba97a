"""The weekly digest of a team channel: its numbers (`compute`), the tip of the week (`tips`)
and the chart (`chart`). The words are built in bot/slack/blocks.py (`digest_message`).

Light to import: no Slack client, no vector store, no embedding model; matplotlib only once
a chart is drawn. `tender-coach digest run` relies on that while `serve` holds the store."""

from bot.digest.chart import read_series, render_chart
from bot.digest.compute import Digest, compute_digest, compute_many, week_key
from bot.digest.tips import choose_tip

__all__ = ["Digest", "choose_tip", "compute_digest", "compute_many", "read_series", "render_chart", "week_key"]
