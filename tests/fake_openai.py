"""A scripted OpenAI-compatible server on loopback, for the LLM path of the tests."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ScriptedLLMServer:
    """Answers each /chat/completions request with the next scripted text; records the requests."""

    def __init__(self, replies: list):
        """Each reply is a text, or a function of the request body returning the text."""
        self.replies = list(replies)
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server API)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                reply = server.replies.pop(0) if server.replies else "Les documents indexés ne permettent pas de répondre à cette question."
                reply = reply(body) if callable(reply) else reply
                # a dict is a whole assistant message (e.g. with tool_calls), a string its text
                message = reply if isinstance(reply, dict) else {"role": "assistant", "content": reply}
                finish = "tool_calls" if message.get("tool_calls") else "stop"
                payload = {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": body.get("model", "fake"),
                    "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "ScriptedLLMServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
