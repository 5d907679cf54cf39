#!/usr/bin/env python3
"""Measurements of the job server's HTTP layer against a real buildtrace-server (issue 18).

  python3 tests/bench/serverhttp_bench.py [--server build/server/buildtrace-server] [--work DIR]
                                          [--only trickle,uploads,sigterm]

1. trickle: 1000 unauthenticated connections (from 127.0.0.2-11, 100 each) trickling their
   headers one byte a second, reconnecting when dropped, while a legitimate client runs an
   upload -> job -> poll cycle (timed, three times). Reports how long trickling connections
   lived (the header deadline is 10 s; over the caps the oldest are dropped sooner).
2. uploads: eight concurrent 195 MB uploads, then one 1.9 GB upload (--max-upload-mb 2000);
   the server's peak RSS (VmHWM) and the latency of another client's GET meanwhile.
3. sigterm: SIGTERM while a 1.9 GB upload is half sent, and while a finished one is being
   hashed and checked: time until the process has exited.

Not part of ctest (minutes, several GB of disk); tst_serverhttp has the quick versions.
"""

import argparse
import http.client
import json
import os
import resource
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TOKEN = "bench-token"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def padded_pdf(path, padding, line=(10, 10, 1000, 700)):
    """A one-page tabloid PDF with an unreferenced stream of `padding` bytes, written piecewise."""
    content = b"%d %d m %d %d l S" % line
    with open(path, "wb") as f:
        offsets = []

        def obj(head, stream=None, size=0):
            offsets.append(f.tell())
            f.write(b"%d 0 obj\n%s" % (len(offsets), head))
            if stream is not None:
                f.write(b"\nstream\n")
                stream(f)
                f.write(b"\nendstream")
            f.write(b"\nendobj\n")

        f.write(b"%PDF-1.4\n")
        obj(b"<< /Type /Catalog /Pages 2 0 R >>")
        obj(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1224 792] /Contents 4 0 R >>")
        obj(b"<< /Length %d >>" % len(content), lambda out: out.write(content))

        def pad(out):
            block = bytes(range(256)) * 4096  # 1 MiB
            left = padding
            while left > 0:
                out.write(block[: min(left, len(block))])
                left -= len(block)

        obj(b"<< /Length %d >>" % padding, pad)
        xref = f.tell()
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        for o in offsets:
            f.write(b"%010d 00000 n \n" % o)
        f.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))


def vm_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


class Server:
    def __init__(self, binary, data, args=()):
        self.data = data
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMP_THREAD_LIMIT="1")
        self.proc = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:0", "--token", TOKEN, "--data-dir", data, *args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            raise SystemExit(f"server did not start: {line!r}")
        self.port = int(line.split("listening on ")[1].split(",")[0].rsplit(":", 1)[1])
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(30)


def request(port, method, path, body=None, headers=None, timeout=60):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    h = {"Authorization": "Bearer " + TOKEN}
    h.update(headers or {})
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def upload_file(port, path, timeout=600):
    """Streams the file with sendfile (the client holds none of it in memory)."""
    size = os.path.getsize(path)
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(("POST /api/v1/uploads HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer %s\r\n"
               "Content-Type: application/pdf\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
               % (TOKEN, size)).encode())
    with open(path, "rb") as f:
        s.sendfile(f)
    r = http.client.HTTPResponse(s)
    r.begin()
    body = r.read()
    s.close()
    return r.status, body


# --- 1. trickling clients ------------------------------------------------------------------

def trickle(binary, work, count):
    data = os.path.join(work, "trickle%d" % count)
    server = Server(binary, data, ["--workers", "2", "--poll-ms", "100"])
    old, new = os.path.join(work, "t-old.pdf"), os.path.join(work, "t-new.pdf")
    padded_pdf(old, 1000, (10, 10, 1000, 700))
    padded_pdf(new, 1000, (10, 10, 700, 1000))
    sel = selectors.DefaultSelector()
    lifetimes, opened, oldest = [], [0], [0.0]
    stop = threading.Event()
    head = b"GET /api/v1/jobs HTTP/1.1\r\nHost: bench\r\nX-Slow: " + b"a" * 100000

    def connect(i):
        s = socket.socket()
        s.bind(("127.0.0.%d" % (2 + i % 10), 0))
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", server.port))
        except BlockingIOError:
            pass
        opened[0] += 1
        sel.register(s, selectors.EVENT_READ, [i, time.monotonic(), 0])

    def run():
        for i in range(count):
            connect(i)
        while not stop.is_set():
            tick = time.monotonic()
            for key in list(sel.get_map().values()):
                s, (i, born, sent) = key.fileobj, key.data
                try:
                    s.send(head[sent:sent + 1])
                    key.data[2] += 1
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    pass  # closed: the selector reports it
            for key, _ in sel.select(0):
                s, (i, born, _sent) = key.fileobj, key.data
                try:
                    s.recv(4096)  # the end, or an answer (a 400) before it
                except OSError:
                    pass
                if True:
                    lifetimes.append(time.monotonic() - born)
                    sel.unregister(s)
                    s.close()
                    connect(i)  # an attacker comes back at once
            now = time.monotonic()
            oldest[0] = max((now - k.data[1] for k in sel.get_map().values()), default=0)
            time.sleep(max(0.0, 1.0 - (time.monotonic() - tick)))

    def cycle():
        t0 = time.monotonic()
        ids = []
        for p in (old, new):
            st, body = upload_file(server.port, p, timeout=30)
            assert st == 201, (st, body)
            ids.append(json.loads(body)["upload_id"])
        st, body = request(server.port, "POST", "/api/v1/jobs", json.dumps(
            {"old_upload_id": ids[0], "new_upload_id": ids[1], "settings": {"dpi": 60}}),
            {"Content-Type": "application/json"}, timeout=30)
        assert st == 201, (st, body)
        job = json.loads(body)["job_id"]
        while True:
            st, body = request(server.port, "GET", f"/api/v1/jobs/{job}/progress", timeout=30)
            status = json.loads(body)["status"]
            if status in ("completed", "completed_with_errors", "failed"):
                break
            time.sleep(0.05)
        return time.monotonic() - t0, status

    baseline = cycle()
    t = threading.Thread(target=run, daemon=True)
    t.start()
    time.sleep(3)  # all connected and trickling
    cycles = []
    for _ in range(3):
        cycles.append(cycle())
        time.sleep(1)
    time.sleep(12)  # long enough for every trickler to meet the header deadline
    stop.set()
    t.join()
    server.stop()
    live = len(sel.get_map())
    print(f"== {count} trickling unauthenticated connections (127.0.0.2-11, 1 byte/s, reconnecting)")
    print(f"cycle before they came: {baseline[0]:.2f} s ({baseline[1]})")
    for secs, status in cycles:
        print(f"upload+upload+job+poll cycle: {secs:.2f} s ({status})")
    lt = sorted(lifetimes)
    print(f"connections opened {opened[0]}, dropped by the server {len(lt)}, open at the end {live}")
    if lt:
        print(f"lifetime of dropped ones: median {statistics.median(lt):.1f} s, "
              f"p99 {lt[int(len(lt) * 0.99) - 1]:.1f} s, max {lt[-1]:.1f} s")
    print(f"oldest connection still open at the last check (1 s ticks): {oldest[0]:.1f} s")


# --- 2. big uploads ----------------------------------------------------------------------------

def uploads(binary, work):
    data = os.path.join(work, "uploads")
    server = Server(binary, data, ["--workers", "0", "--max-upload-mb", "2000"])
    small, big = os.path.join(work, "195mb.pdf"), os.path.join(work, "1900mb.pdf")
    padded_pdf(small, 195 * 1000 * 1000 - 1000)
    padded_pdf(big, 1900 * 1000 * 1000)
    base = vm_kb(server.proc.pid, "VmHWM")
    print("== big uploads (server --max-upload-mb 2000, no workers)")
    print(f"server VmHWM at start: {base / 1024:.0f} MB")

    def probe(stop, out):
        while not stop.is_set():
            t0 = time.monotonic()
            st, _ = request(server.port, "GET", "/api/v1/jobs", timeout=60)
            out.append((time.monotonic() - t0, st))
            time.sleep(0.1)

    for label, files in (("8 concurrent 195 MB uploads", [small] * 8), ("one 1.9 GB upload", [big])):
        stop, lat, results = threading.Event(), [], []
        p = threading.Thread(target=probe, args=(stop, lat))
        p.start()
        t0 = time.monotonic()
        threads = [threading.Thread(target=lambda f=f: results.append(upload_file(server.port, f)))
                   for f in files]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        secs = time.monotonic() - t0
        stop.set()
        p.join()
        codes = sorted(st for st, _ in results)
        hwm = vm_kb(server.proc.pid, "VmHWM")
        worst = max(l for l, _ in lat)
        print(f"{label}: {secs:.1f} s, statuses {codes}; server VmHWM {hwm / 1024:.0f} MB; "
              f"other client's GET /api/v1/jobs x{len(lat)}: max {worst * 1000:.0f} ms, "
              f"median {statistics.median(l for l, _ in lat) * 1000:.0f} ms, all 200: "
              f"{all(st == 200 for _, st in lat)}")
    server.stop()
    shutil.rmtree(data, ignore_errors=True)
    os.remove(small)
    return big


# --- 3. SIGTERM during an upload -----------------------------------------------------------

def sigterm(binary, work, big):
    print("== SIGTERM during an upload")
    size = os.path.getsize(big)
    for when in ["half the body sent", "body sent, check running"] * 3:
        data = os.path.join(work, "sigterm")
        server = Server(binary, data, ["--max-upload-mb", "2000"])
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(("POST /api/v1/uploads HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer %s\r\n"
                   "Content-Type: application/pdf\r\nContent-Length: %d\r\n\r\n" % (TOKEN, size)).encode())
        with open(big, "rb") as f:
            s.sendfile(f, count=size // 2 if when.startswith("half") else size)
        if not when.startswith("half"):
            time.sleep(0.3)  # the server is hashing / opening it
        t0 = time.monotonic()
        server.proc.send_signal(signal.SIGTERM)
        rc = server.proc.wait(30)
        print(f"{when}: exited with {rc} after {(time.monotonic() - t0) * 1000:.0f} ms")
        s.close()
        shutil.rmtree(data, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", default=os.path.join(ROOT, "build/server/buildtrace-server"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--only", default="trickle,uploads,sigterm")
    a = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # 1000+ sockets in this process
    work = a.work or tempfile.mkdtemp(prefix="bt-httpbench-")
    only = a.only.split(",")
    print(f"server {a.server}, work {work}, open files {soft} -> {hard}")
    big = None
    try:
        if "trickle" in only:
            trickle(a.server, work, 1000)  # over the caps: the oldest are dropped
            trickle(a.server, work, 400)  # under them: the header deadline drops them
        if "uploads" in only:
            big = uploads(a.server, work)
        if "sigterm" in only:
            if big is None:
                big = os.path.join(work, "1900mb.pdf")
                padded_pdf(big, 1900 * 1000 * 1000)
            sigterm(a.server, work, big)
    finally:
        if a.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
