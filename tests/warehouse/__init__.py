"""Tests of warehouse/."""
