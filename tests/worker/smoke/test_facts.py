"""Runner facts from the real H100's nvidia-smi output, and from a fake NVML."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from worker.smoke.facts import (
    QUERY_FIELDS,
    FactsError,
    GpuInfo,
    RunnerFacts,
    cuda_version_from_int,
    facts_from_nvidia_smi,
    facts_from_nvml,
    facts_from_query,
    merge_facts,
    parse_nvidia_smi_xml,
    parse_query_csv,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "gpu-runner"


def _system_section(title: str) -> str:
    """One `## title` section of system.txt (the real `--format=csv` query lives there)."""
    text = (FIXTURES / "system.txt").read_text()
    section = text.split(f"## {title}\n", 1)[1]
    return section.split("\n## ", 1)[0]


def test_xml_fixture_gives_driver_cuda_and_gpu() -> None:
    facts = parse_nvidia_smi_xml((FIXTURES / "nvidia-smi-q.xml").read_text(), hostname="vm")
    assert facts.driver_version == "580.159.04"
    assert facts.cuda_driver_version == "13.0"
    assert facts.gpus == (
        GpuInfo(
            index=0,
            name="NVIDIA H100 80GB HBM3",
            compute_capability=None,  # absent from the XML
            memory_total_mib=81559,
            uuid="GPU-6a76d6df-d653-83be-31cc-933a3ee971cc",
        ),
    )


def test_real_csv_with_header_and_units() -> None:
    rows = parse_query_csv(_system_section("nvidia-smi query"))
    assert [(r.name, r.driver_version, r.compute_capability, r.memory_total_mib) for r in rows] == [
        ("NVIDIA H100 80GB HBM3", "580.159.04", "9.0", 81559)
    ]


def test_derived_noheader_csv_agrees_with_the_real_one() -> None:
    derived = parse_query_csv((FIXTURES / "derived-query-noheader-nounits.csv").read_text())
    real = parse_query_csv(_system_section("nvidia-smi query"))
    assert derived == real


def test_xml_and_csv_merge_into_full_facts() -> None:
    xml = parse_nvidia_smi_xml((FIXTURES / "nvidia-smi-q.xml").read_text())
    rows = parse_query_csv((FIXTURES / "derived-query-noheader-nounits.csv").read_text())
    facts = merge_facts(xml, rows)
    assert facts.gpus[0].compute_capability == "9.0"
    assert facts.gpus[0].sm == "sm_90"
    assert facts.arches == ("sm_90",)
    assert facts.gpus[0].uuid == "GPU-6a76d6df-d653-83be-31cc-933a3ee971cc"


def test_facts_from_nvidia_smi_with_recorded_outputs() -> None:
    calls: list[list[str]] = []
    xml = (FIXTURES / "nvidia-smi-q.xml").read_text()

    def run(args: Any) -> str:
        calls.append(list(args))
        if args[0] == "-q":
            return xml
        return "0, NVIDIA H100 80GB HBM3, 580.159.04, 9.0, 81559\n"

    facts = facts_from_nvidia_smi(run, hostname="vm", labels=("h100",))
    assert calls[1][0] == "--query-gpu=index," + ",".join(QUERY_FIELDS)
    assert (facts.driver_version, facts.cuda_driver_version) == ("580.159.04", "13.0")
    assert facts.gpus[0].compute_capability == "9.0"
    assert facts.labels == ("h100",)


def test_csv_alone_needs_the_cuda_version_passed_in() -> None:
    rows = parse_query_csv((FIXTURES / "derived-query-noheader-nounits.csv").read_text())
    facts = facts_from_query(rows, hostname="vm", cuda_driver_version="13.0")
    assert (facts.driver_version, facts.gpus[0].memory_total_mib) == ("580.159.04", 81559)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<nvidia_smi_log><gpu>", "not well-formed"),
        ("<other/>", "not an nvidia-smi log"),
        ("<nvidia_smi_log><driver_version>N/A</driver_version></nvidia_smi_log>", "driver_version"),
    ],
)
def test_bad_xml_is_a_facts_error(text: str, error: str) -> None:
    with pytest.raises(FactsError, match=error):
        parse_nvidia_smi_xml(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("GPU, 1.0, [N/A], [N/A]\n", [("GPU", "1.0", None, None)]),
        (
            "A, 550.1, 8.6, 24564\nB, 550.1, 8.9, 49140\n",
            [("A", "550.1", "8.6", 24564), ("B", "550.1", "8.9", 49140)],
        ),
    ],
)
def test_csv_rows(text: str, expected: list[tuple[Any, ...]]) -> None:
    rows = parse_query_csv(text)
    assert [
        (r.name, r.driver_version, r.compute_capability, r.memory_total_mib) for r in rows
    ] == expected
    assert [r.index for r in rows] == list(range(len(expected)))


def test_csv_with_wrong_column_count_is_an_error() -> None:
    with pytest.raises(FactsError, match="has 2 values, expected 4"):
        parse_query_csv("GPU, 550.1\n")


@pytest.mark.parametrize(
    ("value", "text"), [(13000, "13.0"), (12080, "12.8"), (11080, "11.8"), (12020, "12.2")]
)
def test_cuda_version_from_nvml_integer(value: int, text: str) -> None:
    assert cuda_version_from_int(value) == text


class FakeNvml:
    """NVML's API answering what the fixture H100 reports."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def nvmlInit(self) -> None:
        self.calls.append("init")

    def nvmlShutdown(self) -> None:
        self.calls.append("shutdown")

    def nvmlSystemGetDriverVersion(self) -> str:
        return "580.159.04"

    def nvmlSystemGetCudaDriverVersion_v2(self) -> int:
        return 13000

    def nvmlDeviceGetCount(self) -> int:
        return 1

    def nvmlDeviceGetHandleByIndex(self, index: int) -> int:
        return index

    def nvmlDeviceGetName(self, handle: int) -> bytes:
        return b"NVIDIA H100 80GB HBM3"  # older nvidia-ml-py returns bytes

    def nvmlDeviceGetUUID(self, handle: int) -> str:
        return "GPU-6a76d6df-d653-83be-31cc-933a3ee971cc"

    def nvmlDeviceGetCudaComputeCapability(self, handle: int) -> tuple[int, int]:
        return (9, 0)

    def nvmlDeviceGetMemoryInfo(self, handle: int) -> Any:
        return SimpleNamespace(total=81559 * 1024 * 1024)


def test_nvml_facts_match_the_smi_facts() -> None:
    nvml = FakeNvml()
    via_nvml = facts_from_nvml(nvml, hostname="vm")
    xml = parse_nvidia_smi_xml((FIXTURES / "nvidia-smi-q.xml").read_text(), hostname="vm")
    via_smi = merge_facts(
        xml, parse_query_csv((FIXTURES / "derived-query-noheader-nounits.csv").read_text())
    )
    assert via_nvml == via_smi
    assert nvml.calls == ["init", "shutdown"]


def test_facts_round_trip_through_json_dict() -> None:
    facts = RunnerFacts(
        hostname="vm",
        driver_version="580.159.04",
        cuda_driver_version="13.0",
        gpus=(GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559, "GPU-x"),),
        labels=("h100", "big"),
        name="runner-1",
    )
    assert RunnerFacts.from_dict(facts.to_dict()) == facts


@pytest.mark.parametrize(
    "data", [{}, {"hostname": "x", "driver_version": "1", "gpus": [{"index": "a"}]}]
)
def test_malformed_facts_dict(data: dict[str, Any]) -> None:
    with pytest.raises(FactsError):
        RunnerFacts.from_dict(data)
