"""Tests of extractors/."""
