"""Turn a smoke result (probe JSON + runner facts) into findings and a Markdown section."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from packaging.utils import canonicalize_name

from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase, load_kb
from worker.smoke.facts import RunnerFacts
from worker.smoke.policy import driver_at_least
from worker.smoke.runner import SmokeResult

_MAX_EVIDENCE_LINES = 8


def _finding(
    rule: str,
    category: str,
    severity: Severity,
    message: str,
    *,
    package: str | None = None,
    fix: str | None = None,
    evidence: Iterable[str] = (),
    key: str = "",
) -> Finding:
    return Finding(
        rule=rule,
        category=category,
        severity=severity,
        message=message,
        package=package,
        fix=fix,
        evidence=tuple(evidence),
        fingerprint=f"{rule}:{key or package or ''}",
    )


def _module_owners(probe: Mapping[str, Any]) -> dict[str, str]:
    owners: dict[str, str] = {}
    for package, info in (probe.get("packages") or {}).items():
        for module in info.get("modules", ()) if isinstance(info, dict) else ():
            owners.setdefault(module, package)
    return owners


def _evidence(*texts: str | None) -> list[str]:
    lines: list[str] = []
    for text in texts:
        if text:
            lines.extend(line for line in text.splitlines() if line.strip())
    return lines[-_MAX_EVIDENCE_LINES:]


def _first_line(text: str) -> str:
    stripped = text.strip()
    return stripped.splitlines()[0] if stripped else ""


def _numpy_pin(result: SmokeResult) -> str | None:
    return next((v for k, v in result.pins if canonicalize_name(k) == "numpy"), None)


def _import_findings(result: SmokeResult, probe: Mapping[str, Any]) -> list[Finding]:
    owners = _module_owners(probe)
    findings: list[Finding] = []
    for row in probe.get("imports") or ():
        if row.get("ok"):
            continue
        module = str(row.get("module"))
        package = owners.get(module)
        kind = str(row.get("classification") or "other")
        error = f"{row.get('error_class')}: {row.get('message')}"
        evidence = _evidence(row.get("stderr_tail"), row.get("traceback_tail"))
        if kind == "numpy-abi":
            numpy = _numpy_pin(result)
            under = f" under NumPy {numpy}" if numpy else ""
            banner = _numpy_banner(str(row.get("stderr_tail") or ""))
            findings.append(
                _finding(
                    "smoke-numpy-abi",
                    "numpy-abi",
                    Severity.ERROR,
                    f"`import {module}` fails{under}: {banner or error}"
                    + (f" ({error})" if banner else ""),
                    package=package,
                    fix=f"pin `numpy<2`, or upgrade {package or module} to a release built "
                    "against NumPy 2",
                    evidence=evidence,
                    key=module,
                )
            )
            continue
        what = {
            "missing-shared-library": "a shared library is missing",
            "undefined-symbol": "an extension does not match its library (undefined symbol)",
            "timeout": "the import did not finish",
            "crash": "the interpreter crashed",
        }.get(kind, "")
        findings.append(
            _finding(
                "smoke-import",
                "smoke-failure",
                Severity.ERROR,
                f"`import {module}` fails on the GPU runner"
                + (f" ({what})" if what else "")
                + f": {error}",
                package=package,
                evidence=evidence,
                key=module,
            )
        )
    return findings


def _numpy_banner(stderr: str) -> str:
    for line in stderr.splitlines():
        if "compiled using NumPy 1.x" in line:
            return line.strip()
    return ""


def _check_findings(framework: str, section: Mapping[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    for check in section.get("checks") or ():
        if check.get("ok") is not False:
            continue
        op, dtype, device = check.get("op"), check.get("dtype"), check.get("device")
        if "error" in check:
            detail = f"failed: {check['error']}"
        else:
            detail = (
                f"max relative error {check.get('max_rel_err'):.3g} "
                f"exceeds the tolerance {check.get('tolerance'):.3g}"
            )
        findings.append(
            _finding(
                "smoke-numerics",
                "smoke-failure",
                Severity.ERROR,
                f"{framework} {op} in {dtype} on {device} {detail} "
                "(compared with a float64 CPU reference)",
                package=framework,
                key=f"{framework}:{op}:{dtype}",
            )
        )
    return findings


def _section_error(framework: str, section: Mapping[str, Any]) -> list[Finding]:
    if "error_class" not in section:
        return []
    return [
        _finding(
            "smoke-framework",
            "smoke-failure",
            Severity.ERROR,
            f"the {framework} GPU check raised {section['error_class']}: {section.get('message')}",
            package=framework,
            evidence=_evidence(section.get("traceback_tail")),
        )
    ]


def _torch_findings(
    torch: Mapping[str, Any], facts: RunnerFacts | None, kb: KnowledgeBase
) -> list[Finding]:
    if not torch.get("present") or "error_class" in torch or torch.get("skipped"):
        return _section_error("torch", torch)
    findings: list[Finding] = []
    build = str(torch.get("torch"))
    cuda = torch.get("torch_cuda")
    on_gpu_runner = facts is not None and bool(facts.gpus)
    if facts is not None and cuda:
        floor = kb.min_driver_for_cuda(str(cuda))
        need = floor.family_floor if floor else None
        if need and not driver_at_least(facts.driver_version, need):
            findings.append(
                _finding(
                    "smoke-driver",
                    "driver-too-old",
                    Severity.ERROR,
                    f"torch {build} is built for CUDA {cuda} and needs an NVIDIA driver "
                    f">= {need}; runner {facts.runner_name} has {facts.driver_version}",
                    package="torch",
                    fix="choose a torch CUDA variant older than the fleet's driver, or "
                    "upgrade the runners' driver",
                )
            )
    if torch.get("cuda_available"):
        if torch.get("arch_supported") is False:
            capability = ".".join(str(x) for x in torch.get("capability") or ())
            findings.append(
                _finding(
                    "smoke-gpu-arch",
                    "gpu-arch-unsupported",
                    Severity.ERROR,
                    f"torch {build} has no kernels for {torch.get('device_name')} (compute "
                    f"capability {capability}); its arch list is "
                    f"{', '.join(torch.get('arch_list') or ())}",
                    package="torch",
                )
            )
        findings.extend(_check_findings("torch", torch))
    elif on_gpu_runner and not any(f.category == "driver-too-old" for f in findings):
        if cuda:
            findings.append(
                _finding(
                    "smoke-gpu-visible",
                    "smoke-failure",
                    Severity.ERROR,
                    f"torch {build} (CUDA {cuda}) cannot use the runner's GPU: "
                    f"torch.cuda.is_available() is False"
                    + (f" ({torch['cuda_error']})" if torch.get("cuda_error") else ""),
                    package="torch",
                )
            )
        else:
            findings.append(
                _finding(
                    "smoke-cpu-only",
                    "cpu-only-risk",
                    Severity.WARNING,
                    f"torch {build} is a CPU-only build: it cannot use the runner's GPU",
                    package="torch",
                    fix="install torch from the PyTorch CUDA index (or the PyPI default wheel)",
                )
            )
    return findings


def _other_framework_findings(
    name: str, section: Mapping[str, Any], facts: RunnerFacts | None
) -> list[Finding]:
    if not section.get("present") or section.get("skipped"):
        return []
    if "error_class" in section:
        return _section_error(name, section)
    findings = _check_findings(name, section)
    on_gpu_runner = facts is not None and bool(facts.gpus)
    sees_gpu = (
        bool(section.get("gpus")) if name == "tensorflow" else section.get("backend") == "gpu"
    )
    if on_gpu_runner and not sees_gpu:
        devices = ", ".join(section.get("gpus") or section.get("devices") or ()) or "none"
        findings.append(
            _finding(
                "smoke-gpu-visible",
                "smoke-failure",
                Severity.WARNING,
                f"{name} {section.get(name)} sees no GPU on the runner (devices: {devices})",
                package=name,
            )
        )
    return findings


def _pip_check_findings(result: SmokeResult, probe: Mapping[str, Any] | None) -> list[Finding]:
    step = result.step("uv-pip-check")
    text = None
    if step is not None and step.rc not in (0, None):
        text = (step.stdout + step.stderr).strip()
    pip = (probe or {}).get("pip_check") or {}
    if text is None and pip.get("available") and pip.get("rc") not in (0, None):
        text = str(pip.get("output", "")).strip()
    if not text:
        return []
    return [
        _finding(
            "smoke-pip-check",
            "smoke-failure",
            Severity.WARNING,
            "the installed environment has broken requirements (pip check)",
            evidence=_evidence(text),
        )
    ]


def classify_result(
    result: SmokeResult, facts: RunnerFacts | None = None, *, kb: KnowledgeBase | None = None
) -> list[Finding]:
    """The findings of one smoke run (empty when it passed or was cancelled)."""
    facts = facts or result.runner_facts
    if result.status == "cancelled":
        return []
    if result.status == "install-failed":
        return [
            _finding(
                "smoke-install",
                "smoke-failure",
                Severity.WARNING,
                "the resolved environment could not be installed on the GPU runner "
                "(wheels only, no sdist builds): " + _first_line(result.message),
                evidence=_evidence(result.message),
            )
        ]
    if result.status == "timeout":
        where = f" (at {result.stage})" if result.stage else ""
        return [
            _finding(
                "smoke-timeout",
                "smoke-failure",
                Severity.ERROR,
                f"the GPU smoke test did not finish within its time limit{where}: {result.message}",
                key=result.stage or "",
            )
        ]
    probe = result.probe
    crashed = result.step("probe")
    if result.status == "error" and crashed is not None and crashed.rc not in (0, None):
        where = f" at {result.stage}" if result.stage else ""
        return [
            _finding(
                "smoke-probe-crash",
                "smoke-failure",
                Severity.ERROR,
                f"the smoke probe died{where} (exit status {crashed.rc}) before reporting",
                evidence=_evidence(crashed.stderr),
                key=result.stage or "",
            )
        ]
    if result.status != "completed" or probe is None:
        return []
    kb = kb or load_kb()
    findings = _import_findings(result, probe)
    findings += _torch_findings(probe.get("torch") or {}, facts, kb)
    for name in ("tensorflow", "jax"):
        findings += _other_framework_findings(name, probe.get(name) or {}, facts)
    findings += _pip_check_findings(result, probe)
    return sorted(findings, key=lambda f: f.sort_key())


def smoke_conclusion(result: SmokeResult, findings: Iterable[Finding]) -> str:
    """The check-run conclusion of a smoke run (GitHub's vocabulary)."""
    if result.status == "cancelled":
        return "cancelled"
    if result.status == "timeout":
        return "timed_out"
    severities = {f.severity for f in findings}
    if Severity.ERROR in severities:
        return "failure"
    if result.status != "completed" or Severity.WARNING in severities:
        return "neutral"
    return "success"


# -- rendering ----------------------------------------------------------------------------

_VERDICT = {
    "success": "passed",
    "failure": "failed",
    "neutral": "finished with warnings",
    "cancelled": "was cancelled (a newer push superseded it)",
    "timed_out": "timed out",
}


def _cell(value: object) -> str:
    return html.escape(str(value), quote=False).replace("|", "\\|").replace("\n", " ")


def _fence(text: str) -> str:
    return "```text\n" + text.replace("```", "ʼʼʼ").rstrip() + "\n```"


def _runner_lines(facts: RunnerFacts | None) -> list[str]:
    if facts is None:
        return ["Runner: unknown (no facts registered)."]
    lines = ["| Runner | |", "| --- | --- |", f"| Name | `{_cell(facts.runner_name)}` |"]
    cuda = f" (CUDA {facts.cuda_driver_version} driver API)" if facts.cuda_driver_version else ""
    lines.append(f"| Driver | {_cell(facts.driver_version)}{cuda} |")
    for gpu in facts.gpus:
        memory = f", {gpu.memory_total_mib} MiB" if gpu.memory_total_mib else ""
        cap = f"compute capability {gpu.compute_capability}" if gpu.compute_capability else "?"
        lines.append(f"| GPU {gpu.index} | {_cell(gpu.name)} ({cap}{memory}) |")
    if facts.labels:
        lines.append(f"| Labels | {_cell(', '.join(facts.labels))} |")
    return lines


def _torch_lines(torch: Mapping[str, Any]) -> list[str]:
    if not torch.get("present"):
        return []
    if torch.get("skipped") or "error_class" in torch:
        return [f"**torch**: {_cell(torch.get('skipped') or torch.get('message'))}"]
    head = (
        f"**torch** {_cell(torch.get('torch'))} (CUDA {_cell(torch.get('torch_cuda'))}, "
        f"cuDNN {_cell(torch.get('cudnn'))}): "
    )
    if not torch.get("cuda_available"):
        return [
            head
            + "CUDA not available"
            + (f" — {_cell(torch['cuda_error'])}" if torch.get("cuda_error") else "")
        ]
    capability = ".".join(str(x) for x in torch.get("capability") or ())
    supported = "in" if torch.get("arch_supported") else "**not** in"
    lines = [
        head
        + f"{_cell(torch.get('device_name'))}, capability {capability} {supported} the build's "
        f"arch list ({_cell(', '.join(torch.get('arch_list') or ()))})",
        "",
        "| Check | dtype | device | max rel. error | tolerance | ms | |",
        "| --- | --- | --- | ---: | ---: | ---: | --- |",
    ]
    for check in torch.get("checks") or ():
        err = check.get("max_rel_err")
        lines.append(
            f"| {_cell(check.get('op'))} {_cell(check.get('shape', ''))} | {check.get('dtype')} "
            f"| {check.get('device')} | {'' if err is None else f'{err:.2e}'} "
            f"| {check.get('tolerance', '')} | {check.get('ms', '')} "
            f"| {'ok' if check.get('ok') else _cell(check.get('error', 'FAIL'))} |"
        )
    return lines


def _imports_lines(probe: Mapping[str, Any]) -> list[str]:
    rows = probe.get("imports") or ()
    if not rows:
        return []
    lines = ["| Import | Result | s |", "| --- | --- | ---: |"]
    for row in rows:
        if row.get("ok"):
            outcome = f"ok {_cell(row.get('version') or '')}".strip()
        else:
            outcome = f"**{_cell(row.get('classification'))}**: {_cell(row.get('error_class'))}"
        lines.append(f"| `{_cell(row.get('module'))}` | {outcome} | {row.get('import_s', '')} |")
    return lines


def _timing_line(result: SmokeResult) -> str:
    parts = [f"{s.name} {s.seconds:.1f} s" for s in result.steps]
    timings = (result.probe or {}).get("timings") or {}
    inner = [
        f"{k.removesuffix('_s')} {v:.2f} s" for k, v in sorted(timings.items()) if k != "total_s"
    ]
    text = "Timings: " + ", ".join(parts) + f"; total {result.seconds:.1f} s."
    if inner:
        text += " Inside the probe: " + ", ".join(inner) + "."
    return text


def render_smoke_section(result: SmokeResult, findings: Iterable[Finding] | None = None) -> str:
    """A collapsible Markdown section with the runner's facts, checks and timings."""
    facts = result.runner_facts
    found = list(findings) if findings is not None else classify_result(result)
    verdict = _VERDICT[smoke_conclusion(result, found)]
    where = ""
    if facts is not None:
        gpus = ", ".join(sorted({g.name for g in facts.gpus})) or "no GPU"
        name = html.escape(facts.runner_name)
        where = f" on {name} ({html.escape(gpus)}, driver {facts.driver_version})"
    summary = f"GPU smoke test {verdict}{where} in {result.seconds:.1f} s"
    body: list[str] = []
    env = f"{len(result.pins)} pinned packages"
    if result.base_environment:
        env += (
            f", {len(result.installed)} installed on top of the base environment "
            f"`{_cell(result.base_environment)}`"
        )
    body.append(
        f"Environment: {env}. Status: `{result.status}` — {_cell(_first_line(result.message))}"
    )
    body.append("")
    body += _runner_lines(facts)
    probe = result.probe or {}
    if probe:
        body += ["", f"Python {_cell(probe.get('python'))} on {_cell(probe.get('platform'))}", ""]
        body += _imports_lines(probe)
        torch = _torch_lines(probe.get("torch") or {})
        if torch:
            body += ["", *torch]
        for name in ("tensorflow", "jax"):
            section = probe.get(name) or {}
            if (
                section.get("present")
                and "error_class" not in section
                and not section.get("skipped")
            ):
                devices = section.get("gpus") if name == "tensorflow" else section.get("devices")
                body += ["", f"**{name}** {_cell(section.get(name))}: devices {_cell(devices)}"]
    if result.status in ("install-failed", "error") and result.message:
        body += ["", _fence(result.message[-3000:])]
    if found:
        body += ["", "Findings:"]
        body += [f"- **{f.severity.value}** `{f.category}`: {_cell(f.message)}" for f in found]
    body += ["", _timing_line(result)]
    return (
        "<details>\n<summary>" + summary + "</summary>\n\n" + "\n".join(body) + "\n\n</details>\n"
    )
