"""Webhook handling: verification, the `(event, action)` route table and the HTTP endpoint."""
