"""The production stack on this machine: nginx (TLS, static, media) in front of gunicorn with several
workers, PostgreSQL or SQLite, and Redis as the shared cache. Used by tests/test_production_stack.py and
benchmarks/load.py, with the same nginx configuration as docker compose (docker/nginx/portal.conf.template).

Clients can connect from different loopback addresses (127.0.0.2, 127.0.0.3, ...): nginx sees each as its
own client, and the portal trusts only nginx (127.0.0.1) to tell it who the client was.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
NGINX_TEMPLATE = ROOT / "docker" / "nginx" / "portal.conf.template"
PROXY_ADDRESS = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def missing_tools():
    return [
        tool for tool in ("nginx", "openssl") if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists()
    ]


def nginx_binary():
    return shutil.which("nginx") or "/usr/sbin/nginx"


def render_nginx_site(values):
    """The compose template with its ${NAME} placeholders filled in; nginx's own $variables stay."""
    text = NGINX_TEMPLATE.read_text()
    names = set(re.findall(r"\$\{([A-Z_]+)\}", text))
    missing = names - set(values)
    if missing:
        raise ValueError(f"no value for {sorted(missing)}")
    return re.sub(r"\$\{([A-Z_]+)\}", lambda match: str(values[match.group(1)]), text)


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception as error:  # noqa: BLE001 - keep trying until the deadline; report the last failure
            last = error
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not come up within {seconds} s ({last})")


class Redis:
    """REDIS_URL when given; otherwise an own redis-server on a free port (needs Debian's redis-server)."""

    def __init__(self, workdir, url=None):
        self.url, self.process = url, None
        if url is None:
            port = free_port()
            binary = shutil.which("redis-server") or "/usr/bin/redis-server"
            self.process = subprocess.Popen(
                [
                    binary,
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(workdir),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self.url = f"redis://127.0.0.1:{port}/0"
            wait_for(
                lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() is None, 20, "redis-server"
            )

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=20)


class Stack:
    """Build a site in ``workdir`` and serve it: ``base_url`` is nginx's HTTPS address."""

    def __init__(
        self,
        workdir,
        database_url=None,
        redis_url=None,
        workers=3,
        threads=2,
        settings=None,
        demo=True,
        after_migrate=None,
        elasticsearch_url=None,
        extra_pages=0,
        background=False,
    ):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.workdir, 0o755)  # nginx's workers (user nobody when started as root) read media from here
        self.database_url = database_url or f"sqlite:///{self.workdir / 'stack.sqlite3'}"
        self.workers, self.threads, self.demo, self.after_migrate = workers, threads, demo, after_migrate
        self.extra_settings = settings or {}
        self.elasticsearch_url, self.extra_pages = elasticsearch_url, extra_pages
        self.background = background  # django-tasks' db_worker and the scheduler next to gunicorn
        self.worker = None
        self.redis = Redis(self.workdir, redis_url)
        self.gunicorn_port, self.http_port, self.https_port = free_port(), free_port(), free_port()
        self.base_url = f"https://127.0.0.1:{self.https_port}"
        self.http_url = f"http://127.0.0.1:{self.http_port}"
        self.processes = []

    @property
    def environment(self):
        environment = dict(os.environ)
        # The database engine unless asked for a node (this stack is mostly about the web tier).
        environment.pop("ELASTICSEARCH_URL", None)
        if self.elasticsearch_url:
            environment["ELASTICSEARCH_URL"] = self.elasticsearch_url
            environment["SEARCH_INDEX_PREFIX"] = f"stack{self.https_port}"
        environment.update(
            {
                "DJANGO_SETTINGS_MODULE": "portal.settings.production",
                "SECRET_KEY": getattr(self, "_secret", None) or self._new_secret(),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DATABASE_URL": self.database_url,
                "REDIS_URL": self.redis.url,
                "CACHE_KEY_PREFIX": f"stack-{self.https_port}",
                "TRUSTED_PROXIES": PROXY_ADDRESS,
                "VAR_DIR": str(self.workdir),
                "STATIC_ROOT": str(self.workdir / "static"),
                "MEDIA_ROOT": str(self.workdir / "media"),
                "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
                "DEMO_EDITOR_PASSWORD": "stack-editor-password-123",
                "DEMO_TRAINER_PASSWORD": "stack-trainer-password-123",
                "DEMO_STAFF_PASSWORD": "stack-staff-password-123",
                "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}",
                "GUNICORN_WORKERS": str(self.workers),
                "GUNICORN_THREADS": str(self.threads),
                "PYTHONPATH": str(ROOT),
            }
        )
        environment.update({key: str(value) for key, value in self.extra_settings.items()})
        return environment

    def _new_secret(self):
        self._secret = secrets.token_urlsafe(60)
        return self._secret

    def manage(self, *arguments, **kwargs):
        return subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment,
            check=True,
            capture_output=True,
            text=True,
            **kwargs,
        )

    def build(self):
        self.manage("migrate", "--no-input")
        if self.demo:
            self.manage("load_demo_content")
            if self.extra_pages:
                code = f"from benchmarks.pages import add_generated_pages; add_generated_pages({int(self.extra_pages)})"
                self.manage("shell", "-c", code)
            self.manage("rebuild_search_index")
        if self.after_migrate:
            self.after_migrate(self)
        self.manage("collectstatic", "--no-input")
        for folder in ("media", "static"):
            (self.workdir / folder).mkdir(exist_ok=True)
            for path in [self.workdir / folder, *(self.workdir / folder).rglob("*")]:
                os.chmod(path, 0o755 if path.is_dir() else 0o644)

    def _certificate(self):
        key, certificate = self.workdir / "tls.key", self.workdir / "tls.crt"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                str(key),
                "-out",
                str(certificate),
            ],
            check=True,
            capture_output=True,
        )
        return certificate, key

    def _nginx_conf(self):
        certificate, key = self._certificate()
        self.certificate = certificate
        site = render_nginx_site(
            {
                "PORTAL_UPSTREAM": f"127.0.0.1:{self.gunicorn_port}",
                "HTTP_PORT": f"127.0.0.1:{self.http_port}",
                "HTTPS_PORT": f"127.0.0.1:{self.https_port}",
                "TLS_CERTIFICATE": certificate,
                "TLS_CERTIFICATE_KEY": key,
                "STATIC_ROOT": self.workdir / "static",
                "MEDIA_ROOT": self.workdir / "media",
            }
        )
        temp = self.workdir / "nginx-temp"
        temp.mkdir(exist_ok=True)
        os.chmod(temp, 0o777)
        conf = self.workdir / "nginx.conf"
        conf.write_text(
            f"worker_processes 2;\npid {self.workdir / 'nginx.pid'};\nerror_log {self.workdir / 'nginx-error.log'};\n"
            "daemon off;\nevents { worker_connections 1024; }\n"
            "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log {self.workdir / 'nginx-access.log'};\n"
            + "".join(
                f"  {kind}_temp_path {temp / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + site
            + "\n}\n"
        )
        return conf

    def _start_gunicorn(self):
        log = open(self.workdir / "gunicorn.log", "a")
        self.gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.insert(0, self.gunicorn)
        wait_for(lambda: _get(f"http://127.0.0.1:{self.gunicorn_port}/healthz", host="127.0.0.1") < 500, 90, "gunicorn")

    def restart_gunicorn(self, **settings):
        """Serve the same site with other settings (environment variables), behind the same nginx and Redis."""
        self.gunicorn.terminate()
        self.gunicorn.wait(timeout=30)
        self.processes.remove(self.gunicorn)
        self.extra_settings.update(settings)
        self._start_gunicorn()

    def _start_background(self):
        log = open(self.workdir / "worker.log", "a")
        self.worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.5", "--no-startup-delay"],
            cwd=ROOT,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.insert(0, self.worker)

    def restart_worker(self, **settings):
        """Run the background work with other settings (such as another mail server)."""
        self.worker.terminate()
        self.worker.wait(timeout=30)
        self.processes.remove(self.worker)
        self.extra_settings.update(settings)
        self._start_background()

    def start(self):
        self._start_gunicorn()
        if self.background:
            self._start_background()
            scheduler_log = open(self.workdir / "scheduler.log", "a")
            self.processes.append(
                subprocess.Popen(
                    [PYTHON, "manage.py", "run_scheduler"],
                    cwd=ROOT,
                    env=self.environment,
                    stdout=scheduler_log,
                    stderr=subprocess.STDOUT,
                )
            )
        conf = self._nginx_conf()
        nginx_log = open(self.workdir / "nginx.log", "w")
        self.processes.append(
            subprocess.Popen(
                [nginx_binary(), "-c", str(conf), "-p", str(self.workdir)], stdout=nginx_log, stderr=subprocess.STDOUT
            )
        )
        wait_for(lambda: _get(f"{self.http_url}/healthz") == 200, 30, "nginx")
        return self

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes = []
        self.redis.stop()

    def logs(self, lines=40):
        text = ""
        for name in ("gunicorn.log", "nginx-error.log", "worker.log", "scheduler.log"):
            path = self.workdir / name
            if path.exists():
                text += f"--- {name}\n" + "".join(path.read_text(errors="replace").splitlines(True)[-lines:])
        return text

    def __enter__(self):
        self.build()
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def _get(url, host=None):
    import http.client

    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request("GET", parts.path or "/", headers={"Host": host or parts.netloc})
        return connection.getresponse().status
    finally:
        connection.close()


def session_from(address, certificate):
    """A requests session whose connections come from ``address`` (a loopback address such as 127.0.0.7),
    checking the stack's own certificate."""
    import requests
    from requests.adapters import HTTPAdapter

    class FromAddress(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["source_address"] = (address, 0)
            super().init_poolmanager(*args, **kwargs)

    session = requests.Session()
    session.trust_env = False  # no proxies or CA bundles from the environment
    session.verify = str(certificate)
    session.mount("https://", FromAddress())
    session.mount("http://", FromAddress())
    return session
