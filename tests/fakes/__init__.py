"""Fakes of the network edge used by tests: an in-memory GitHub and its HTTP server."""
