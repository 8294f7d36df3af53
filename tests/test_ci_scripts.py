"""The scripts that CI runs before any test: their output is read by .ci/run, so it must stay exact."""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ES_NODE_SCRIPT = ROOT / "scripts" / "elasticsearch-test-node"


def can_start_a_node():
    tools = all(shutil.which(tool) for tool in ("mvn", "java", "unzip", "curl", "runuser"))
    return tools and os.geteuid() == 0


# .ci/run sets ES_NODE_SCRIPT_CHECK=required: there a machine that cannot run the script fails the test.
needs_node_tools = pytest.mark.skipif(
    os.environ.get("ES_NODE_SCRIPT_CHECK") != "required" and not can_start_a_node(),
    reason="starting a test node needs root, Maven, Java, unzip and curl (CI has them)",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
@needs_node_tools
def test_elasticsearch_node_script_prints_only_the_url_on_its_download_path():
    # An empty ES_BASE takes the path of a new machine: Maven fetches (or finds cached) the
    # distribution, it is unpacked, the node starts. Maven writes an ANSI reset to stdout even with
    # -q -B; a stray byte there broke `export` in .ci/run on every new machine.
    port = free_port()
    # Not pytest's tmp_path: the node runs as its own user, who cannot enter root's private folders.
    base = Path(tempfile.mkdtemp(prefix="kennisportaal-es-test-", dir="/tmp"))
    base.chmod(0o755)
    env = {**os.environ, "ES_BASE": str(base), "ES_PORT": str(port), "ES_HEAP": "256m"}
    try:
        result = subprocess.run(
            [str(ES_NODE_SCRIPT), "start"], env=env, capture_output=True, timeout=300,
        )
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        assert result.stdout == f"ELASTICSEARCH_URL=http://127.0.0.1:{port}\n".encode()
    finally:
        subprocess.run([str(ES_NODE_SCRIPT), "stop"], env=env, capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)
