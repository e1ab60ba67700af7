"""`depreview review`: review the dependency change between two refs or two directories."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cli.localrepo import (
    Listing,
    LocalRepoError,
    changed_paths,
    default_base,
    read_dir,
    read_ref,
)
from rules.manifests.snapshot import unread_files

EXIT_PASS = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
FORMATS = ("text", "markdown", "json", "sarif")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="depreview",
        description="Review a change to a Python ML project's dependency files.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    review = sub.add_parser(
        "review",
        help="review base → head (git refs, or two directories)",
        description=(
            "Exit status: 0 when the check would pass, 1 when it would fail, "
            "2 on usage or input errors."
        ),
    )
    review.add_argument("--repo", type=Path, default=Path(), help="git checkout (default: .)")
    review.add_argument(
        "--base", help="base ref (default: merge-base of HEAD with origin/main, main or master)"
    )
    review.add_argument("--head", help="head ref (default: HEAD)")
    review.add_argument("--base-dir", type=Path, help="compare a plain directory as the base")
    review.add_argument("--head-dir", type=Path, help="… against this directory as the head")
    review.add_argument("--pr", metavar="OWNER/REPO#N", help="review a GitHub pull request")
    review.add_argument(
        "--resolve", action="store_true", help="also resolve the environments (uv / rattler)"
    )
    review.add_argument("--format", choices=FORMATS, default="text", help="output format")
    review.add_argument(
        "--config",
        type=Path,
        help="repo config file (default: the BASE side's .github/depreview.yml)",
    )
    review.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when the check would fail (usage errors still exit 2)",
    )
    return parser


def _renderer(fmt: str) -> Callable[[Any], str]:
    if fmt == "markdown":
        from rules.render.markdown import render_comment

        return render_comment
    if fmt == "json":
        from rules.render.jsonreport import render_json

        return render_json
    if fmt == "sarif":
        from rules.render.sarif import render_sarif

        return render_sarif
    from rules.render.text import render_text

    return render_text


def _read_sides(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    base_seen: Listing,
    head_seen: Listing,
) -> tuple[dict[str, bytes], dict[str, bytes], str, str]:
    if args.base_dir is not None or args.head_dir is not None:
        if args.base_dir is None or args.head_dir is None:
            parser.error("--base-dir and --head-dir go together")
        if args.base or args.head:
            parser.error("use either --base/--head or --base-dir/--head-dir")
        return (
            read_dir(args.base_dir, listing=base_seen),
            read_dir(args.head_dir, listing=head_seen),
            str(args.base_dir),
            str(args.head_dir),
        )
    repo: Path = args.repo
    head = args.head or "HEAD"
    base = args.base or default_base(repo, head)
    return (
        read_ref(repo, base, listing=base_seen),
        read_ref(repo, head, listing=head_seen),
        base,
        head,
    )


def review_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run `depreview review`; returns the exit status."""
    from worker.review.analysis import ResolverUnavailableError, analyze_inputs
    from worker.review.inputs import review_inputs

    if args.pr:
        return _review_pr(args, parser)
    try:
        base_seen, head_seen = Listing(), Listing()
        base_files, head_files, base_ref, head_ref = _read_sides(args, parser, base_seen, head_seen)
        config_text = args.config.read_text(encoding="utf-8") if args.config else None
    except (LocalRepoError, OSError) as exc:
        print(f"depreview: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        inputs = review_inputs(
            base_files,
            head_files,
            changed_paths=changed_paths(base_files, head_files),
            config_override_text=config_text,
            config_path=str(args.config) if args.config else ".github/depreview.yml",
            base_unread=unread_files(base_seen.skipped, base_seen.identities, head_seen.identities),
            head_unread=unread_files(head_seen.skipped, head_seen.identities, base_seen.identities),
        )
        result = analyze_inputs(
            inputs,
            resolve=args.resolve,
            # Local files on the user's own machine: file:// indexes they declare may be read.
            allow_file_urls=True,
            base_ref=base_ref,
            head_ref=head_ref,
        )
    except ResolverUnavailableError as exc:
        print(f"depreview: --resolve: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = _renderer(args.format)(result)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    if result.conclusion == "failure" and not args.exit_zero:
        return EXIT_FAIL
    return EXIT_PASS


def _review_pr(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`--pr OWNER/REPO#N`: review a GitHub PR with `GITHUB_TOKEN`; print what the App posts."""
    import os

    from githubkit.exception import GitHubException

    from cli.pr import PrSpecError, review_pr

    if args.base or args.head or args.base_dir or args.head_dir or args.resolve or args.config:
        parser.error("--pr takes no --base/--head/--base-dir/--head-dir/--resolve/--config")
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    if not token:
        print("depreview: --pr needs a token in GITHUB_TOKEN", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = review_pr(args.pr, token)
    except PrSpecError as exc:
        print(f"depreview: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except GitHubException as exc:
        print(f"depreview: GitHub: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if result.note:
        print(f"depreview: {result.note.strip()}", file=sys.stderr)
    out = result.comment() if args.format == "markdown" else _renderer(args.format)(result.review)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    if result.review.conclusion == "failure" and not args.exit_zero:
        return EXIT_FAIL
    return EXIT_PASS


def main(argv: Sequence[str] | None = None) -> int:
    """The `depreview` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "review":
        return review_command(args, parser)
    parser.error(f"unknown command {args.command}")  # pragma: no cover - argparse refuses first
    return EXIT_USAGE  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
