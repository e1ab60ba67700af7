"""Training entry points (not a dependency file: depreview ignores it)."""
