"""The shared floor of the service and the worker: settings, logs, the task contract, links.

Imports only `rules/` (for vocabulary), the standard library and third-party packages.
"""
