"""Slack's own checks on Block Kit payloads, as the emulator applies them (tests/slack/emulator.py).

Written from Slack's published limits, independently of bot/slack/blocks.py: the point is to catch
a builder that breaks a limit, so the two must not share code. Problems read like Slack's
response_metadata messages: "must be less than 3001 characters [json-pointer:/blocks/0/text/text]".
"""

from __future__ import annotations

MESSAGE_TEXT_MAX = 40_000
MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100  # modals and Home tabs take twice as many blocks as a message
MARKDOWN_BLOCKS_TOTAL_MAX = 12_000  # summed over every markdown block of one payload
ID_MAX = 255

BLOCK_TYPES = frozenset({
    "actions", "context", "context_actions", "divider", "file", "header", "image", "input",
    "markdown", "rich_text", "section", "table", "video",
})
ELEMENT_TYPES = frozenset({
    "button", "checkboxes", "channels_select", "conversations_select", "datepicker", "datetimepicker",
    "email_text_input", "external_select", "feedback_buttons", "file_input", "icon_button", "image",
    "multi_channels_select", "multi_conversations_select", "multi_external_select", "multi_static_select",
    "multi_users_select", "number_input", "overflow", "plain_text_input", "radio_buttons",
    "rich_text_input", "static_select", "timepicker", "url_text_input", "users_select", "workflow_button",
})
_OPTION_LISTS = {"static_select": 100, "multi_static_select": 100, "overflow": 5, "checkboxes": 10,
                 "radio_buttons": 10}


def check_message(params: dict) -> tuple[str | None, list[str]]:
    """(Slack's error code or None, problems) for chat.postMessage / postEphemeral / update params."""
    text = params.get("text")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        return "msg_too_long", [f"must be less than {MESSAGE_TEXT_MAX + 1} characters [json-pointer:/text]"]
    blocks = params.get("blocks")
    if blocks is None:
        return None, []
    if not isinstance(blocks, list):
        return "invalid_blocks_format", ["must provide an array [json-pointer:/blocks]"]
    checker = _Checker()
    checker.blocks(blocks, "/blocks", MESSAGE_BLOCKS_MAX)
    return ("invalid_blocks" if checker.problems else None), checker.problems


def check_view(view) -> list[str]:
    """Problems with a views.open / views.push / views.update / views.publish view."""
    if not isinstance(view, dict):
        return ["must provide an object [json-pointer:/view]"]
    checker = _Checker()
    kind = view.get("type")
    if kind not in ("modal", "home"):
        checker.fail("/view/type", f"must be one of modal, home (got {kind!r})")
    if kind == "modal" or "title" in view:
        checker.text(view.get("title"), "/view/title", 24, plain=True)
    for key in ("submit", "close"):
        if key in view:
            checker.text(view[key], f"/view/{key}", 24, plain=True)
    if kind == "modal" and "submit" not in view and any(
        isinstance(b, dict) and b.get("type") == "input" for b in view.get("blocks") or []
    ):
        checker.fail("/view/submit", "must provide submit when the view has input blocks")
    checker.length(view.get("private_metadata"), "/view/private_metadata", 3000)
    for key in ("callback_id", "external_id"):
        checker.length(view.get(key), f"/view/{key}", ID_MAX)
    checker.blocks(view.get("blocks"), "/view/blocks", VIEW_BLOCKS_MAX)
    return checker.problems


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.markdown_total = 0

    def fail(self, pointer: str, message: str) -> None:
        self.problems.append(f"{message} [json-pointer:{pointer}]")

    def length(self, value, pointer: str, limit: int) -> None:
        if value is not None and not isinstance(value, str):
            self.fail(pointer, "must provide a string")
        elif value is not None and len(value) > limit:
            self.fail(pointer, f"must be less than {limit + 1} characters")

    def text(self, obj, pointer: str, limit: int, *, plain: bool = False) -> None:
        if not isinstance(obj, dict):
            self.fail(pointer, "must provide an object")
            return
        allowed = ("plain_text",) if plain else ("plain_text", "mrkdwn")
        if obj.get("type") not in allowed:
            self.fail(f"{pointer}/type", f"must be one of {', '.join(allowed)}")
        value = obj.get("text")
        if not isinstance(value, str):
            self.fail(f"{pointer}/text", "must provide a string")
        elif not value:
            self.fail(f"{pointer}/text", "must be more than 0 characters")
        else:
            self.length(value, f"{pointer}/text", limit)

    def blocks(self, blocks, pointer: str, limit: int) -> None:
        if blocks is None:
            return
        if not isinstance(blocks, list):
            self.fail(pointer, "must provide an array")
            return
        if len(blocks) > limit:
            self.fail(pointer, f"no more than {limit} items allowed")
        seen: set[str] = set()
        for i, block in enumerate(blocks):
            here = f"{pointer}/{i}"
            if not isinstance(block, dict):
                self.fail(here, "must provide an object")
                continue
            block_id = block.get("block_id")
            self.length(block_id, f"{here}/block_id", ID_MAX)
            if block_id is not None:
                if block_id in seen:
                    self.fail(f"{here}/block_id", f"duplicate block_id {block_id!r}")
                seen.add(block_id)
            kind = block.get("type")
            if kind not in BLOCK_TYPES:
                self.fail(f"{here}/type", f"unsupported block type {kind!r}")
                continue
            getattr(self, f"_{kind}", lambda block, here: None)(block, here)

    def _section(self, block: dict, here: str) -> None:
        if "text" not in block and "fields" not in block:
            self.fail(here, "must provide text or fields")
        if "text" in block:
            self.text(block["text"], f"{here}/text", 3000)
        fields = block.get("fields")
        if fields is not None:
            if not isinstance(fields, list) or len(fields) > 10:
                self.fail(f"{here}/fields", "must provide an array of no more than 10 items")
            else:
                for j, field in enumerate(fields):
                    self.text(field, f"{here}/fields/{j}", 2000)
        if "accessory" in block:
            self.element(block["accessory"], f"{here}/accessory", set())

    def _header(self, block: dict, here: str) -> None:
        self.text(block.get("text"), f"{here}/text", 150, plain=True)

    def _context(self, block: dict, here: str) -> None:
        elements = block.get("elements")
        if not isinstance(elements, list) or not 1 <= len(elements) <= 10:
            self.fail(f"{here}/elements", "must provide an array of 1 to 10 items")
            return
        for j, element in enumerate(elements):
            if isinstance(element, dict) and element.get("type") == "image":
                self.element(element, f"{here}/elements/{j}", set())
            else:
                self.text(element, f"{here}/elements/{j}", 3000)

    def _actions(self, block: dict, here: str) -> None:
        elements = block.get("elements")
        if not isinstance(elements, list) or not 1 <= len(elements) <= 25:
            self.fail(f"{here}/elements", "must provide an array of 1 to 25 items")
            return
        action_ids: set[str] = set()
        for j, element in enumerate(elements):
            self.element(element, f"{here}/elements/{j}", action_ids)

    def _input(self, block: dict, here: str) -> None:
        self.text(block.get("label"), f"{here}/label", 2000, plain=True)
        if "hint" in block:
            self.text(block["hint"], f"{here}/hint", 2000, plain=True)
        self.element(block.get("element"), f"{here}/element", set())

    def _image(self, block: dict, here: str) -> None:
        self.length(block.get("alt_text"), f"{here}/alt_text", 2000)
        self.length(block.get("image_url"), f"{here}/image_url", 3000)
        if "title" in block:
            self.text(block["title"], f"{here}/title", 2000, plain=True)

    def _markdown(self, block: dict, here: str) -> None:
        value = block.get("text")
        if not isinstance(value, str) or not value:
            self.fail(f"{here}/text", "must provide a non-empty string")
            return
        self.markdown_total += len(value)
        if self.markdown_total > MARKDOWN_BLOCKS_TOTAL_MAX:
            self.fail(f"{here}/text",
                      f"markdown blocks must total less than {MARKDOWN_BLOCKS_TOTAL_MAX + 1} characters")

    def element(self, element, here: str, action_ids: set[str]) -> None:
        if not isinstance(element, dict):
            self.fail(here, "must provide an object")
            return
        kind = element.get("type")
        if kind not in ELEMENT_TYPES:
            self.fail(f"{here}/type", f"unsupported element type {kind!r}")
            return
        action_id = element.get("action_id")
        self.length(action_id, f"{here}/action_id", ID_MAX)
        if action_id is not None:
            if action_id in action_ids:
                self.fail(f"{here}/action_id", f"duplicate action_id {action_id!r} in one block")
            action_ids.add(action_id)
        if kind == "button":
            self.text(element.get("text"), f"{here}/text", 75, plain=True)
            self.length(element.get("value"), f"{here}/value", 2000)
            self.length(element.get("url"), f"{here}/url", 3000)
            if element.get("style") not in (None, "primary", "danger"):
                self.fail(f"{here}/style", "must be one of primary, danger")
        if kind == "image":
            self.length(element.get("alt_text"), f"{here}/alt_text", 2000)
        if "placeholder" in element:
            self.text(element["placeholder"], f"{here}/placeholder", 150, plain=True)
        if kind == "plain_text_input":
            for key in ("min_length", "max_length"):
                value = element.get(key)
                if value is not None and not (isinstance(value, int) and 0 <= value <= 3000):
                    self.fail(f"{here}/{key}", "must be a number from 0 to 3000")
        if kind in _OPTION_LISTS:
            self._options(element.get("options"), f"{here}/options", _OPTION_LISTS[kind])

    def _options(self, options, here: str, limit: int) -> None:
        if options is None:
            return
        if not isinstance(options, list) or not 1 <= len(options) <= limit:
            self.fail(here, f"must provide an array of 1 to {limit} items")
            return
        for j, option in enumerate(options):
            if not isinstance(option, dict):
                self.fail(f"{here}/{j}", "must provide an object")
                continue
            self.text(option.get("text"), f"{here}/{j}/text", 75)
            self.length(option.get("value"), f"{here}/{j}/value", 150)


def strings(node):
    """Every string anywhere in a JSON structure (a message's blocks, a view): where a raw
    mention or an over-long text would hide."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
