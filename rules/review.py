"""The review: every rule on base and head, config applied, findings marked new, a conclusion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Literal

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.checks.base import Rule, RuleContext
from rules.checks.registry import ALL_RULES
from rules.checks.support.packages import FAMILIES, FRAMEWORKS, is_exact
from rules.config import CONFIG_PATH, IgnoreRule, RepoConfig, config_text, load_config
from rules.config_change import config_change_finding
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase, load_kb
from rules.manifests.dependabot import DependabotUpdate
from rules.manifests.dockerfile import BUILD_ARG_SOURCE, build_arg_places
from rules.manifests.model import FileKind, Snapshot
from rules.manifests.snapshot import build_snapshot

Conclusion = Literal["success", "neutral", "failure"]

#: Most findings one review lists: the worst (new, then by severity) are kept; the rest are
#: counted per rule in one `findings-capped` notice. The conclusion and the summary counts
#: are taken over all of them. A PR controls how many findings its files produce (security
#: review finding 11: 23,282 index lines in one file).
MAX_FINDINGS = 200


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of findings by severity, new (introduced by the change) and pre-existing."""

    new_errors: int = 0
    new_warnings: int = 0
    new_notices: int = 0
    existing_errors: int = 0
    existing_warnings: int = 0
    existing_notices: int = 0
    ignored: int = 0

    @property
    def new(self) -> int:
        """All new findings."""
        return self.new_errors + self.new_warnings + self.new_notices

    @property
    def existing(self) -> int:
        """All pre-existing findings."""
        return self.existing_errors + self.existing_warnings + self.existing_notices

    @property
    def total(self) -> int:
        """All reported findings (ignored ones excluded)."""
        return self.new + self.existing

    def as_dict(self) -> dict[str, int]:
        """Plain counts (every field, in order, then the total), for JSON."""
        return {**asdict(self), "total": self.total}


@dataclass(frozen=True)
class Review:
    """The outcome of reviewing one change: what renderers, the CLI and the worker show."""

    conclusion: Conclusion
    findings: tuple[Finding, ...]
    changed_files: tuple[str, ...] = ()
    summary: Summary = field(default_factory=Summary)
    dependabot: DependabotUpdate | None = None
    config_findings: tuple[Finding, ...] = ()
    rule_errors: tuple[str, ...] = ()

    @property
    def new_findings(self) -> tuple[Finding, ...]:
        """Findings the change introduced."""
        return tuple(f for f in self.findings if f.new)

    @property
    def existing_findings(self) -> tuple[Finding, ...]:
        """Findings already present at the base."""
        return tuple(f for f in self.findings if not f.new)


def review(
    base: Snapshot,
    head: Snapshot,
    config: RepoConfig,
    *,
    changed_paths: Iterable[str] | None = None,
    extra_findings: Sequence[Finding] = (),
    base_extra_findings: Sequence[Finding] = (),
    dependabot: DependabotUpdate | None = None,
    config_findings: Sequence[Finding] = (),
    today: date | None = None,
    kb: KnowledgeBase | None = None,
    rules: Sequence[Rule] | None = None,
    reraise: tuple[type[BaseException], ...] = (),
) -> Review:
    """Review the change from `base` to `head` under `config`.

    Pure and deterministic for given inputs: `today` (default: the current date) decides
    which ignores have expired; `kb` and `rules` default to the packaged ones. A rule that
    raises becomes a `rule-error` finding, except for the `reraise` types (the worker's task
    time limits: the review as a whole has run out of time, not one rule).
    """
    today = today or date.today()
    kb = kb if kb is not None else load_kb()
    active = [r for r in (ALL_RULES if rules is None else rules) if not _rule_off(r, config)]
    base = _select(base, config)
    head = _select(head, config)
    base_found, base_errors = _run(active, RuleContext(base, config, kb, today), reraise)
    head_found, rule_errors = _run(active, RuleContext(head, config, kb, today), reraise)
    # A rule that crashes only on the head fails closed (an error finding); one that crashes
    # on both sides is pre-existing and does not block the change.
    base_found.extend(_rule_error_finding(e) for e in base_errors)
    head_found.extend(_rule_error_finding(e) for e in rule_errors)
    if dependabot is None:
        head_found.extend(several_frameworks_bumped(base, head))
    ignores, expired = _split_ignores(config, today)
    cfg = [*config_findings, *(_expired_finding(i) for i in expired)]
    base_all = _configure([*base_found, *base_extra_findings], config, ignores, base)[0]
    head_all, ignored = _configure([*head_found, *extra_findings, *cfg], config, ignores, head)
    head_all = [f for f in head_all if f.file is None or _selected(f.file, config)]
    # The same problem at a worse severity is new: a warning on the base ("a fresh install
    # picks a release without a wheel") that the head turns into an error (an exact pin
    # without one) must block the change.
    # So is the same problem on more of what it covers (`Finding.scope`: a pin that failed
    # one CI Python now fails two).
    base_rank: dict[tuple[str, ...], int] = {}
    base_scope: dict[tuple[str, ...], frozenset[str]] = {}
    for f in base_all:
        base_rank[f.identity] = min(f.severity.rank, base_rank.get(f.identity, f.severity.rank))
        base_scope[f.identity] = base_scope.get(f.identity, frozenset()) | f.scope
    marked = sorted(
        {
            f.with_new(
                f.identity not in base_rank
                or f.severity.rank < base_rank[f.identity]
                or _widened(f, base_scope[f.identity])
            )
            for f in head_all
        },
        key=_total_order,
    )
    failing = _failing_at_base(base_all)
    marked = [_already_failing(f, failing) for f in marked]
    changed = _changed_files(base, head, changed_paths)
    touched = set(changed)
    places = _build_arg_places(head)
    marked = sorted(
        (
            _at_the_change(_with_build_args(f, places), touched)
            for f in _collapsed(_one_per_place(marked))
        ),
        key=_total_order,
    )
    summary = _summarize(marked, ignored)
    return Review(
        conclusion=_conclusion(marked, config),
        findings=_capped(marked),
        changed_files=changed,
        summary=summary,
        dependabot=dependabot,
        config_findings=tuple(f for f in marked if f.category == "config-error"),
        rule_errors=tuple(rule_errors),
    )


def _one_per_place(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per problem and place: a file's requirement judged in its own environment
    and again in the Docker stage that installs it (`with_installed`) can be worded twice
    (what decides its numpy differs); the first in total order stays. The same words at the
    same place are said once too, whatever their fingerprints: a setup.py's extras resolved
    one by one fail with one message at one line (pyro-ppl/pyro's `torch>=2.0` for Python 3.7,
    five times, once per extra)."""
    kept: dict[tuple[object, ...], Finding] = {}
    said: set[tuple[object, ...]] = set()
    for f in sorted(findings, key=_total_order):
        words = (f.rule, f.severity, f.new, f.file, f.line, f.message)
        if words in said:
            continue
        said.add(words)
        kept.setdefault((f.identity, f.severity, f.new, f.file, f.line), f)
    return list(kept.values())


def _collapsed(findings: Sequence[Finding]) -> list[Finding]:
    """One finding for the same problem said the same way on several lines (a Dockerfile that
    pins ``torch==$TORCH_VERSION`` on ten RUN lines gets one numpy-abi warning, not ten); the
    first keeps its place and lists the other places in its evidence."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        key = (f.identity, f.severity, f.new, f.file, f.message)
        groups.setdefault(key, []).append(f)
    out: list[Finding] = []
    for group in groups.values():
        first, rest = group[0], group[1:]
        if rest:
            places = ", ".join(f"{f.file}:{f.line}" for f in rest if f.line)
            if places:
                first = replace(first, evidence=(*first.evidence, f"also at {places}"))
        out.append(first)
    return sorted(out, key=_total_order)


def _capped(findings: Sequence[Finding], limit: int = MAX_FINDINGS) -> tuple[Finding, ...]:
    """At most `limit` findings (new first, worst first), plus a notice counting the rest."""
    if len(findings) <= limit:
        return tuple(findings)
    ranked = sorted(findings, key=lambda f: (not f.new, f.severity.rank, _total_order(f)))
    kept, rest = ranked[:limit], ranked[limit:]
    counts: dict[tuple[str, bool, Severity], int] = {}
    for finding in rest:
        key = (finding.rule, bool(finding.new), finding.severity)
        counts[key] = counts.get(key, 0) + 1
    lines = [
        f"{rule}: {n} {'new' if new else 'pre-existing'} {severity.value}{'s' if n > 1 else ''}"
        for (rule, new, severity), n in sorted(
            counts.items(), key=lambda kv: (not kv[0][1], kv[0][2].rank, kv[0][0])
        )
    ]
    notice = Finding(
        rule="findings-capped",
        category="parse-error",
        severity=Severity.NOTICE,
        message=(
            f"This review lists {limit} of its {len(findings)} findings; "
            f"{len(rest)} more are not shown (the conclusion counts them all)."
        ),
        evidence=tuple(lines),
        fingerprint="findings-capped",
        new=True,
    )
    return (*sorted(kept, key=_total_order), notice)


def review_trees(
    base_files: Mapping[str, bytes | str],
    head_files: Mapping[str, bytes | str],
    *,
    config_override_text: str | None = None,
    config_path: str = CONFIG_PATH,
    today: date | None = None,
) -> Review:
    """Two file trees in, one `Review` out: the rules alone, for tests and tools (the CLI and
    the worker go through `worker.review.analysis`, which also resolves and adds findings).

    `*_files` map repository paths to contents (only dependency files and the config are
    needed). The config is the BASE commit's `.github/depreview.yml` (a change cannot decide
    its own gate) unless `config_override_text` is given (the CLI's `--config`; then
    `config_path` names that file in findings). A head that edits the config gets a
    `config-change` finding listing what would change after merge; the head config's own
    problems are reported too, but none of its settings apply.
    """

    config, config_findings = review_config(
        base_files, head_files, override_text=config_override_text, override_path=config_path
    )
    return review(
        build_snapshot(base_files, ref="base"),
        build_snapshot(head_files, ref="head"),
        config,
        config_findings=config_findings,
        today=today,
    )


def review_config(
    base_files: Mapping[str, bytes | str],
    head_files: Mapping[str, bytes | str],
    *,
    override_text: str | None = None,
    override_path: str = CONFIG_PATH,
) -> tuple[RepoConfig, list[Finding]]:
    """The config a review applies, and the config findings it reports (`review_trees`).

    The BASE commit's `.github/depreview.yml` unless `override_text` (the CLI's `--config`,
    named `override_path` in findings). The head config's own problems are reported and a
    head that edits it gets a `config-change` finding; none of its settings apply. An
    unchanged config is parsed once.
    """

    if override_text is not None:
        return load_config(override_text, override_path)
    base_text, head_text = config_text(base_files), config_text(head_files)
    config, base_findings = load_config(base_text, CONFIG_PATH)
    if (base_text or "") == (head_text or ""):
        head_config, config_findings = config, list(base_findings)
    else:
        head_config, config_findings = load_config(head_text, CONFIG_PATH)
    change = config_change_finding(
        config, head_config, text_changed=(base_text or "") != (head_text or "")
    )
    if change is not None:
        config_findings = [*config_findings, change]
    return config, config_findings


def _total_order(finding: Finding) -> tuple[object, ...]:
    """`Finding.sort_key`, then everything else, so equal keys never depend on set order."""
    return (*finding.sort_key(), repr(finding))


def _rule_off(rule: Rule, config: RepoConfig) -> bool:
    return config.disabled(rule.id, rule.category)


def _selected(path: str, config: RepoConfig) -> bool:
    return path == CONFIG_PATH or config.paths.selects(path)


def _select(snapshot: Snapshot, config: RepoConfig) -> Snapshot:
    """The snapshot restricted to the files the config's `paths` select."""
    files = {p: m for p, m in snapshot.files.items() if _selected(p, config)}
    if len(files) == len(snapshot.files):
        return snapshot
    errors = tuple(e for e in snapshot.errors if e.file is None or _selected(e.file, config))
    return replace(snapshot, files=MappingProxyType(files), errors=errors)


def _run(
    rules: Sequence[Rule], ctx: RuleContext, reraise: tuple[type[BaseException], ...] = ()
) -> tuple[list[Finding], list[str]]:
    """Every rule's findings; a rule that raises is recorded, and the others still run."""
    found: list[Finding] = []
    errors: list[str] = []
    for rule in rules:
        try:
            found.extend(rule.check(ctx))
        except Exception as exc:  # a bug in one rule must not hide every other finding
            if reraise and isinstance(exc, reraise):
                raise
            errors.append(f"{rule.id}: {type(exc).__name__}: {exc}")
    return found, errors


#: Rules whose errors stand at the place that runs a Python (a CI leg, an image), with the
#: Pythons they fail on as their scope: a job that already failed there at the base.
_PER_PYTHON_RULES = frozenset({"python-version-incompatible"})


def _failing_at_base(base: Sequence[Finding]) -> dict[tuple[str, str, int], list[Finding]]:
    """The base's errors of `_PER_PYTHON_RULES` by (rule, file, line)."""
    failing: dict[tuple[str, str, int], list[Finding]] = {}
    for f in base:
        if f.rule in _PER_PYTHON_RULES and f.severity == Severity.ERROR and f.scope and f.file:
            failing.setdefault((f.rule, f.file, f.line or 0), []).append(f)
    return failing


#: CI whose jobs every pull request shows (a leg failing there is seen, not forgotten).
_SHOWN_ON_PULL_REQUESTS = (".github/workflows/", ".circleci/")


def _already_failing(
    found: Finding, failing: Mapping[tuple[str, str, int], list[Finding]]
) -> Finding:
    """A new error on Pythons whose job (the same place) already failed for certain at the
    base, for other packages, is a warning: the change does not break what worked
    (bes-dev/stable_diffusion-openvino #113: openvino 2022.3.0 has no cp36 wheel, and
    .travis.yml's Python 3.6 leg already failed at the base on scipy 1.9.0 and four more).
    So is one at a place outside GitHub's and CircleCI's jobs (a tox envlist, a Travis file) that
    already could not install the project itself at the base: it lists Pythons the project
    dropped, so nobody runs it whole (stanfordmlgroup/ngboost's tox.ini kept py36,py37,py38
    after the project required 3.8, then 3.9)."""
    if not found.new or found.severity != Severity.ERROR or not found.scope or not found.file:
        return found
    before = failing.get((found.rule, found.file, found.line or 0), [])
    others = [f for f in before if f.package != found.package]
    covered = frozenset().union(*(f.scope for f in others))
    pythons = ", ".join(sorted(found.scope))
    if others and found.scope <= covered:
        named = sorted({f.package or "" for f in others if f.scope & found.scope})
        note = (
            f" The same job already failed on Python {pythons} at the base "
            f"({named[0]}{f' and {len(named) - 1} more' if len(named) > 1 else ''}), so "
            "this change does not break what worked: a warning."
        )
        return replace(found, severity=Severity.WARNING, message=found.message + note)
    stale = sorted(set().union(*(f.scope for f in before if "project-python:" in f.fingerprint)))
    if stale and not found.file.startswith(_SHOWN_ON_PULL_REQUESTS):
        note = (
            f" At the base this place already could not install the project itself on Python "
            f"{', '.join(stale)} (its own Requires-Python): it lists Pythons the project "
            "dropped and is not kept in step with it, so this is a warning."
        )
        return replace(found, severity=Severity.WARNING, message=found.message + note)
    return found


def _widened(found: Finding, base: frozenset[str]) -> bool:
    """Whether `found` covers more than its base twins did (both with a scope)."""
    return bool(found.scope and base and not found.scope <= base)


def _rule_error_finding(error: str) -> Finding:
    rule_id, _, rest = error.partition(": ")
    kind = rest.partition(":")[0]
    return Finding(
        rule="rule-error",
        category="parse-error",
        severity=Severity.ERROR,
        message=(
            f"The `{rule_id}` check crashed ({kind}) on this change, so its findings are "
            "missing; the check fails rather than pass unverified"
        ),
        fix="Report the crash to depreview's maintainers; then Re-run the check.",
        fingerprint=f"rule-error:{rule_id}:{kind}",
    )


def _split_ignores(config: RepoConfig, today: date) -> tuple[list[IgnoreRule], list[IgnoreRule]]:
    live = [i for i in config.ignore if not i.expired(today)]
    expired = [i for i in config.ignore if i.expired(today)]
    return live, expired


def _expired_finding(entry: IgnoreRule) -> Finding:
    target = entry.rule or entry.category or ""
    what = f"{target} for {entry.package}" if entry.package else target
    owner = f" (owner: {entry.owner})" if entry.owner else ""
    return Finding(
        rule="config-error",
        category="config-error",
        severity=Severity.WARNING,
        message=(
            f"{CONFIG_PATH}: the ignore of `{what}`{owner} expired on {entry.expires}; "
            f"it no longer applies (reason given: {entry.reason})"
        ),
        file=CONFIG_PATH,
        line=entry.line,
        package=entry.package_name,
        fix="Fix the finding, or renew the ignore with a new `expires:` date and reason.",
        fingerprint=f"ignore-expired:{target}:{entry.package or ''}:{entry.expires}",
    )


def _configure(
    findings: Iterable[Finding], config: RepoConfig, ignores: Sequence[IgnoreRule], snap: Snapshot
) -> tuple[list[Finding], int]:
    """Apply severity overrides, disables and ignores; return the kept findings and #ignored."""
    kept: list[Finding] = []
    ignored = 0
    pins = _pinned_versions(snap)
    for finding in findings:
        setting = config.severity_for(finding.rule, finding.category)
        if setting == "off":
            continue
        if setting is not None:
            finding = finding.with_severity(Severity(setting))
        if any(_ignores(i, finding, pins) for i in ignores):
            ignored += 1
            continue
        kept.append(finding)
    return kept, ignored


def _ignores(entry: IgnoreRule, finding: Finding, pins: Mapping[str, set[str]]) -> bool:
    """Whether an ignore entry covers a finding.

    A package entry with a version range applies only when the head pins the package to a
    version inside the range (a declared range without a pin is not enough to decide).
    """
    if entry.rule is not None and entry.rule != finding.rule:
        return False
    if entry.category is not None and entry.category != finding.category:
        return False
    name = entry.package_name
    if name is None:
        return True
    if finding.package is None or canonicalize_name(finding.package) != name:
        return False
    if not entry.version_range:
        return True
    spec = SpecifierSet(entry.version_range)
    for text in pins.get(name, ()):
        try:
            if spec.contains(Version(text), prereleases=True):
                return True
        except InvalidVersion:
            continue
    return False


def _pinned_versions(snap: Snapshot) -> dict[str, set[str]]:
    """Exact versions per package name, from `==` requirements and lock files."""
    pins: dict[str, set[str]] = {}
    for req in snap.requirements():
        version = req.pinned
        if version is None and is_exact(req):
            version = req.specifier.lstrip("=").strip().removesuffix(".*")
        if version:
            pins.setdefault(canonicalize_name(req.name), set()).add(version)
    for _manifest, pin in snap.pins():
        pins.setdefault(canonicalize_name(pin.name), set()).add(pin.version)
    return pins


def _framework_versions(snap: Snapshot) -> dict[str, frozenset[tuple[str, str]]]:
    versions: dict[str, set[tuple[str, str]]] = {}
    for req in snap.requirements():
        if req.name in FRAMEWORKS:
            versions.setdefault(req.name, set()).add((req.location.file, req.specifier))
    for manifest, pin in snap.pins():
        if pin.name in FRAMEWORKS:
            versions.setdefault(pin.name, set()).add((manifest.path, pin.version))
    return {name: frozenset(v) for name, v in versions.items()}


def several_frameworks_bumped(base: Snapshot, head: Snapshot) -> list[Finding]:
    """A notice when one (non-Dependabot) change moves frameworks of several families."""
    before = _framework_versions(base)
    after = _framework_versions(head)
    changed = sorted(n for n in before.keys() & after.keys() if before[n] != after[n])
    families = sorted({FAMILIES.get(n, n) for n in changed})
    if len(families) < 2:
        return []
    first = next(
        (
            r
            for r in head.requirements()
            if r.name in changed and (r.location.file, r.specifier) not in before[r.name]
        ),
        None,
    )
    return [
        Finding(
            rule="several-frameworks-bumped",
            category="unpinned-framework",
            severity=Severity.NOTICE,
            message=(
                f"This change moves {len(families)} framework families at once "
                f"({', '.join(changed)}). When something breaks, nobody can tell which update "
                f"did it; ML frameworks change numerics and CUDA builds between releases."
            ),
            file=first.location.file if first else None,
            line=first.location.line if first else None,
            package=None,
            fix="Update one framework family per pull request, with the test suite run on each.",
            evidence=tuple(changed),
            fingerprint="several-frameworks-bumped:" + ",".join(families),
        )
    ]


def _at_the_change(found: Finding, changed: set[str]) -> Finding:
    """A new finding whose own file the change leaves untouched, moved to the first of its
    `also_at` places the change touches (the requirement a Renovate bump changed, rather than
    the Dockerfile whose Python it meets), so that its annotation is on a line of the diff; the
    place it was found becomes one of its `also_at` places."""
    if not found.new or not found.also_at or found.file is None or found.file in changed:
        return found
    for file, line in found.also_at:
        if file in changed:
            note = (
                f"reported at {file}:{line}, in a file this change touched "
                f"({found.file}, where it was found, is unchanged)"
            )
            elsewhere = tuple(place for place in found.also_at if place != (file, line))
            return replace(
                found,
                file=file,
                line=line,
                column=None,
                end_line=None,
                evidence=(*found.evidence, note),
                also_at=((found.file, found.line or 1), *elsewhere),
            )
    return found


def _build_arg_places(snapshot: Snapshot) -> dict[str, dict[int, list[tuple[str, int]]]]:
    """Dockerfile -> line -> the places (compose, workflow, script, KEY=VALUE lines) that set
    the ``--build-arg`` values the line uses."""
    return {
        path: places
        for path, manifest in snapshot.files.items()
        if manifest.kind == FileKind.DOCKERFILE and (places := build_arg_places(manifest))
    }


def _with_build_args(
    found: Finding, places: Mapping[str, Mapping[int, list[tuple[str, int]]]]
) -> Finding:
    """A finding on a Dockerfile line that uses build-arg values, with the places that set
    them among its `also_at` places (where `_at_the_change` may move it)."""
    if found.file is None or found.line is None:
        return found
    extra = [p for p in places.get(found.file, {}).get(found.line, []) if p not in found.also_at]
    return replace(found, also_at=(*found.also_at, *extra)) if extra else found


def _build_arg_sources(snapshot: Snapshot) -> set[str]:
    """The files (compose, workflow, script, KEY=VALUE) whose build args Dockerfiles use."""
    return {
        value
        for manifest in snapshot.files.values()
        for key, value in manifest.metadata
        if key == BUILD_ARG_SOURCE
    }


def _changed_files(
    base: Snapshot, head: Snapshot, changed_paths: Iterable[str] | None
) -> tuple[str, ...]:
    """Dependency files the change touched (given paths, or files whose parse differs), and
    the files whose build args a Dockerfile uses (when the paths are given)."""
    known = set(base.files) | set(head.files) | _build_arg_sources(base) | _build_arg_sources(head)
    if changed_paths is not None:
        return tuple(sorted(set(changed_paths) & known))
    return tuple(sorted(p for p in known if base.files.get(p) != head.files.get(p)))


def _summarize(findings: Sequence[Finding], ignored: int) -> Summary:
    def count(new: bool, severity: Severity) -> int:
        return sum(1 for f in findings if f.new is new and f.severity == severity)

    return Summary(
        new_errors=count(True, Severity.ERROR),
        new_warnings=count(True, Severity.WARNING),
        new_notices=count(True, Severity.NOTICE),
        existing_errors=count(False, Severity.ERROR),
        existing_warnings=count(False, Severity.WARNING),
        existing_notices=count(False, Severity.NOTICE),
        ignored=ignored,
    )


def _conclusion(findings: Sequence[Finding], config: RepoConfig) -> Conclusion:
    """`failure` on a new error; a new warning gives the configured conclusion (neutral)."""
    new = [f for f in findings if f.new]
    if any(f.severity == Severity.ERROR for f in new):
        return "failure"
    if any(f.severity == Severity.WARNING for f in new):
        return config.conclusion.warning
    return "success"
