"""The Slack app: listeners, and the pure Block Kit builders they send."""
