"""Renderers of a `Review`: PR comment, check run, JSON, SARIF, terminal text."""
