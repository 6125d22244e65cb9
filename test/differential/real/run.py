"""Run one corpus program under real CPython with the real libraries, against a real server.

    python3 run.py SETUP.json PROGRAM.py

SETUP.json: {"world": <the folder holding the simworld package>, "fixtures": [<fixture documents>], "cert": <pem>,
"key": <pem>, "address": <a loopback address of this run's own, e.g. 127.77.0.3>}.

The program runs in the current directory (the harness gives it a fresh one). Before it starts:

- `simworld.configure(fixtures)` loads the very fixtures the kernel's stand-ins answer from, and
  writes their `files:` into the current directory, as the kernel does in its sandbox.
- An HTTPS server on ADDRESS:443 and an HTTP one on ADDRESS:80 answer every request through `simworld.http_answer`,
  waiting the route's latency in real time; `timeout` never answers, `reset` closes the
  connection. Only the route matching is shared with the stand-ins: the requests, the bytes on
  the wire and the clients' handling of them are the real libraries'.
- The resolver shim (the only change to the program's world): `localhost`, `127.0.0.1` and
  `::1` resolve as usual, names under `.invalid` never resolve (RFC 6761), and every other
  name resolves to ADDRESS, so the programs keep their real URLs and ports. (Every run has an
  address of its own in 127.0.0.0/8, so runs in parallel do not share servers or fixture state.) The servers' certificate names every fixture host,
  and SSL_CERT_FILE / REQUESTS_CA_BUNDLE (set by the harness) make the clients trust it.

simworld's own directory is put on sys.path for the server; the stand-ins' `modules/` never is.
"""

import json
import runpy
import select
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

setup_path, program = sys.argv[1], sys.argv[2]
with open(setup_path, encoding="utf-8") as f:
    SETUP = json.load(f)
sys.path.insert(0, SETUP["world"])
import simworld  # noqa: E402

simworld.configure(SETUP["fixtures"])
sys.path.remove(SETUP["world"])

# A request that a `timeout` fault holds open is released after this long even if the client
# never gives up, so a program can never keep the harness waiting for ever.
HOLD_LIMIT = 60.0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    scheme = "http"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def serve(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = f"{self.scheme}://{self.headers.get('Host', 'localhost')}{self.path}"
        answer = simworld.http_answer(self.command, url, headers=list(self.headers.items()), body=body,
                                      client="real")
        if answer.kind in ("refused", "dns"):
            # These are decided by the resolver shim, before any connection; a fixture that puts
            # them on a URL of a host that resolves cannot be served.
            self.close_connection = True
            return
        time.sleep(answer.latency)
        if answer.kind == "timeout":
            # Accept and never answer: wait until the client hangs up.
            select.select([self.connection], [], [], HOLD_LIMIT)
            self.close_connection = True
            return
        if answer.kind == "reset":
            self.close_connection = True
            return
        self.send_response_only(answer.status, answer.reason or None)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)
        self.wfile.flush()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = serve


class TlsHandler(Handler):
    scheme = "https"


class Server(ThreadingHTTPServer):
    daemon_threads = True
    tls = None

    def finish_request(self, request, client_address):
        if self.tls is not None:
            try:
                request = self.tls.wrap_socket(request, server_side=True)
            except (OSError, ssl.SSLError):
                return
        super().finish_request(request, client_address)


def start(port, handler, tls=None):
    server = Server((ADDRESS, port), handler)
    server.tls = tls
    threading.Thread(target=server.serve_forever, daemon=True).start()


ADDRESS = SETUP["address"]
tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
tls.load_cert_chain(SETUP["cert"], SETUP["key"])
start(443, TlsHandler, tls)
start(80, Handler)

_getaddrinfo = socket.getaddrinfo
_LOCAL = {"localhost", "127.0.0.1", "::1"}


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):  # noqa: A002 - socket's names
    name = host.decode() if isinstance(host, bytes) else host
    if name is None or name.lower().rstrip(".") in _LOCAL:
        return _getaddrinfo(host, port, family, type, proto, flags)
    if name.lower().rstrip(".").endswith(".invalid"):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return _getaddrinfo(ADDRESS, port, socket.AF_INET, type, proto, flags)


socket.getaddrinfo = getaddrinfo

sys.argv = [program]
runpy.run_path(program, run_name="__main__")
