"""The scripts that CI runs before any test: their output is read by .ci/run, so it must stay exact."""

import os

import pytest

from tests.search_engines import OwnNode

# Independent of the database: CI runs it in the SQLite pass only. It fetches Elasticsearch (Maven) and
# starts a JVM as another user, which only CI needs: .ci/run sets ES_NODE_SCRIPT_CHECK=required (and then a
# machine that cannot run it fails the test); a developer's `make test` leaves it out.
pytestmark = [
    pytest.mark.once,
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("ES_NODE_SCRIPT_CHECK") != "required",
        reason="the CI script's own test: .ci/run sets ES_NODE_SCRIPT_CHECK=required",
    ),
]


def test_elasticsearch_node_script_prints_only_the_url_on_its_download_path():
    # An empty ES_BASE takes the path of a new machine: Maven fetches (or finds cached) the
    # distribution, it is unpacked, the node starts. Maven writes an ANSI reset to stdout even with
    # -q -B; a stray byte there broke `export` in .ci/run on every new machine.
    node = OwnNode()
    try:
        result = node.start()
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        assert result.stdout == f"ELASTICSEARCH_URL=http://127.0.0.1:{node.port}\n".encode()
    finally:
        node.remove()
