"""One review of a change: its inputs built once, the analysis, every word the App posts, the job.

- `inputs`: the dependency files at base and head, parsed once into a `ReviewInputs`;
- `analysis`: a `Review` from those inputs (the rules, optionally the resolver);
- `comment`: the PR comment, the check run's output and every note the App writes;
- `job`: `run_review`, which fetches, reviews and publishes under the PR's lock.
"""
