"""Test helpers shared by the tests (fixture servers, inputs)."""
