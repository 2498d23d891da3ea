"""Test plugins: fetch_support serves the fetch tests' fixture site on 127.0.0.1."""

pytest_plugins = ["fetch_support"]
