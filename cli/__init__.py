"""`depreview` on the command line: review a change in a local checkout, two directories or a PR."""
