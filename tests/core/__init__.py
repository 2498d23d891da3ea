"""Tests of the base: records, errors, settings, keys, sniffing."""
