"""Every action, callback and block id the app sends and listens for, in one place.

Builders put these in the JSON; app.py registers listeners on the same names. A renamed id
that is only changed on one side would leave buttons that do nothing."""

# Buttons
DISMISS_FINDING = "dismiss_finding"  # value: JSON {"r": review id, "i": index of the finding in the report}
SHARE_REVIEW = "share_review"  # value: str(review id)
ANSWER_HELPFUL = "answer_helpful"  # value: str(answer id)
ANSWER_NOT_HELPFUL = "answer_not_helpful"  # value: str(answer id)

# Modals and their inputs
REVIEW_MODAL = "review_modal"
DRAFT_BLOCK = "draft_block"
DRAFT_INPUT = "draft_input"
DISMISS_MODAL = "dismiss_modal"
REASON_BLOCK = "reason_block"
REASON_INPUT = "reason_input"

# Names people see in Slack's menus; manifest.yaml must use the same ones.
REVIEW_SHORTCUT = "review_with_tender_coach"
SLASH_COMMAND = "/tender"
