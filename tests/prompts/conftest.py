import pytest

from tests.prompts.llm_stub import Stub


@pytest.fixture
def stub():
    s = Stub()
    yield s
    s.close()
