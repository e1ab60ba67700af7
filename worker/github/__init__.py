"""GitHub REST access for the worker: the installation client, fetching and publishing."""
