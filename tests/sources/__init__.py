"""Tests of sources/."""
