"""gunicorn's settings for `gunicorn vsvplan.wsgi` (README, "In productie"); each can be overridden on the command
line or with GUNICORN_CMD_ARGS. The PDF of a report is rendered in the request for now, so the timeout leaves it
room; static files come from WhiteNoise in the same process."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after this many requests, so a slow leak cannot grow without end.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Behind one reverse proxy that sets X-Forwarded-For / X-Forwarded-Proto (FORWARDED_ALLOW_IPS: its address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
