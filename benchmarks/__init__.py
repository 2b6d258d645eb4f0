"""Benchmarks of the dialer: ``python -m benchmarks [--quick]`` runs them all.

Every figure is measured next to a baseline taken in the same run and reported as a ratio,
because the machines are shared and noisy. Results go to ``docs/benchmarks.md`` (a table) and
``docs/benchmarks.json`` (every sample). See ``benchmarks/run.py``.

This package is imported by the start-up probe's child processes: keep it free of imports.
"""
