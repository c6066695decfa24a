"""N Streamlit replicas behind nginx on one machine, started and stopped together.

    python -m deploy.cluster [--replicas 2] [--port 8080] [--data-dir DIR] [--light DIR] [--run-dir DIR]
    python -m deploy.cluster stop --run-dir DIR

The first form starts ``streamlit run serve.py`` once per replica on 127.0.0.1 (ports after
``--port``), all reading one data directory and each keeping its own cache folder (the prepared
database is rebuilt there when missing), then nginx on ``--port`` in front of them, and waits;
Ctrl-C or SIGTERM stops exactly what it started. ``stop`` does the same for a cluster started
elsewhere, from the process list it wrote into its run folder (a process is stopped only if it is
still the one that was started: same pid and same command line).

nginx (``deploy/nginx.conf.template``) serves Streamlit's frontend itself, compressed once at
start (gzip, and brotli where Debian's module is installed) with year-long cache headers, the
light public edition under ``/ringan/``, and passes the rest to the replicas with websocket
upgrade and sticky sessions (a cookie names the replica that answered first).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULES = Path("/usr/lib/nginx/modules")
#: What is worth compressing among the frontend's files (fonts in woff2 and images already are).
COMPRESSIBLE = (".js", ".css", ".html", ".json", ".svg", ".ttf", ".txt", ".map", ".mjs", ".wasm")
PROCESSES_FILE = "processes.json"
#: What a visitor sees while Streamlit's frontend loads (nginx writes it into the page's empty root).
FIRST_PAINT = (
    '<main style="font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:2.5rem 1rem;'
    'color:#0E1014"><h1 style="font-size:1.6rem;margin:0 0 .75rem">Pantau Netralitas ASN</h1>'
    "<p>Dasbor sedang dimuat. Di ponsel atau di jaringan yang lambat, versi ringan menampilkan angka publik "
    'yang sama sebagai halaman statis: <a href="/ringan/" style="color:#0B5394">buka versi ringan</a>.</p>'
    '<p lang="en">Loading the dashboard. On a phone or a slow network, the light edition shows the same public '
    'numbers as static pages: <a href="/ringan/en/" style="color:#0B5394">open the light edition</a>.</p></main>'
)


@dataclass
class Cluster:
    url: str
    run_dir: Path
    replica_urls: list[str]
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def pids(self) -> list[int]:
        return [process.pid for process in self.processes]


def brotli_available() -> bool:
    return (BROTLI_MODULES / "ngx_http_brotli_filter_module.so").exists() and (
        BROTLI_MODULES / "ngx_http_brotli_static_module.so"
    ).exists()


def frontend_copy(cache: Path, with_brotli: bool) -> Path:
    """Streamlit's frontend files, with a ``.gz`` and a ``.br`` beside each compressible one at
    the formats' best levels, made once per Streamlit version into ``cache`` and reused (brotli at
    level 11 takes about a minute on 2 cores and saves a tenth against level 9)."""
    import streamlit

    target = Path(cache) / f"pantau-frontend-{streamlit.__version__}{'-br' if with_brotli else ''}"
    if (target / "COMPLETE").exists():
        return target
    building = target.with_name(f".{target.name}.{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    shutil.copytree(Path(streamlit.__file__).parent / "static", building)
    compress = _brotli_compressor() if with_brotli else None
    files = [path for path in building.rglob("*") if path.is_file() and path.suffix in COMPRESSIBLE]

    def pack(path: Path) -> None:
        raw = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
        if compress is not None:
            path.with_name(path.name + ".br").write_bytes(compress(raw))

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # both compressors release the GIL
        list(pool.map(pack, sorted(files, key=lambda p: -p.stat().st_size)))
    (building / "COMPLETE").write_text("")
    if target.exists():
        shutil.rmtree(target)
    building.rename(target)
    return target


def _brotli_compressor():
    try:
        import brotli
    except ImportError:
        return None
    return lambda raw: brotli.compress(raw, quality=11)


def nginx_conf(
    listen: str,
    replica_ports: list[int],
    run_dir: Path,
    frontend: Path,
    light_dir: Path,
    with_brotli: bool,
    workers: int = 2,
) -> str:
    """The nginx configuration for ``replica_ports`` on 127.0.0.1."""
    names = [f"r{n + 1}" for n in range(len(replica_ports))]
    upstreams = []
    for name, port in zip(names, replica_ports):
        others = "".join(f"        server 127.0.0.1:{other} backup;\n" for other in replica_ports if other != port)
        upstreams.append(f"    upstream replica_{name} {{\n        server 127.0.0.1:{port};\n{others}    }}\n")
    brotli_types = (
        "text/css text/plain text/csv application/javascript application/json image/svg+xml "
        "application/geo+json font/ttf application/manifest+json"
    )
    brotli_static_line = "            brotli_static on;" if with_brotli else ""
    return TEMPLATE.read_text(encoding="utf-8").format(
        load_modules=(
            f"load_module {BROTLI_MODULES}/ngx_http_brotli_filter_module.so;\n"
            f"load_module {BROTLI_MODULES}/ngx_http_brotli_static_module.so;"
            if with_brotli
            else ""
        ),
        # nginx started by root would hand its workers to "nobody", who cannot read a home folder
        user="user root;" if os.geteuid() == 0 else "",
        workers=workers,
        run_dir=run_dir,
        frontend=frontend,
        brotli=(f"    brotli on;\n    brotli_comp_level 5;\n    brotli_types {brotli_types};" if with_brotli else ""),
        brotli_static=brotli_static_line,
        any_servers="\n".join(f"        server 127.0.0.1:{port};" for port in replica_ports),
        replica_upstreams="".join(upstreams),
        replica_map="\n".join(f"        {name} replica_{name};" for name in names),
        answered_map="\n".join(f"        ~127\\.0\\.0\\.1:{port}$ {name};" for name, port in zip(names, replica_ports)),
        listen=listen,
        light_dir=light_dir,
        first_paint=FIRST_PAINT.replace("'", "\\'"),
    )


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}; see {log}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer its health check within {timeout:.0f} s; see {log}")


def _record(run_dir: Path, processes: list[subprocess.Popen]) -> None:
    entries = [{"pid": p.pid, "cmdline": _cmdline(p.pid)} for p in processes]
    (run_dir / PROCESSES_FILE).write_text(json.dumps(entries, indent=2), encoding="utf-8")


def _cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.decode(errors="replace").rstrip("\0").split("\0") if raw else None  # empty: ended (a zombie)


def _stop_processes(processes: list[subprocess.Popen], grace: float = 15.0) -> None:
    for process in reversed(processes):  # nginx first: no new requests reach a stopping replica
        if process.poll() is None:
            process.terminate()  # nginx: fast shutdown (a graceful one would wait for every websocket)
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def stop(run_dir: Path, grace: float = 15.0) -> list[int]:
    """Stop the processes a cluster recorded in ``run_dir``, those still running as recorded;
    return the pids signalled."""
    entries = json.loads((Path(run_dir) / PROCESSES_FILE).read_text(encoding="utf-8"))
    signalled = []
    for entry in reversed(entries):
        if entry["cmdline"] and _cmdline(entry["pid"]) == entry["cmdline"]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(entry["pid"], signal.SIGTERM)
                signalled.append(entry["pid"])
    deadline = time.monotonic() + grace
    for pid in signalled:
        while _cmdline(pid) is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        if _cmdline(pid) is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    return signalled


def _current_light_edition(data_dir: Path) -> Path:
    from analytics import publish, settings

    publish.refresh(data_dir)
    return publish.current_dir(settings.light_dir(data_dir))


def _free_ports(count: int) -> list[int]:
    import socket

    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


@contextlib.contextmanager
def running(
    replicas: int = 2,
    port: int | None = None,
    data_dir: Path | None = None,
    light_dir: Path | None = None,
    run_dir: Path | None = None,
    secrets_file: Path | None = None,
    timeout: float = 180.0,
    script: str = "serve.py",
    host: str = "127.0.0.1",
):
    """Start the cluster; yield a Cluster (its ``url`` is nginx's); stop everything it started."""
    from analytics import demo, settings

    data_dir = Path(data_dir or settings.data_dir()).resolve()
    if port:  # the replicas on the ports after nginx's
        replica_ports = [port + n + 1 for n in range(replicas)]
    else:  # any free ports
        port, *replica_ports = _free_ports(replicas + 1)
    run_dir = Path(run_dir or Path("/tmp") / f"pantau-cluster-{port}").resolve()
    demo.ensure_demo(settings.demo_dir(data_dir))
    for sub in ("logs", "tmp"):
        (run_dir / sub).mkdir(parents=True, exist_ok=True)
    with_brotli = brotli_available() and _brotli_compressor() is not None
    frontend = frontend_copy(Path(tempfile.gettempdir()), with_brotli)
    kept_by_imports = light_dir is None
    if kept_by_imports:  # the current version's edition, published first when missing
        light_dir = _current_light_edition(data_dir)
    light_dir = Path(light_dir).absolute()  # not resolved: "current" is a link an import moves
    processes: list[subprocess.Popen] = []
    try:
        for replica_port in replica_ports:
            log = run_dir / "logs" / f"replica-{replica_port}.log"
            env = dict(
                os.environ,
                PANTAU_DATA_DIR=str(data_dir),
                PANTAU_CACHE_DIR=str(run_dir / f"cache-{replica_port}"),
                STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
                PANTAU_LIGHT_URL="/ringan/",  # the app links to the edition nginx serves beside it
            )
            if kept_by_imports:  # an import on any replica publishes its version where nginx serves from
                env["PANTAU_LIGHT_DIR"] = str(settings.light_dir(data_dir))
            command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true"]
            command += ["--server.address", "127.0.0.1", "--server.port", str(replica_port)]
            if secrets_file:
                command += ["--secrets.files", str(secrets_file)]
            with open(log, "w") as handle:
                processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT))
        for replica_port, process in zip(replica_ports, processes):
            _wait_healthy(
                f"http://127.0.0.1:{replica_port}", process, timeout, run_dir / "logs" / f"replica-{replica_port}.log"
            )
        conf = run_dir / "nginx.conf"
        conf.write_text(nginx_conf(f"{host}:{port}", replica_ports, run_dir, frontend, light_dir, with_brotli))
        with open(run_dir / "logs" / "nginx.log", "w") as handle:
            processes.append(
                subprocess.Popen([NGINX, "-p", str(run_dir), "-c", str(conf)], stdout=handle, stderr=subprocess.STDOUT)
            )
        _record(run_dir, processes)
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, processes[-1], 30.0, run_dir / "logs" / "error.log")
        yield Cluster(url, run_dir, [f"http://127.0.0.1:{p}" for p in replica_ports], processes)
    finally:
        _stop_processes(processes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.split("\n\n")[1])
    parser.add_argument("action", nargs="?", choices=("start", "stop"), default="start")
    parser.add_argument("--replicas", type=int, default=2, help="Streamlit processes (one per core)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port; replicas take the ports after it")
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address nginx listens on (0.0.0.0 in a container); replicas stay local"
    )
    parser.add_argument("--data-dir", type=Path, help="the shared data directory (default PANTAU_DATA_DIR or data/)")
    parser.add_argument("--light", type=Path, help="the light edition's folder (default: the current one)")
    parser.add_argument(
        "--run-dir", type=Path, help="configuration, logs and caches (default /tmp/pantau-cluster-PORT)"
    )
    parser.add_argument("--secrets", type=Path, help="the secrets file the replicas read")
    args = parser.parse_args(argv)
    if args.action == "stop":
        run_dir = args.run_dir or Path("/tmp") / f"pantau-cluster-{args.port}"
        print(f"stopped: {stop(run_dir) or 'nothing was running'}")
        return 0
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    with running(
        args.replicas, args.port, args.data_dir, args.light, args.run_dir, args.secrets, host=args.host
    ) as cluster:
        print(f"{cluster.url}  (replicas: {', '.join(cluster.replica_urls)}; run folder {cluster.run_dir})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while not stopping and all(p.poll() is None for p in cluster.processes):
                time.sleep(0.5)
        dead = [p.args[0] for p in cluster.processes if p.poll() is not None]
        if dead:
            print(f"stopping: a process ended on its own ({dead})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
