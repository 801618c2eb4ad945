"""``hedef serve``: gunicorn on the production settings; ``--dev``, Django's development
server on the development settings. Run as a server would be: a clean environment, a
real port, real requests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.contracts.test_settings import AUDIT_KEY, KEY

HEDEF = Path(sys.executable).parent / "hedef"
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def production(tmp_path: Path, **environ: str) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"],
        "HEDEF_DATA_DIR": str(tmp_path),
        "HEDEF_SECRET_KEY": KEY,
        "HEDEF_AUDIT_KEY": AUDIT_KEY,
        "HEDEF_ALLOWED_HOSTS": "127.0.0.1",
        **environ,
    }


def get(url: str, seconds: float = 30) -> urllib.response.addinfourl:
    """The first answer at ``url`` while the server starts."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def serving(args: list[str], environ: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(HEDEF), "serve", *args],
        env=environ,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(server: subprocess.Popen[str]) -> str:
    server.terminate()
    output, _ = server.communicate(timeout=30)
    return output


def test_serve_runs_gunicorn_with_the_workers_and_address_of_the_environment(tmp_path):
    port = free_port()
    environ = production(tmp_path, HEDEF_BIND=f"127.0.0.1:{port}", HEDEF_WORKERS="2")
    server = serving([], environ, tmp_path)
    try:
        response = get(f"http://127.0.0.1:{port}/accounts/login/")
        headers = response.headers
    finally:
        output = stop(server)
    assert response.status == 200, output
    assert headers["Server"] == "gunicorn"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "no-store" in headers["Cache-Control"]
    assert output.count("Booting worker") == 2, output
    assert f"Listening at: http://127.0.0.1:{port}" in output


def test_serve_options_win_over_the_environment(tmp_path):
    port = free_port()
    environ = production(tmp_path, HEDEF_BIND="127.0.0.1:1", HEDEF_WORKERS="3")
    server = serving(["--bind", f"127.0.0.1:{port}", "--workers", "1"], environ, tmp_path)
    try:
        assert get(f"http://127.0.0.1:{port}/accounts/login/").status == 200
    finally:
        output = stop(server)
    assert output.count("Booting worker") == 1, output


@pytest.mark.parametrize("missing", ["HEDEF_SECRET_KEY", "HEDEF_AUDIT_KEY", "HEDEF_ALLOWED_HOSTS"])
def test_serve_refuses_to_start_production_without_its_keys(tmp_path, missing):
    environ = production(tmp_path)
    del environ[missing]
    result = subprocess.run(
        [str(HEDEF), "serve", "--port", str(free_port())],
        env=environ,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"error: {missing} is not set" in " ".join(result.stderr.split())
    assert "Booting worker" not in result.stderr + result.stdout


def test_serve_dev_runs_the_development_server_on_the_development_settings(tmp_path):
    port = free_port()
    environ = {"PATH": os.environ["PATH"], "HEDEF_DATA_DIR": str(tmp_path)}  # no keys needed
    server = serving(["--dev", "--port", str(port)], environ, tmp_path)
    try:
        response = get(f"http://127.0.0.1:{port}/accounts/login/")
        headers = response.headers
    finally:
        output = stop(server)
    assert response.status == 200, output
    assert headers["Server"].startswith("WSGIServer")
    assert "(development) is running at" in output
    assert (tmp_path / "secret_key").exists()  # the development settings' own key
