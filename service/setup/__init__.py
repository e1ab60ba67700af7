"""`/setup`: create the GitHub App from its manifest (routes, and the one GitHub call)."""
