#!/usr/bin/env python3
"""Replay the recorded EDGAR and wire responses of tests/fixtures/ on 127.0.0.1 for the tmux test.

Prints the port it listens on as the first line of output, then serves until killed.

REPLAY_DELAY="PATH=SECS,..." answers those paths only after a pause (a slow filing).
REPLAY_NEW_ITEM=1: the first look at the wire feed lacks its newest item; later looks have it
(an item published while the list is open)."""
import http.server, json, os, re, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "fixtures")
ROUTES = json.load(open(os.path.join(FIX, "edgar", "routes.json")))
DELAY = {}
for part in filter(None, os.environ.get("REPLAY_DELAY", "").split(",")):
    path, _, secs = part.rpartition("=")
    DELAY[path] = float(secs)
NEW_ITEM = os.environ.get("REPLAY_NEW_ITEM") == "1"
feed_looks = 0
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global feed_looks
        path = self.path.split("?", 1)[0]
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        body = None
        if path in ROUTES:
            body = open(os.path.join(FIX, "edgar", ROUTES[path]), "rb").read()
        elif path.startswith("/wire/") and "/" not in path[6:] and os.path.isfile(os.path.join(FIX, "wire", path[6:])):
            body = open(os.path.join(FIX, "wire", path[6:]), "rb").read().replace(b"{BASE}", base.encode())
            if path == "/wire/rss.xml" and NEW_ITEM:
                with lock:
                    feed_looks += 1
                    first = feed_looks == 1
                if first:
                    body = re.sub(rb"<item>.*?</item>", b"", body, count=1, flags=re.S)
        time.sleep(DELAY.get(path, 0))
        if body is None:
            self.send_response(404)
            body = b"not found"
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
