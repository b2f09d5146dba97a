"""tender-coach serve: run the Slack bot (Socket Mode, or HTTP with --http)."""

from __future__ import annotations

import os

from bot.errors import EXIT_OK, UsageError


def add_parser(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="run the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, or HTTP with --http)",
        description=(
            "Run the Tender Coach Slack bot. With SLACK_APP_TOKEN set it connects over Socket Mode (no public URL "
            "needed). With --http it serves Slack's requests at /slack/events (and /slack/install and "
            "/slack/oauth_redirect when SLACK_CLIENT_ID is set), plus /healthz for a load balancer. "
            "See the README's Slack section for the settings."
        ),
    )
    p.add_argument("--http", action="store_true", help="serve HTTP instead of Socket Mode")
    p.add_argument("--port", type=int, default=int(os.environ.get("PORT", 3000)), metavar="N",
                   help="HTTP port (default: $PORT or 3000)")
    p.add_argument("--host", default="0.0.0.0", metavar="ADDR", help="HTTP address to listen on (default: 0.0.0.0)")
    p.set_defaults(run=run)


def run(args) -> int:
    from bot.slack import logs, server

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be from 0 to 65535 (got {args.port})")
    logs.configure()
    if args.http:
        server.serve_http(args.host, args.port)
    elif os.environ.get("SLACK_APP_TOKEN"):
        server.serve_socket_mode()
    else:
        raise UsageError("set SLACK_APP_TOKEN to run over Socket Mode, or serve HTTP: tender-coach serve --http --port 3000")
    return EXIT_OK
