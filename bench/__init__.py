"""Benchmarks (not run by the test step)."""
