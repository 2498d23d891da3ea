"""Tests of newsflow.runtime (the run loop)."""
