"""Load benchmark of the public portal's strategy page.

Serves the published strategy page three ways and loads each with wrk at 50
concurrent connections, on this machine's loopback only:

1. Django under gunicorn, directly;
2. the same behind nginx with a micro-cache (the production set-up: portal pages
   are public and marked cacheable for a few seconds);
3. the same page saved as a static file, served by nginx (the ceiling).

Prints requests per second, p95 latency and errors for each. Needs Debian's nginx
and wrk (installed with apt-get when run as root and missing).

    .venv/bin/python benchmarks/portal_benchmark.py [--seconds 10] [--connections 50]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(95), e.connect + e.read + e.write + e.timeout + e.status))
end
"""
NGINX_CONF = """
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  open_file_cache max=1000 inactive=30s;
  open_file_cache_valid 5s;
  proxy_cache_path {tmp}/cache levels=1:2 keys_zone=portal:10m max_size=100m inactive=60s
                   use_temp_path=off;
  server {{
    listen 127.0.0.1:{static_port};
    root {tmp}/static;
    location / {{ try_files /page.html =404; default_type text/html; }}
  }}
  server {{
    listen 127.0.0.1:{proxy_port};
    location / {{
      proxy_pass http://127.0.0.1:{app_port};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host localhost;
      proxy_cache portal;
      proxy_cache_key "$scheme$host$request_uri$cookie_django_language";
      proxy_cache_lock on;
      proxy_cache_use_stale updating;
    }}
  }}
}}
"""


def ensure_tools() -> None:
    if not (VENV_BIN / "hedef").exists() or not (VENV_BIN / "gunicorn").exists():
        sys.exit(f"needs hedef and gunicorn beside {sys.executable}: run it with .venv/bin/python")
    missing = [tool for tool in ("nginx", "wrk") if not shutil.which(tool)]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"needs {' and '.join(missing)}: apt-get install nginx-light wrk")
    subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light", "wrk"], check=True)


def set_up_data(data_dir: Path) -> str:
    """Demo database with a published snapshot; returns the strategy page's path."""
    env = {**os.environ, "HEDEF_DATA_DIR": str(data_dir)}
    subprocess.run([VENV_BIN / "hedef", "demo", "--no-serve"], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    code = (
        "import django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'hedef.settings.development');"
        "django.setup();"
        "from hedef.publishing.models import Snapshot;"
        "from hedef.publishing.services import snapshot_publish;"
        "from hedef.publishing.snapshots import snapshot_data;"
        "s = Snapshot.objects.filter(is_current=True).first();"
        "s = s or snapshot_publish(key='benchmark', label='benchmark', audit_head='', user=None,"
        " data=snapshot_data(cycle={'key': 'benchmark', 'label': 'benchmark', 'kind': 'annual',"
        " 'period_start': '2026-01-01', 'period_end': '2026-12-31', 'published_at': '',"
        " 'audit_head': ''}));"
        "biggest = max(s.data['strategies'], key=lambda x: len(x['measures']), default=None);"
        "biggest or exit('portal benchmark: the published snapshot holds no strategy');"
        "print('/strategies/%s/' % biggest['code'])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE)
    if out.returncode != 0:
        sys.exit(f"portal benchmark: no strategy page to load in {data_dir}")
    return out.stdout.decode().strip().splitlines()[-1]


def wait_for(url: str, seconds: float = 30) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def load(url: str, script: Path, seconds: int, connections: int) -> tuple[float, float, int]:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT"))
    requests, duration_us, p95_us, errors = (int(v) for v in line.split()[1:])
    return requests / (duration_us / 1e6), p95_us / 1000, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    ensure_tools()
    tmp = Path(tempfile.mkdtemp(prefix="hedef-bench-"))
    tmp.chmod(0o755)  # nginx workers run as an unprivileged user
    app_port, static_port, proxy_port = 18031, 18032, 18033
    processes: list[subprocess.Popen[bytes]] = []
    try:
        path = set_up_data(tmp / "data")
        env = {
            **os.environ,
            "HEDEF_DATA_DIR": str(tmp / "data"),
            "DJANGO_SETTINGS_MODULE": "hedef.settings.production",
            "HEDEF_SECRET_KEY": "portal-benchmark-only",
            "HEDEF_AUDIT_KEY": "portal-benchmark-audit-only",
            "HEDEF_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        processes.append(subprocess.Popen(
            [VENV_BIN / "gunicorn", "hedef.wsgi", "-w", str(args.workers), "-b",
             f"127.0.0.1:{app_port}", "--log-level", "warning"],
            env=env,
        ))  # fmt: skip
        page = wait_for(f"http://127.0.0.1:{app_port}{path}")
        (tmp / "static").mkdir()
        (tmp / "static" / "page.html").write_bytes(page)
        conf = tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=tmp, static_port=static_port,
                                          proxy_port=proxy_port, app_port=app_port))  # fmt: skip
        processes.append(subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"]))
        wait_for(f"http://127.0.0.1:{static_port}/")
        wait_for(f"http://127.0.0.1:{proxy_port}{path}")
        script = tmp / "report.lua"
        script.write_text(WRK_SCRIPT)
        print(f"strategy page {path}: {len(page):,} bytes; wrk -t2 -c{args.connections} "
              f"-d{args.seconds}s; gunicorn {args.workers} workers; 2 cores")  # fmt: skip
        rows = [
            ("Django (gunicorn)", f"http://127.0.0.1:{app_port}{path}"),
            ("Django behind nginx micro-cache", f"http://127.0.0.1:{proxy_port}{path}"),
            ("static file, nginx", f"http://127.0.0.1:{static_port}/"),
        ]
        results = {}
        for name, url in rows:
            load(url, script, 2, args.connections)  # warm-up: workers, caches
            results[name] = load(url, script, args.seconds, args.connections)
        static_rps = results["static file, nginx"][0]
        print(f"{'served by':34} {'req/s':>10} {'p95 ms':>8} {'errors':>7} {'of static':>10}")
        for name, (rps, p95, errors) in results.items():
            print(f"{name:34} {rps:10.0f} {p95:8.1f} {errors:7d} {rps / static_rps:9.0%}")
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
