"""The scripts that CI runs before any test: their output is read by .ci/run, so it must stay exact."""

import pytest

from tests.search_engines import OwnNode, needs_node_tools

# Independent of the database: CI runs it in the SQLite pass only.
pytestmark = pytest.mark.once


@pytest.mark.slow
@needs_node_tools
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
