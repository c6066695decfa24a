"""The nginx configuration deploy/cluster.py writes: nginx itself accepts it, every replica has its
sticky group with the others as backups, the frontend and the light edition are served from disk
with their caching, and the websocket is upgraded."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from deploy import cluster


@pytest.fixture()
def conf(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "tmp").mkdir()
    return cluster.nginx_conf(
        "127.0.0.1:18080", [18081, 18082, 18083], tmp_path, tmp_path / "frontend", tmp_path / "light", True
    )


def test_each_replica_is_sticky_with_the_others_as_backups(conf):
    assert "upstream replica_r2 {\n        server 127.0.0.1:18082;\n" in conf
    group = conf.split("upstream replica_r2 {", 1)[1].split("}", 1)[0]
    assert "server 127.0.0.1:18081 backup;" in group and "server 127.0.0.1:18083 backup;" in group
    assert "        r3 replica_r3;" in conf  # the cookie names the replica
    assert "~127\\.0\\.0\\.1:18083$ r3;" in conf  # the replica that answered becomes the cookie
    assert "least_conn;" in conf.split("upstream pantau_any", 1)[1].split("}", 1)[0]


def test_the_frontend_is_cached_for_a_year_and_the_websocket_upgraded(conf, tmp_path):
    static = conf.split("location /static/ {", 1)[1].split("}", 1)[0]
    assert f"alias {tmp_path / 'frontend'}/static/;" in static
    assert "immutable" in static and "gzip_static on;" in static and "brotli_static on;" in static
    stream = conf.split("location /_stcore/stream {", 1)[1].split("}", 1)[0]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream and "proxy_http_version 1.1;" in stream
    assert f"alias {tmp_path / 'light'}/;" in conf


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_accepts_the_configuration(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "tmp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        cluster.nginx_conf("127.0.0.1:18080", [18081, 18082], tmp_path, tmp_path, tmp_path, cluster.brotli_available())
    )
    checked = subprocess.run(
        [cluster.NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stderr


def test_stop_signals_only_the_processes_it_started(tmp_path):
    """A pid in the record whose command line is no longer the one started (the process ended and
    the pid was reused) is left alone."""
    started = subprocess.Popen(["sleep", "60"])
    stranger = subprocess.Popen(["sleep", "61"])
    try:
        record = [
            {"pid": started.pid, "cmdline": ["sleep", "60"]},
            {"pid": stranger.pid, "cmdline": ["python", "-m", "streamlit", "run", "serve.py"]},
        ]
        (tmp_path / cluster.PROCESSES_FILE).write_text(json.dumps(record))
        assert cluster.stop(tmp_path, grace=5) == [started.pid]
        assert started.wait(timeout=5) is not None
        assert stranger.poll() is None
    finally:
        for process in (started, stranger):
            process.kill()
            process.wait()
