"""A fresh Slack Web API emulator for each test; it fails the test if the bot broke a Slack limit."""

from __future__ import annotations

import pytest
from emulator import SlackEmulator


@pytest.fixture
def emu():
    with SlackEmulator() as emulator:
        yield emulator
        emulator.assert_no_violations()
