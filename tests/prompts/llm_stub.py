"""A local stub of an OpenAI-compatible chat endpoint for the LLM tests (polish and generated answers)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Stub:
    """An HTTP server on a random loopback port that answers as told and records requests.

    `reply(body)` gives (status, payload) or (status, payload, headers); a header set to None is
    left out. `raw(handler, stopped)`, when set, writes the whole response itself (drip feeds)."""

    def __init__(self):
        self.requests = []
        self.reply = lambda body: (200, {"choices": [{"message": {"role": "assistant", "content": "ok"}}]})
        self.raw = None
        self.stopped = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                try:
                    if stub.raw is not None:
                        stub.raw(self, stub.stopped)
                    else:
                        self._answer(*stub.reply(body))
                except OSError:
                    pass  # the client hung up, as it should on a bad answer

            def _answer(self, status, payload, extra=None):
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                headers = {"Content-Type": "application/json", "Content-Length": str(len(data)), **(extra or {})}
                self.send_response(status)
                for name, value in headers.items():
                    if value is not None:
                        self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.stopped.set()
        self.server.shutdown()
        self.server.server_close()


def answer_with(text):
    """A reply function: the endpoint answers every request with this message."""
    return lambda body: (200, {"choices": [{"message": {"role": "assistant", "content": text}}]})
