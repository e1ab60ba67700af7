"""The review's shared code path (App and CLI): files at base and head → a `Review`."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from rules.manifests.snapshot import build_snapshot
from rules.review import Review, review

from rules.config import load_config
from rules.findings import Finding
from worker.settings import Settings

logger = logging.getLogger(__name__)

CONFIG_PATH = ".github/depreview.yml"


class ResolverUnavailableError(RuntimeError):
    """`--resolve` was asked for but the resolver package is not installed/built."""


def _text(data: str | bytes | None) -> str | None:
    if data is None:
        return None
    if isinstance(data, bytes):
        return data.decode("utf-8", errors="replace")
    return data


def analyze(
    base_files: Mapping[str, str | bytes],
    head_files: Mapping[str, str | bytes],
    *,
    changed_paths: Collection[str] | None = None,
    config_text: str | None = None,
    config_path: str = CONFIG_PATH,
    resolve: bool = False,
    settings: Settings | None = None,
    extra_findings: Sequence[Finding] = (),
    base_ref: str = "base",
    head_ref: str = "head",
) -> Review:
    """Parse both sides, read the repo config (head's, unless given), optionally resolve, review."""
    if config_text is None:
        config_text = _text(head_files.get(CONFIG_PATH))
    config, config_findings = load_config(config_text, config_path)
    base = build_snapshot(dict(base_files), ref=base_ref)
    head = build_snapshot(dict(head_files), ref=head_ref)
    extra = [*config_findings, *extra_findings]
    base_extra: list[Finding] = []
    if resolve:
        report = _resolve(base, head, config, settings or Settings())
        extra.extend(report.findings)
        base_extra.extend(getattr(report, "base_findings", []))
    return review(
        base,
        head,
        config,
        changed_paths=changed_paths,
        extra_findings=tuple(extra),
        base_extra_findings=tuple(base_extra),
    )


def _resolve(base: Any, head: Any, config: Any, settings: Settings) -> Any:
    """Run the resolver (imported lazily: it is the heavy, optional part)."""
    try:
        module = importlib.import_module("worker.resolve")
    except ImportError as exc:
        raise ResolverUnavailableError(f"the resolver is not available: {exc}") from exc
    resolve_change = getattr(module, "resolve_change", None)
    if resolve_change is None:
        raise ResolverUnavailableError("worker.resolve has no resolve_change()")
    return resolve_change(base, head, config, settings=settings)
