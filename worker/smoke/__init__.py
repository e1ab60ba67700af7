"""GPU smoke tests: install a PR's resolved environment on a GPU runner and try it.

Review side: `policy` decides whether and where (pure), `plan` gathers its inputs from the
review and acts (check run, job, comment note), `publish` writes the smoke check run and the
comment region. GPU side: `gpu_job` runs one job (`runner`, `probe` in the `sandbox`, one GPU
of `slots`), `classify` turns the result into findings, `redact` cleans what goes back.
Both: `outcome` (what is published, and the smoke wording: titles, notes, region blocks),
`store` and `outcome_auth` (outcomes in Redis, signed), `supersede` (a newer push stops the
older job), `registry`/`facts`/`bootstep`/`config`/`broker` (the runners, their facts and
settings), `selfcheck` (a runner's own check).
"""
