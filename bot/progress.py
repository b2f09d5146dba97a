"""A one-line text progress bar for long indexing runs."""

from __future__ import annotations


class ProgressBar:
    """A one-line text bar, redrawn in place on a terminal; silent when stderr is a file or pipe."""

    WIDTH = 30

    def __init__(self, stream) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.label = self.detail = ""
        self.shown = -1

    def start(self, label: str, detail: str = "") -> None:
        """Begin a bar; `detail` (e.g. "2,800 chunks") is shown after the label."""
        self.label, self.detail, self.shown = label, detail, -1
        self.update(0.0)

    def update(self, fraction: float) -> None:
        percent = int(max(0.0, min(fraction, 1.0)) * 100)
        if not self.live or percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        text = f"{self.label} {self.detail}".strip() if self.detail else self.label
        self.stream.write(f"\r  [{'#' * filled}{'-' * (self.WIDTH - filled)}] {percent:3d}%  {text[:60]}")
        self.stream.flush()

    def finish(self) -> None:
        if self.live and self.shown >= 0:
            self.stream.write("\r\033[K")
            self.stream.flush()
        self.shown = -1
