"""What a GPU runner is: driver, CUDA driver API, GPUs; read from nvidia-smi or NVML."""

from __future__ import annotations

import csv
import io
import logging
import re
import shutil
import socket
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)

#: The `--query-gpu` fields read by default, in this order.
QUERY_FIELDS: tuple[str, ...] = ("name", "driver_version", "compute_cap", "memory.total")

_NVIDIA_SMI_TIMEOUT_S = 20.0


class FactsError(ValueError):
    """The tool output could not be read as runner facts."""


@dataclass(frozen=True, slots=True)
class GpuInfo:
    """One GPU as the driver reports it."""

    index: int
    name: str
    compute_capability: str | None = None
    memory_total_mib: int | None = None
    uuid: str | None = None

    @property
    def sm(self) -> str | None:
        """The `sm_XY` name of the compute capability (`9.0` → `sm_90`)."""
        if self.compute_capability is None:
            return None
        major, _, minor = self.compute_capability.partition(".")
        return f"sm_{major}{minor or '0'}"


@dataclass(frozen=True, slots=True)
class RunnerFacts:
    """A GPU runner's facts, registered in Redis and used to route smoke jobs."""

    hostname: str
    driver_version: str
    cuda_driver_version: str | None
    gpus: tuple[GpuInfo, ...]
    labels: tuple[str, ...] = ()
    name: str = ""

    @property
    def runner_name(self) -> str:
        """The registry name: `name` when set, else the host name."""
        return self.name or self.hostname

    @property
    def arches(self) -> tuple[str, ...]:
        """The distinct `sm_XY` of the runner's GPUs, in GPU order."""
        seen: dict[str, None] = {}
        for gpu in self.gpus:
            if gpu.sm is not None:
                seen.setdefault(gpu.sm, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (the registry format)."""
        return {
            "name": self.runner_name,
            "hostname": self.hostname,
            "driver_version": self.driver_version,
            "cuda_driver_version": self.cuda_driver_version,
            "labels": list(self.labels),
            "gpus": [
                {
                    "index": g.index,
                    "name": g.name,
                    "uuid": g.uuid,
                    "compute_capability": g.compute_capability,
                    "memory_total_mib": g.memory_total_mib,
                }
                for g in self.gpus
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunnerFacts:
        """The inverse of `to_dict`; raises `FactsError` on a malformed document."""
        try:
            gpus = tuple(
                GpuInfo(
                    index=int(g["index"]),
                    name=str(g["name"]),
                    uuid=None if g.get("uuid") is None else str(g["uuid"]),
                    compute_capability=_opt_str(g.get("compute_capability")),
                    memory_total_mib=_opt_int(g.get("memory_total_mib")),
                )
                for g in data["gpus"]
            )
            return cls(
                hostname=str(data["hostname"]),
                driver_version=str(data["driver_version"]),
                cuda_driver_version=_opt_str(data.get("cuda_driver_version")),
                gpus=gpus,
                labels=tuple(str(x) for x in data.get("labels", ())),
                name=str(data.get("name") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FactsError(f"malformed runner facts: {exc}") from exc


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | str | float):
        return int(value)
    raise TypeError(f"not an integer: {value!r}")


def _clean(value: str | None) -> str | None:
    """None for nvidia-smi's placeholders (`N/A`, `[N/A]`, `[Not Supported]`, empty)."""
    if value is None:
        return None
    text = value.strip()
    if not text or text.strip("[]").lower() in {"n/a", "not supported", "unknown error"}:
        return None
    return text


def _mib(value: str | None) -> int | None:
    """`81559 MiB` or `81559` → 81559."""
    text = _clean(value)
    if text is None:
        return None
    match = re.fullmatch(r"(\d+)(?:\s*MiB)?", text)
    return int(match.group(1)) if match else None


def cuda_version_from_int(value: int) -> str:
    """NVML's CUDA driver version integer (13000) → `13.0`."""
    return f"{value // 1000}.{(value % 1000) // 10}"


def parse_nvidia_smi_xml(
    text: str, *, hostname: str = "", labels: Sequence[str] = ()
) -> RunnerFacts:
    """Runner facts from `nvidia-smi -q -x` (compute capability is absent there: None)."""
    try:
        # Output of the local nvidia-smi binary, not of a PR; the DTD is not fetched.
        root = ET.fromstring(text)  # noqa: S314
    except ET.ParseError as exc:
        raise FactsError(f"nvidia-smi XML is not well-formed: {exc}") from exc
    if root.tag != "nvidia_smi_log":
        raise FactsError(f"not an nvidia-smi log: root element <{root.tag}>")
    driver = _clean(root.findtext("driver_version"))
    if driver is None:
        raise FactsError("nvidia-smi XML has no driver_version")
    gpus: list[GpuInfo] = []
    for position, gpu in enumerate(root.findall("gpu")):
        minor = _clean(gpu.findtext("minor_number"))
        gpus.append(
            GpuInfo(
                index=position if minor is None or not minor.isdigit() else int(minor),
                name=_clean(gpu.findtext("product_name")) or "unknown GPU",
                uuid=_clean(gpu.findtext("uuid")),
                compute_capability=_clean(gpu.findtext("compute_cap")),
                memory_total_mib=_mib(gpu.findtext("fb_memory_usage/total")),
            )
        )
    return RunnerFacts(
        hostname=hostname,
        driver_version=driver,
        cuda_driver_version=_clean(root.findtext("cuda_version")),
        gpus=tuple(gpus),
        labels=tuple(labels),
    )


@dataclass(frozen=True, slots=True)
class QueryRow:
    """One row of `nvidia-smi --query-gpu=... --format=csv`."""

    index: int
    name: str
    driver_version: str | None
    compute_capability: str | None
    memory_total_mib: int | None
    uuid: str | None


def parse_query_csv(text: str, fields: Sequence[str] = QUERY_FIELDS) -> list[QueryRow]:
    """Rows of a `--query-gpu` CSV, with or without header and units.

    With a header line (`--format=csv`) the columns are read from it; without one
    (`noheader`) they are `fields`. Missing columns give None.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    columns = [f.strip() for f in fields]
    header_names = [re.sub(r"\s*\[.*?\]\s*$", "", c.strip()) for c in lines[0].split(",")]
    if "name" in header_names or "driver_version" in header_names:
        columns = header_names
        lines = lines[1:]
    rows: list[QueryRow] = []
    for position, values in enumerate(
        csv.reader(io.StringIO("\n".join(lines)), skipinitialspace=True)
    ):
        if len(values) != len(columns):
            raise FactsError(
                f"nvidia-smi CSV row {position + 1} has {len(values)} values, "
                f"expected {len(columns)} ({', '.join(columns)})"
            )
        cell = dict(zip(columns, (v.strip() for v in values), strict=True))
        index_text = _clean(cell.get("index"))
        rows.append(
            QueryRow(
                index=int(index_text) if index_text and index_text.isdigit() else position,
                name=_clean(cell.get("name")) or "unknown GPU",
                driver_version=_clean(cell.get("driver_version")),
                compute_capability=_clean(cell.get("compute_cap")),
                memory_total_mib=_mib(cell.get("memory.total")),
                uuid=_clean(cell.get("uuid")),
            )
        )
    return rows


def facts_from_query(
    rows: Sequence[QueryRow],
    *,
    hostname: str = "",
    cuda_driver_version: str | None = None,
    labels: Sequence[str] = (),
) -> RunnerFacts:
    """Runner facts from query rows (the CSV has no CUDA driver version: pass it in)."""
    drivers = {r.driver_version for r in rows if r.driver_version}
    if not drivers:
        raise FactsError("nvidia-smi CSV has no driver_version")
    gpus = tuple(
        GpuInfo(
            index=r.index,
            name=r.name,
            compute_capability=r.compute_capability,
            memory_total_mib=r.memory_total_mib,
            uuid=r.uuid,
        )
        for r in rows
    )
    return RunnerFacts(
        hostname=hostname,
        driver_version=sorted(drivers)[0],
        cuda_driver_version=cuda_driver_version,
        gpus=gpus,
        labels=tuple(labels),
    )


def merge_facts(xml_facts: RunnerFacts, rows: Sequence[QueryRow]) -> RunnerFacts:
    """The XML facts with the compute capabilities (and gaps) filled in from query rows."""
    by_index = {r.index: r for r in rows}
    gpus: list[GpuInfo] = []
    for gpu in xml_facts.gpus:
        row = by_index.get(gpu.index)
        if row is None:
            gpus.append(gpu)
            continue
        gpus.append(
            replace(
                gpu,
                compute_capability=gpu.compute_capability or row.compute_capability,
                memory_total_mib=gpu.memory_total_mib or row.memory_total_mib,
                uuid=gpu.uuid or row.uuid,
            )
        )
    return replace(xml_facts, gpus=tuple(gpus))


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def facts_from_nvml(
    nvml: ModuleType | Any, *, hostname: str = "", labels: Sequence[str] = ()
) -> RunnerFacts:
    """Runner facts through NVML (`pynvml` from nvidia-ml-py, or a fake with its API)."""
    nvml.nvmlInit()
    try:
        driver = _text(nvml.nvmlSystemGetDriverVersion())
        cuda = cuda_version_from_int(int(nvml.nvmlSystemGetCudaDriverVersion_v2()))
        gpus: list[GpuInfo] = []
        for index in range(int(nvml.nvmlDeviceGetCount())):
            handle = nvml.nvmlDeviceGetHandleByIndex(index)
            major, minor = nvml.nvmlDeviceGetCudaComputeCapability(handle)
            memory = nvml.nvmlDeviceGetMemoryInfo(handle)
            gpus.append(
                GpuInfo(
                    index=index,
                    name=_text(nvml.nvmlDeviceGetName(handle)),
                    uuid=_text(nvml.nvmlDeviceGetUUID(handle)),
                    compute_capability=f"{major}.{minor}",
                    memory_total_mib=int(memory.total) // (1024 * 1024),
                )
            )
    finally:
        nvml.nvmlShutdown()
    return RunnerFacts(
        hostname=hostname,
        driver_version=driver,
        cuda_driver_version=cuda,
        gpus=tuple(gpus),
        labels=tuple(labels),
    )


CommandRunner = Callable[[Sequence[str]], str]


def _run_nvidia_smi(args: Sequence[str]) -> str:
    exe = shutil.which("nvidia-smi")
    if exe is None:
        raise FileNotFoundError("nvidia-smi not found on PATH")
    done = subprocess.run(
        [exe, *args], capture_output=True, text=True, timeout=_NVIDIA_SMI_TIMEOUT_S, check=True
    )
    return done.stdout


def facts_from_nvidia_smi(
    run: CommandRunner = _run_nvidia_smi, *, hostname: str = "", labels: Sequence[str] = ()
) -> RunnerFacts:
    """Runner facts from `nvidia-smi -q -x` completed by the `--query-gpu` CSV."""
    xml_facts = parse_nvidia_smi_xml(run(["-q", "-x"]), hostname=hostname, labels=labels)
    fields = ("index", *QUERY_FIELDS)
    query = run([f"--query-gpu={','.join(fields)}", "--format=csv,noheader,nounits"])
    return merge_facts(xml_facts, parse_query_csv(query, fields))


def read_runner_facts(*, labels: Sequence[str] = (), name: str = "") -> RunnerFacts | None:
    """This host's facts: NVML first, then nvidia-smi; None when no NVIDIA GPU is usable."""
    hostname = socket.gethostname()
    try:
        import pynvml

        facts = facts_from_nvml(pynvml, hostname=hostname, labels=labels)
        if facts.gpus:
            return replace(facts, name=name)
    except Exception as exc:  # NVML raises its own error types; any failure means "try smi"
        logger.info("NVML unavailable, trying nvidia-smi", extra={"error": str(exc)})
    try:
        facts = facts_from_nvidia_smi(hostname=hostname, labels=labels)
    except (OSError, subprocess.SubprocessError, FactsError) as exc:
        logger.info("nvidia-smi unavailable: no GPU facts", extra={"error": str(exc)})
        return None
    return replace(facts, name=name) if facts.gpus else None
