"""gunicorn's configuration for the newsroom: `make serve`, the systemd unit
(deploy/systemd/newsroom-web.service) and the tests of tests/deploy/ use it.

    gunicorn -c deploy/gunicorn.conf.py website.wsgi:application

Every value can be changed from the environment (GUNICORN_*), or on the
command line, which wins over this file (``--bind 127.0.0.1:8123``).
"""

import os

# Where Varnish (or nginx) reaches the application: loopback, or the host's
# private address when the proxy runs on another machine.
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
# Synchronous workers: each renders one page at a time, so about two per core.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
# A page renders in well under a second; an upload of 20 MB from a slow link
# to object storage may take longer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On SIGTERM, requests in flight finish (systemd's TimeoutStopSec is longer).
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# A worker is replaced after this many requests (with jitter, so the workers
# do not restart together): bounds any slow growth of memory.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
# Logs on standard output and error (journald under systemd).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" %({x-request-id}o)s'
# X-Forwarded-For is read by the application (TRUSTED_PROXY_COUNT), not by
# gunicorn; X-Forwarded-Proto from the proxies on these addresses only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "newsroom"
# No control socket (gunicorn 27's is one path per user, which a second
# instance on the same host would take over); systemd sends the signals.
control_socket_disable = True


def post_worker_init(worker):
    """The objects made while loading the application (modules, models, URL
    patterns, blocks: about 200,000) live as long as the worker: moved out of
    the garbage collector's reach (gc.freeze), whose full collections walked
    them all, 140 ms every hundred or so requests (measured in-process)."""
    import gc

    gc.collect()
    gc.freeze()
