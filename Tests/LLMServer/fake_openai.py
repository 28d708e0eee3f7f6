#!/usr/bin/env python3
"""A local OpenAI-compatible chat server for dbsynth's tests and benchmark.

No model can be reached from the test machines, so this speaks the wire
format of `POST /v1/chat/completions` (messages in, `choices[0].message.content`
and `usage` out, `response_format: json_schema` honoured) and writes values
of its own, deterministic for the order of the requests it gets.

    python3 fake_openai.py [--port 0]

prints `port N` on its first line of stdout once it listens.

Control endpoints (the tests use them; a real server has none):

- `POST /_script` `{"steps": [...], "reject_json_schema": bool, "advice": [...]}`
  replaces the queue of scripted answers. Each request to
  `/v1/chat/completions` takes the next step; with the queue empty it is
  answered normally. Steps: `{"status": 429, "retry_after": 1}`,
  `{"status": 500}`, `{"status": 401}`, `{"sleep": 3}` (then a normal
  answer, too late for a short timeout), `{"short": 2}` (only 2 values),
  `{"invalid": true}` (content that is not JSON), `{"long": true}` (values
  far past the length the prompt asks for), `{"repeat": true}` (the same
  value N times). `reject_json_schema` answers 400 to every request whose
  `response_format` is a json_schema, as servers without structured output
  do, and wraps plain answers in a Markdown fence. `advice` is the answer to
  `dbsynth init --llm`'s analysis request: `[{"table", "column", "generator"}]`.
- `GET /_log` returns every chat request received: path, headers, body.
"""

import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ("sturdy quiet bright velvet harbor lantern meadow copper gentle swift "
         "amber ridge willow cobalt orchard ember prairie crystal maple summit").split()

state_lock = threading.Lock()
state = {"steps": [], "reject_json_schema": False, "advice": [], "delay": 0, "log": [], "counter": 0, "in_flight": 0}


def next_step():
    with state_lock:
        return state["steps"].pop(0) if state["steps"] else {}


def fresh_value(column, limit):
    with state_lock:
        state["counter"] += 1
        n = state["counter"]
    words = " ".join(WORDS[(n * k) % len(WORDS)] for k in (1, 3, 7))
    text = f"{column} {n}: a {words} one."
    return text[:limit] if limit else text


def tokens(text):
    return max(1, len(text) // 4)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send_json(self, status, payload, headers=None):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}")

    def do_GET(self):
        if self.path == "/_log":
            with state_lock:
                self.send_json(200, state["log"])
        else:
            self.send_json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        body = self.read_body()
        if self.path == "/_script":
            with state_lock:
                state["steps"] = list(body.get("steps", []))
                state["reject_json_schema"] = bool(body.get("reject_json_schema", False))
                state["advice"] = list(body.get("advice", []))
                state["delay"] = float(body.get("delay", 0))
            self.send_json(200, {"ok": True})
            return
        if self.path != "/v1/chat/completions":
            self.send_json(404, {"error": {"message": f"no route {self.path}"}})
            return
        with state_lock:
            state["in_flight"] += 1
            state["log"].append({"path": self.path, "headers": dict(self.headers.items()), "body": body,
                                 "in_flight": state["in_flight"]})
        try:
            if state["delay"]:
                time.sleep(state["delay"])
            self.chat(body)
        finally:
            with state_lock:
                state["in_flight"] -= 1

    def chat(self, body):
        step = next_step()
        if "status" in step:
            headers = {"Retry-After": str(step["retry_after"])} if "retry_after" in step else {}
            self.send_json(step["status"], {"error": {"message": f"scripted {step['status']}", "type": "scripted"}}, headers)
            return
        if "sleep" in step:
            time.sleep(step["sleep"])
        fmt = body.get("response_format") or {}
        if state["reject_json_schema"] and fmt.get("type") == "json_schema":
            self.send_json(400, {"error": {"message": "response_format json_schema is not supported by this server",
                                           "param": "response_format"}})
            return
        messages = body.get("messages", [])
        prompt = "\n".join(m.get("content", "") for m in messages)
        schema_name = (fmt.get("json_schema") or {}).get("name", "")
        if schema_name == "generator_choices" or "choose a generator" in prompt:
            content = json.dumps({"choices": state["advice"]})
        else:
            content = json.dumps({"values": self.values(prompt, step)})
        if step.get("invalid"):
            content = "Sure! Here are some values: " + content[: len(content) // 2]
        elif state["reject_json_schema"]:
            content = "```json\n" + content + "\n```"
        self.send_json(200, {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "test-model"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": tokens(prompt), "completion_tokens": tokens(content),
                      "total_tokens": tokens(prompt) + tokens(content)},
        })

    def values(self, prompt, step):
        column = (re.search(r"column (\S+?)[ ,.]", prompt) or re.search(r"(\w+)", prompt)).group(1)
        limit = None if step.get("long") else int(m.group(1)) if (m := re.search(r"at most (\d+) characters", prompt)) else None
        rows = re.findall(r"^row (\d+):", prompt, flags=re.M)
        count = len(rows) if rows else int(m.group(1)) if (m := re.search(r"exactly (\d+)", prompt)) else 5
        if "short" in step:
            count = min(count, step["short"])
        if step.get("long"):
            return [fresh_value(column, None) + " and then it goes on" * 30 for _ in range(count)]
        if step.get("repeat"):
            return [fresh_value(column, limit)] * count
        return [fresh_value(column, limit) for _ in range(count)]


def main():
    # A parent that ignores SIGTERM passes that on; this server must still stop.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"port {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
