"""GPU smoke tests: runner facts and registry, scheduling, the probe, isolated envs, findings."""
