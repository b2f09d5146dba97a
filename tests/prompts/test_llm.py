"""The optional LLM polish, against a local stub of an OpenAI-compatible endpoint."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from prompts.llm import LLMClient, LLMError, polish_report
from scoring import review

CLAUSE = "The provider will deliver 200 youth sessions per year."


class Stub:
    """An HTTP server on a random loopback port that answers as told and records requests."""

    def __init__(self):
        self.requests = []
        self.reply = lambda body: (200, {"choices": [{"message": {"role": "assistant", "content": "ok"}}]})
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status, payload = stub.reply(body)
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub():
    s = Stub()
    yield s
    s.close()


def _answer(text):
    return lambda body: (200, {"choices": [{"message": {"role": "assistant", "content": text}}]})


def test_request_shape(stub):
    client = LLMClient(stub.url, model="llama3", api_key="k", timeout=5)
    assert client.chat("system words", "user words") == "ok"
    req = stub.requests[0]
    assert req["path"] == "/v1/chat/completions"
    assert req["body"]["model"] == "llama3"
    assert [m["role"] for m in req["body"]["messages"]] == ["system", "user"]
    assert req["headers"]["Authorization"] == "Bearer k"


def test_a_good_polish_is_used(stub):
    report = review(CLAUSE)
    original = report.findings[0].rewrite
    polished = original.replace("The provider plans the service with young people", "Young people help plan the service")
    stub.reply = _answer(polished)
    out = polish_report(report, LLMClient(stub.url, timeout=5))
    assert out.findings[0].rewrite == polished
    assert CLAUSE.split(" per")[0].split("deliver ")[1] in stub.requests[0]["body"]["messages"][1]["content"]


@pytest.mark.parametrize(
    "reply",
    [
        lambda body: (500, {"error": "boom"}),
        lambda body: (200, b"not json at all"),
        lambda body: (200, {"choices": []}),
        _answer("Young people report more confidence; activity (300 sessions) is a secondary measure."),
        _answer("The provider will deliver 200 youth sessions per year across the borough."),
    ],
    ids=["http-500", "bad-json", "no-choices", "changes-numbers", "fails-the-checker"],
)
def test_a_bad_answer_keeps_the_deterministic_rewrite(stub, reply):
    report = review(CLAUSE)
    stub.reply = reply
    out = polish_report(report, LLMClient(stub.url, timeout=5))
    assert out.findings[0].rewrite == report.findings[0].rewrite


def test_a_slow_endpoint_times_out_and_is_not_asked_again(stub):
    def slow(body):
        time.sleep(1.5)
        return 200, {"choices": [{"message": {"content": "late"}}]}

    stub.reply = slow
    report = review(CLAUSE + "\nEvaluation: Price 70% / Quality 30%.")
    start = time.monotonic()
    out = polish_report(report, LLMClient(stub.url, timeout=0.3))
    assert time.monotonic() - start < 1.5
    assert [f.rewrite for f in out.findings] == [f.rewrite for f in report.findings]
    assert len(stub.requests) == 1


def test_unreachable_endpoint_raises_a_typed_error():
    with pytest.raises(LLMError):
        LLMClient("http://127.0.0.1:9", timeout=0.5).chat("s", "u")


def test_not_configured_means_no_polish(monkeypatch):
    monkeypatch.delenv("TENDER_COACH_LLM_URL", raising=False)
    assert LLMClient.from_env() is None
    report = review(CLAUSE)
    assert polish_report(report, None) is report
