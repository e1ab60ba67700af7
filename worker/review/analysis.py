"""The review's shared code path (App and CLI): the inputs at base and head → a `Review`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict, Unpack

from core.settings import Settings, get_settings
from rules.config import CONFIG_PATH, IgnoreRule
from rules.findings import Finding, Severity
from rules.manifests.dependabot import DependabotUpdate
from rules.review import Review, review
from worker.review.inputs import ReviewInputs, review_inputs
from worker.time_limits import time_limit_types

if TYPE_CHECKING:
    from worker.resolve.cache import ResolutionCache
    from worker.resolve.model import ResolveReport

logger = logging.getLogger(__name__)


class ResolverUnavailableError(RuntimeError):
    """`--resolve` was asked for but the resolver cannot be imported."""


def _texts(files: Mapping[str, str | bytes]) -> dict[str, str]:
    return {
        path: data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        for path, data in files.items()
    }


class AnalysisOptions(TypedDict, total=False):
    """How a review runs (`analyze`, `analyze_inputs`); every key is optional, its default in
    brackets."""

    #: Resolve base and head first (`worker.resolve`) [False].
    resolve: bool
    #: The resolver's settings [`get_settings()`].
    settings: Settings | None
    #: Findings added to the head's [none].
    extra_findings: Sequence[Finding]
    #: The refs the log names ["base", "head"].
    base_ref: str
    head_ref: str
    #: Added to the config's `ignore:` list (PR-scoped `@depreview ignore`) [none].
    extra_ignores: Sequence[IgnoreRule]
    #: Receives the resolver's report (the GPU smoke test installs its pins) [None].
    on_resolved: Callable[[ResolveReport], None] | None
    #: The resolutions cache (the App's, in Redis) [None].
    resolve_cache: ResolutionCache | None
    #: The resolver may read `file://` indexes (the CLI, on the user's own files) [False].
    allow_file_urls: bool
    #: Times the `resolve` and `rules` parts (the App's metrics) [untimed].
    stage: Callable[[str], AbstractContextManager[None]] | None


def analyze(
    base_files: Mapping[str, str | bytes],
    head_files: Mapping[str, str | bytes],
    *,
    changed_paths: Collection[str] | None = None,
    config_text: str | None = None,
    config_path: str = CONFIG_PATH,
    dependabot: DependabotUpdate | None = None,
    **options: Unpack[AnalysisOptions],
) -> Review:
    """Review two file trees (BASE's repo config unless `config_text`): `analyze_inputs` on
    the inputs built from them (the tests' entry; the App and the CLI build their inputs)."""
    inputs = review_inputs(
        base_files,
        head_files,
        changed_paths=changed_paths,
        config_override_text=config_text,
        config_path=config_path,
        dependabot=dependabot,
    )
    return analyze_inputs(inputs, **options)


def analyze_inputs(inputs: ReviewInputs, **options: Unpack[AnalysisOptions]) -> Review:
    """Review the change `inputs` describe as `options` say; optionally resolve it first."""
    resolve = options.get("resolve", False)
    timed = options.get("stage") or _untimed
    extra = list(options.get("extra_findings", ()))
    base_extra: list[Finding] = []
    if resolve:
        with timed("resolve"):
            try:
                report = _resolve(
                    inputs,
                    options.get("settings") or get_settings(),
                    cache=options.get("resolve_cache"),
                    allow_file_urls=options.get("allow_file_urls", False),
                )
            except Exception as exc:
                if _must_propagate(exc):
                    raise
                logger.exception("resolution crashed; the rules still run")
                report = None
                extra.append(resolution_crash_finding(exc))
        if report is not None:
            extra.extend(_not_static_duplicates(report.findings))
            base_extra.extend(_not_static_duplicates(report.base_findings))
            on_resolved = options.get("on_resolved")
            if on_resolved is not None:
                on_resolved(report)
    logger.debug(
        "reviewing",
        extra={"base": options.get("base_ref", "base"), "head": options.get("head_ref", "head")},
    )
    config = inputs.config
    extra_ignores = options.get("extra_ignores", ())
    if extra_ignores:
        config = config.model_copy(update={"ignore": [*config.ignore, *extra_ignores]})
    with timed("rules"):
        result = review(
            inputs.base,
            inputs.head,
            config,
            changed_paths=inputs.changed_paths,
            extra_findings=tuple(extra),
            base_extra_findings=tuple(base_extra),
            dependabot=inputs.dependabot,
            config_findings=inputs.config_findings,
            reraise=time_limit_types(),
        )
    return _one_per_conflict(result) if resolve else result


def _one_per_conflict(result: Review) -> Review:
    """A resolver conflict error that a static `conflict` error already states folds into it as
    evidence (`worker.resolve.confirm`); the summary's error counts follow."""
    from worker.resolve.confirm import one_per_conflict

    findings = one_per_conflict(result.findings)
    if len(findings) == len(result.findings):
        return result

    def errors(among: Sequence[Finding], new: bool) -> int:
        return sum(1 for f in among if f.severity is Severity.ERROR and f.new is new)

    summary = replace(
        result.summary,
        new_errors=result.summary.new_errors
        - errors(result.findings, True)
        + errors(findings, True),
        existing_errors=result.summary.existing_errors
        - errors(result.findings, False)
        + errors(findings, False),
    )
    return replace(result, findings=tuple(findings), summary=summary)


def _not_static_duplicates(findings: Sequence[Finding]) -> list[Finding]:
    """The resolver's findings less those a static rule reports too (one finding, not two)."""
    from worker.resolve.indexes import duplicates_static

    return [f for f in findings if not duplicates_static(f)]


def _must_propagate(exc: BaseException) -> bool:
    """Errors that are not about this change: retried or reported by the caller."""
    from redis.exceptions import RedisError

    from worker.github.client import is_transient

    if isinstance(exc, ResolverUnavailableError | RedisError):
        return True
    try:
        from celery.exceptions import SoftTimeLimitExceeded
    except ImportError:  # pragma: no cover - celery is a dependency of the worker
        return is_transient(exc)
    return isinstance(exc, SoftTimeLimitExceeded) or is_transient(exc)


def resolution_crash_finding(exc: BaseException) -> Finding:
    """A resolver crash as an error-level finding: the review goes on, and fails closed."""
    from rules.findings import Severity

    return Finding(
        rule="resolution-error",
        category="parse-error",
        severity=Severity.ERROR,
        message=(
            "depreview could not resolve the environments of this change "
            f"({type(exc).__name__}); the rules still ran, but resolution findings are "
            "missing, so the check fails rather than pass unverified"
        ),
        fix="Check the lock files and markers this change adds; then Re-run the check.",
        fingerprint=f"resolution-error:{type(exc).__name__}",
    )


def _untimed(name: str) -> AbstractContextManager[None]:
    return nullcontext()


def _resolve(
    inputs: ReviewInputs,
    settings: Settings,
    *,
    cache: ResolutionCache | None,
    allow_file_urls: bool,
) -> ResolveReport:
    """Resolve base and head with `worker.resolve` (imported lazily: heavy and optional),
    under the config the review applies (the BASE's: a change never widens its own hosts)."""
    try:
        from worker.resolve import resolve_change
    except ImportError as exc:
        raise ResolverUnavailableError(f"the resolver is not available ({exc})") from exc
    return resolve_change(
        inputs.base,
        inputs.head,
        inputs.config,
        cache=cache,
        cache_dir=settings.uv_cache_dir,
        timeout_s=settings.resolve_timeout_s,
        allow_file_urls=allow_file_urls,
        default_index_url=settings.resolve_index_url,
        base_texts=_texts(inputs.base_files),
        head_texts=_texts(inputs.head_files),
    )
