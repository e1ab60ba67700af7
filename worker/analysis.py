"""The review's shared code path (App and CLI): files at base and head → a `Review`."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from rules.findings import Finding
from rules.review import Review, review_trees
from worker.settings import Settings

logger = logging.getLogger(__name__)

CONFIG_PATH = ".github/depreview.yml"


class ResolverUnavailableError(RuntimeError):
    """`--resolve` was asked for but the resolver cannot be imported."""


def _texts(files: Mapping[str, str | bytes]) -> dict[str, str]:
    return {
        path: data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        for path, data in files.items()
    }


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
    """Review two file trees (head's repo config unless `config_text`); optionally resolve."""
    extra = list(extra_findings)
    base_extra: list[Finding] = []
    if resolve:
        report = _resolve(base_files, head_files, config_text, settings or Settings())
        extra.extend(report.findings)
        base_extra.extend(report.base_findings)
    logger.debug("reviewing", extra={"base": base_ref, "head": head_ref})
    return review_trees(
        base_files,
        head_files,
        changed_paths=changed_paths,
        config_override_text=config_text,
        config_path=config_path,
        extra_findings=tuple(extra),
        base_extra_findings=tuple(base_extra),
    )


def _resolve(
    base_files: Mapping[str, str | bytes],
    head_files: Mapping[str, str | bytes],
    config_text: str | None,
    settings: Settings,
) -> Any:
    """Resolve base and head with `worker.resolve` (imported lazily: heavy and optional)."""
    try:
        resolver = importlib.import_module("worker.resolve")
    except ImportError as exc:
        raise ResolverUnavailableError(f"the resolver is not available ({exc})") from exc
    from rules.config import load_config
    from rules.manifests.snapshot import build_snapshot

    if config_text is None:
        raw = head_files.get(CONFIG_PATH)
        config_text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    config, _ = load_config(config_text)
    return resolver.resolve_change(
        build_snapshot(base_files, ref="base"),
        build_snapshot(head_files, ref="head"),
        config,
        cache_dir=settings.uv_cache_dir,
        timeout_s=settings.resolve_timeout_s,
        base_texts=_texts(base_files),
        head_texts=_texts(head_files),
    )
