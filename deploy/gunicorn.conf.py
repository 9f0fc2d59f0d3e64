"""Gunicorn settings for Mindwell in production (docs/deployment.md; `make bench` uses it too).

    gunicorn -c deploy/gunicorn.conf.py mindwell.config.wsgi:application

Every value can be overridden from the environment, so one file serves each app server
process of a machine (`GUNICORN_BIND=127.0.0.1:8002` for the second one) and the bench.
"""

from __future__ import annotations

import multiprocessing
import os

# One app server process per port; nginx balances between them (deploy/nginx.conf).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# Requests are CPU-bound (the ORM and templates): one worker per core keeps every core busy
# without making workers fight over them, and behind nginx slow clients are nginx's
# problem, not a worker's. Sync or gthread: on the 2-core bench machine (shared, so noisy)
# both cost the same CPU per request; gthread with 4 threads served cached anonymous pages
# faster (536 against 325 requests/s for the question page, nginx reusing its connections)
# in runs minutes apart. `make bench BENCH_ARGS="--worker-class gthread
# --gunicorn-threads 4"` compares them on your machine; set GUNICORN_WORKER_CLASS=gthread
# and GUNICORN_THREADS=4 to switch.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# nginx keeps connections to the app servers open (upstream keepalive); sync workers close
# each one after a response anyway, gthread workers reuse them.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30

# Recycle workers now and then so a slow leak cannot grow without bound; the jitter keeps
# them from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10

# Load the application once in the master: faster worker starts, shared memory pages.
# Database connections are opened lazily per worker, after the fork.
preload_app = True

# Errors to stderr (journald); the access log is nginx's, so it is off here by default.
errorlog = "-"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "mindwell")

# nginx on the same machine sets X-Forwarded-Proto; trust it from local addresses only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
