"""What the rules share, one concept per module.

- `environments`: environments, project names, pins and variant labels;
- `versions`: what a specifier admits and what a fresh install picks;
- `indexes`: which package indexes serve which environment;
- `cuda`: the CUDA an environment declares;
- `evidence`: which Python and CUDA an environment is installed on, and its targets;
- `builds`: which CUDA build of a framework an environment would install;
- `wheels`, `compilers`, `source_builds`: whether a release installs from a wheel or must be
  built, and whether the installing stage can build it;
- `packages`: package vocabularies (frameworks, dev tools, production files);
- `fixes`: findings and the fixes they carry (pinned lines, Dockerfile RUN lines).
"""
