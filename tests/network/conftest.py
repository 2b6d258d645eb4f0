"""The company network's fixtures (tests/helpers/network.py), for every test in this folder."""

from tests.helpers.network import (  # noqa: F401 - fixtures, found by name
    api,
    company,
    outside_variables_removed,
    proxy_tools,
)
