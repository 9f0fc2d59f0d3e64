"""The production stack `bench/run.py` measures: a bench database, two gunicorn app server
processes (deploy/gunicorn.conf.py) with the production settings, and nginx in front
(deploy/nginx.conf, rewritten to run from the run's own directory).

CPU time is read from /proc/<pid>/stat (utime + stime) of the processes concerned, so a
scenario's "CPU ms per request" is the app servers' own work, whatever else the machine
runs meanwhile.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BIN = Path(sys.executable).parent
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """utime + stime of each of `pids` that still runs, in seconds."""
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime: fields 14, 15
    return found


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds spent between two readings (a process started meanwhile counts whole;
    one that ended meanwhile is lost, which is why the bench does not recycle workers)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def wait_http(url: str, seconds: float = 60.0, headers: dict[str, str] | None = None) -> None:
    """Wait until `url` answers (any HTTP status: the server is up)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
            urllib.request.urlopen(request, timeout=5).read()  # noqa: S310 (local URL)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not come up in {seconds:.0f} s") from None
            time.sleep(0.2)


def django(env: dict[str, str], *args: str, capture: bool = False) -> str:
    """Run `mindwell <args>` with the bench's environment."""
    done = subprocess.run(  # noqa: S603 - fixed commands of this script's own
        [str(BIN / "mindwell"), *args],
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return done.stdout or ""


def prepare(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, str(BENCH / "prepare.py"), *args],
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    )
    return done.stdout


@dataclass
class Stack:
    workdir: Path
    env: dict[str, str]
    app_ports: tuple[int, int] = (18001, 18002)
    nginx_port: int = 18080
    workers: int = 0
    worker_class: str = "sync"
    threads: int = 1
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    apps: list[subprocess.Popen[bytes]] = field(default_factory=list)
    nginx: subprocess.Popen[bytes] | None = None

    # --- app servers ---------------------------------------------------------------------

    def start_apps(self) -> None:
        for port in self.app_ports:
            env = dict(self.env)
            env.update(
                GUNICORN_BIND=f"127.0.0.1:{port}",
                GUNICORN_WORKERS=str(self.workers or os.cpu_count() or 1),
                GUNICORN_WORKER_CLASS=self.worker_class,
                GUNICORN_THREADS=str(self.threads),
                # Workers are not recycled during a run: a recycled worker's CPU time
                # would vanish from the count.
                GUNICORN_MAX_REQUESTS="0",
                GUNICORN_LOG_LEVEL="warning",
                GUNICORN_PROC_NAME=f"mindwell-bench-{port}",
            )
            log = open(self.workdir / f"gunicorn-{port}.log", "wb")  # noqa: SIM115
            process = subprocess.Popen(  # noqa: S603
                [
                    str(BIN / "gunicorn"),
                    "-c",
                    str(ROOT / "deploy" / "gunicorn.conf.py"),
                    "mindwell.config.wsgi:application",
                ],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            self.apps.append(process)
            self.processes.append(process)
        for port in self.app_ports:
            wait_http(f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"})

    def wait_idle(self, seconds: float = 180.0) -> float:
        """Wait until the app servers have finished what earlier load left queued (a client
        that gave up leaves its request in their backlog), so that it is not counted in the
        next scenario; returns the seconds waited."""
        began = time.monotonic()
        while time.monotonic() - began < seconds:
            before = cpu_seconds(self.app_pids())
            time.sleep(0.5)
            if cpu_used(before, cpu_seconds(self.app_pids())) < 0.03:
                break
        return time.monotonic() - began

    def app_pids(self, only: int | None = None) -> list[int]:
        """Every gunicorn process (masters and workers), or those of the app on port `only`."""
        pids: list[int] = []
        for port, app in zip(self.app_ports, self.apps, strict=True):
            if only is None or only == port:
                pids += [app.pid, *children(app.pid)]
        return pids

    # --- nginx ---------------------------------------------------------------------------

    def nginx_config(self, static_root: Path) -> str:
        """deploy/nginx.conf with its paths and ports replaced by the run's own: the same
        directives as production, runnable by an unprivileged user (and as root)."""
        text = (ROOT / "deploy" / "nginx.conf").read_text()
        nginx_dir = self.workdir / "nginx"
        replacements = {
            "/run/nginx.pid": str(nginx_dir / "nginx.pid"),
            "/var/log/nginx/error.log": str(nginx_dir / "error.log"),
            "access_log /var/log/nginx/access.log;": "access_log off;",
            "/var/lib/nginx/": f"{nginx_dir}/tmp-",  # noqa: S108 (not /tmp)
            "/var/cache/nginx/mindwell": str(nginx_dir / "cache"),
            "server 127.0.0.1:8001;": f"server 127.0.0.1:{self.app_ports[0]};",
            "server 127.0.0.1:8002;": f"server 127.0.0.1:{self.app_ports[1]};",
            "listen 80 reuseport;": f"listen 127.0.0.1:{self.nginx_port} reuseport;",
            "/srv/mindwell/static/": f"{static_root}/",
            # The bench speaks plain HTTP to nginx; the app must still see the https it sees
            # behind the production TLS terminator (or it would redirect every request).
            "proxy_set_header X-Forwarded-Proto $scheme;": (
                "proxy_set_header X-Forwarded-Proto https;"
            ),
        }
        for old, new in replacements.items():
            if old not in text:
                raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}")
            text = text.replace(old, new)
        if os.geteuid() == 0:
            # As root, nginx's workers would otherwise run as nobody, who cannot write the
            # run's cache directory.
            text = "user root;\n" + text
        return text

    def start_nginx(self, static_root: Path) -> bool:
        binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        if not binary:
            return False
        nginx_dir = self.workdir / "nginx"
        (nginx_dir / "cache").mkdir(parents=True, exist_ok=True)
        conf = nginx_dir / "nginx.conf"
        conf.write_text(self.nginx_config(static_root))
        command = [
            binary,
            "-p",
            str(nginx_dir),
            "-c",
            str(conf),
            "-e",
            str(nginx_dir / "error.log"),
        ]
        subprocess.run([*command, "-t", "-q"], check=True)  # noqa: S603
        self.nginx = subprocess.Popen([*command, "-g", "daemon off;"])  # noqa: S603
        self.processes.append(self.nginx)
        wait_http(f"http://127.0.0.1:{self.nginx_port}/static/bench-question.html")
        return True

    def nginx_pids(self) -> list[int]:
        return [self.nginx.pid, *children(self.nginx.pid)] if self.nginx else []

    # --- the database's own processes -------------------------------------------------------

    def db_pids(self, database: str) -> list[int]:
        """PostgreSQL backends serving the bench database (their CPU is the queries')."""
        try:
            done = subprocess.run(  # noqa: S603
                [  # noqa: S607 - psql from PATH, as the README's set-up installs it
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-Atc",
                    f"SELECT pid FROM pg_stat_activity WHERE datname = '{database}'",  # noqa: S608
                ],
                text=True,
                capture_output=True,
                check=False,
            )
        except OSError:  # no psql here: the database's CPU is left out
            return []
        return [int(line) for line in done.stdout.split() if re.fullmatch(r"\d+", line)]

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                # Fast shutdown (gunicorn: INT, nginx: TERM): the measuring is over.
                process.send_signal(signal.SIGTERM if process is self.nginx else signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
