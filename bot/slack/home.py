"""The App Home tab: how to use the bot, the person's last reviews with their scores, and how
the channels they work in are trending."""

from __future__ import annotations

from bot.slack import blocks
from bot.slack.context import Deps, log_failure
from bot.store import repo


def on_home_opened(deps: Deps):
    def handler(event, context, client) -> None:
        if event.get("tab") != "home":
            return
        user, team = event["user"], context.team_id or ""
        try:
            view = blocks.home_view(recent=repo.recent_reviews(deps.db, team, user, limit=5),
                                    trends=repo.channel_trends(deps.db, team, weeks=4))
            client.views_publish(user_id=user, view=view)
        except Exception as exc:  # there is no thread to apologise in; the tab keeps its last view
            log_failure("publishing the App Home", exc)
    return handler
