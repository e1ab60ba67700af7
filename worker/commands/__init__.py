"""`@depreview` commands in pull request comments: parsing, permission, ignores, handling."""
