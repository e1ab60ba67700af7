"""Webhook service bench: depreview vs a bare FastAPI endpoint, both under uvicorn, real Redis.

Starts redis-server on a free loopback port, serves `service.app:create_app --factory` and
`bench.baselines:create_bare_app --factory` with the same uvicorn flags (1 process), then:
1. open loop: N signed `pull_request.opened` deliveries (the real fixture bytes, a new delivery id
   each) at a fixed rate; answer time from the scheduled send time, median and p99;
2. closed loop: C concurrent clients sending a fixed count, requests/s for both apps and the ratio;
3. the service's RSS (VmRSS now, VmHWM peak) from /proc.
Loopback only; every loop is bounded; everything it starts is stopped at the end.

`--celery-path` also serves the service publishing through Celery's own producer
(`bench.baselines:create_celery_path_app`) for comparison.

Load comes from a minimal HTTP/1.1 keep-alive client on asyncio streams (uvloop): httpx costs
about 2 ms of client CPU per request on a 2-core machine, so at 500/s it alone would take a
core and the bench would measure the client. `--client httpx` uses httpx anyway.

Run: uv run --frozen python bench/webhook_bench.py [--rate 500] [--count 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.redis_proc import RedisServer, free_port  # noqa: E402

PAYLOAD = ROOT / "tests" / "fixtures" / "github-webhooks" / "pull_request" / "opened.json"
SECRET = "bench-secret-0123456789abcdef"
UVICORN_FLAGS = [
    "--workers", "1", "--no-access-log", "--log-level", "warning", "--host", "127.0.0.1",
]  # fmt: skip


@dataclass
class Served:
    """One uvicorn process serving an app."""

    name: str
    proc: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/github"

    def memory_kb(self) -> dict[str, int]:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        out = {}
        for line in status.splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
        return out

    def cpu_s(self) -> float:
        return pid_cpu_s(self.proc.pid)


def pid_cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU ms per request spent by the server, redis-server and this client during a phase."""

    def __init__(self, served: Served, redis_pid: int) -> None:
        self.pids = {"server": served.proc.pid, "redis": redis_pid}
        self.start = self._now()

    def _now(self) -> dict[str, float]:
        now = {name: pid_cpu_s(pid) for name, pid in self.pids.items()}
        now["client"] = time.process_time()
        return now

    def per_request_ms(self, count: int) -> dict[str, float]:
        end = self._now()
        return {name: round((end[name] - self.start[name]) * 1000 / count, 3) for name in end}


def serve(name: str, target: str, env: dict[str, str], log: Path) -> Served:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", target, "--factory", "--port", str(port), *UVICORN_FLAGS],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited:\n{log.read_text()[-3000:]}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5)
            return Served(name, proc, port)
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{name} did not start")


def stop(served: Served) -> None:
    served.proc.terminate()
    try:
        served.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        served.proc.kill()
        served.proc.wait(timeout=10)


class Deliveries:
    """Signed deliveries of the same real payload with fresh delivery ids."""

    def __init__(self, prefix: str) -> None:
        self.body = PAYLOAD.read_bytes()
        digest = hmac.new(SECRET.encode(), self.body, hashlib.sha256).hexdigest()
        self.signature = "sha256=" + digest
        self.prefix = prefix
        self.n = 0

    def next_headers(self) -> dict[str, str]:
        self.n += 1
        return {
            "X-GitHub-Event": "pull_request",
            "X-GitHub-Delivery": f"{self.prefix}-{self.n}",
            "X-Hub-Signature-256": self.signature,
            "Content-Type": "application/json",
            "User-Agent": "GitHub-Hookshot/bench",
        }


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class _Conn:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
            f"{head}\r\n".encode()
            + body
        )
        raw = await self.reader.readuntil(b"\r\n\r\n")
        status = int(raw[9:12])
        for line in raw.split(b"\r\n")[1:]:
            if line[:15].lower() == b"content-length:":
                await self.reader.readexactly(int(line[15:]))
        return status

    def close(self) -> None:
        self.writer.close()


class RawClient:
    """Keep-alive connections on asyncio streams; opens another when all are busy (up to a cap)."""

    def __init__(self, url: str, max_connections: int) -> None:
        parsed = httpx.URL(url)
        self.host, self.port, self.path = parsed.host, parsed.port or 80, parsed.path
        self.idle: list[_Conn] = []
        self.slots = asyncio.Semaphore(max_connections)

    async def post(self, body: bytes, headers: dict[str, str]) -> int:
        async with self.slots:
            conn = (
                self.idle.pop()
                if self.idle
                else _Conn(*await asyncio.open_connection(self.host, self.port))
            )
            try:
                status = await conn.post(self.path, body, headers)
            except BaseException:
                conn.close()
                raise
            self.idle.append(conn)
            return status

    async def aclose(self) -> None:
        for conn in self.idle:
            conn.close()


class HttpxClient:
    """The same interface over httpx.AsyncClient."""

    def __init__(self, url: str, max_connections: int) -> None:
        self.url = url
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self.client = httpx.AsyncClient(limits=limits, timeout=15)

    async def post(self, body: bytes, headers: dict[str, str]) -> int:
        response = await self.client.post(self.url, content=body, headers=headers)
        return response.status_code

    async def aclose(self) -> None:
        await self.client.aclose()


Client = RawClient | HttpxClient


def make_client(kind: str, url: str, max_connections: int) -> Client:
    return (HttpxClient if kind == "httpx" else RawClient)(url, max_connections)


async def _send(client: Client, deliveries: Deliveries, codes: dict[int | str, int]) -> None:
    try:
        code: int | str = await client.post(deliveries.body, deliveries.next_headers())
    except (OSError, asyncio.IncompleteReadError, httpx.HTTPError) as error:
        code = type(error).__name__
    codes[code] = codes.get(code, 0) + 1


async def open_loop(
    client: Client, deliveries: Deliveries, rate: float, count: int
) -> dict[str, object]:
    """`count` requests at `rate`/s regardless of answers; latency from the scheduled send time."""
    latencies: list[float] = []
    codes: dict[int | str, int] = {}

    async def one(scheduled: float) -> None:
        await _send(client, deliveries, codes)
        latencies.append(time.perf_counter() - scheduled)

    tasks = []
    start = time.perf_counter() + 0.05
    for i in range(count):
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(scheduled)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    elapsed = time.perf_counter() - start
    return {
        "count": count,
        "target_rate": rate,
        "achieved_rate": round(count / elapsed, 1),
        "median_ms": round(statistics.median(latencies) * 1000, 2),
        "p90_ms": round(_pct(latencies, 0.90) * 1000, 2),
        "p99_ms": round(_pct(latencies, 0.99) * 1000, 2),
        "max_ms": round(max(latencies) * 1000, 2),
        "codes": codes,
    }


async def closed_loop(
    client: Client, deliveries: Deliveries, clients: int, count: int
) -> dict[str, object]:
    """`clients` concurrent senders share `count` requests; requests/s over the whole run."""
    codes: dict[int | str, int] = {}
    latencies: list[float] = []
    remaining = count

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            sent = time.perf_counter()
            await _send(client, deliveries, codes)
            latencies.append(time.perf_counter() - sent)

    start = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(clients))), timeout=120)
    elapsed = time.perf_counter() - start
    return {
        "clients": clients,
        "count": count,
        "req_per_s": round(count / elapsed, 1),
        "median_ms": round(statistics.median(latencies) * 1000, 2),
        "p99_ms": round(_pct(latencies, 0.99) * 1000, 2),
        "codes": codes,
    }


async def run_load(served: Served, kind: str, args: argparse.Namespace) -> dict[str, object]:
    """Warm-up, then the open loop, then the closed loop, against one served app."""
    deliveries = Deliveries(f"{served.name}-{uuid.uuid4().hex[:8]}")  # fresh ids every round
    client = make_client(kind, served.url, 256)
    try:
        warm_codes: dict[int | str, int] = {}
        for _ in range(100):
            await _send(client, deliveries, warm_codes)
        meter = CpuMeter(served, args.redis_pid)
        opened = await open_loop(client, deliveries, args.rate, args.count)
        opened["cpu_ms_per_request"] = meter.per_request_ms(args.count)
        meter = CpuMeter(served, args.redis_pid)
        closed = await closed_loop(client, deliveries, args.clients, args.closed_count)
        closed["cpu_ms_per_request"] = meter.per_request_ms(args.closed_count)
    finally:
        await client.aclose()
    return {"warmup_codes": warm_codes, "open_loop": opened, "closed_loop": closed}


def summarize(rounds: list[dict[str, Any]], names: list[str]) -> dict[str, object]:
    """Per app: the median over rounds of open-loop median/p99 and closed-loop req/s."""
    out: dict[str, object] = {}
    for name in names:
        out[name] = {
            "open_median_ms": statistics.median(r[name]["open_loop"]["median_ms"] for r in rounds),
            "open_p99_ms": statistics.median(r[name]["open_loop"]["p99_ms"] for r in rounds),
            "open_p99_ms_each_round": [r[name]["open_loop"]["p99_ms"] for r in rounds],
            "closed_req_per_s": statistics.median(
                r[name]["closed_loop"]["req_per_s"] for r in rounds
            ),
        }
    ratios = [
        r["depreview"]["closed_loop"]["req_per_s"] / r["bare"]["closed_loop"]["req_per_s"]
        for r in rounds
    ]
    out["closed_loop_ratio_depreview_over_bare_each_round"] = [round(x, 3) for x in ratios]
    out["closed_loop_ratio_depreview_over_bare_median"] = round(statistics.median(ratios), 3)
    return out


def _runner() -> asyncio.Runner:
    try:
        import uvloop
    except ImportError:
        return asyncio.Runner()
    return asyncio.Runner(loop_factory=uvloop.new_event_loop)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--closed-count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (median)")
    parser.add_argument("--client", choices=["raw", "httpx"], default="raw")
    parser.add_argument("--celery-path", action="store_true", help="also bench the Celery path")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    results: dict[str, object] = {"cpus": os.cpu_count(), "loadavg_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="depreview-bench-") as tmp:
        workdir = Path(tmp)
        redis = RedisServer(workdir / "redis")
        redis.start()
        assert redis.proc is not None
        args.redis_pid = redis.proc.pid
        env = os.environ | {
            "DEPREVIEW_WEBHOOK_SECRET": SECRET,
            "DEPREVIEW_REDIS_URL": redis.url,
            "DEPREVIEW_LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT),
        }
        servers: list[Served] = []
        try:
            service = serve("depreview", "service.app:create_app", env, workdir / "service.log")
            servers.append(service)
            bare = serve("bare", "bench.baselines:create_bare_app", env, workdir / "bare.log")
            servers.append(bare)
            results["service_rss_kb_idle"] = service.memory_kb()
            if args.celery_path:
                servers.append(
                    serve("celery-path", "bench.baselines:create_celery_path_app", env,
                          workdir / "celery-path.log")
                )  # fmt: skip
            rounds: list[dict[str, object]] = []
            for _ in range(args.repeat):  # interleaved, so outside load hits both apps alike
                one_round: dict[str, object] = {}
                for served in servers:
                    with _runner() as runner:
                        one_round[served.name] = runner.run(run_load(served, args.client, args))
                rounds.append(one_round)
            results["rounds"] = rounds
            results["summary"] = summarize(rounds, [served.name for served in servers])
            for served in servers:
                results[f"{served.name}_rss_kb"] = served.memory_kb()
            queued = int(redis.command("LLEN", "review").split(b"\r\n")[0][1:])
            results["messages_on_review_queue"] = queued
            results["deliveries_answered_202_by_depreview"] = (
                sum(
                    r["depreview"][phase]["codes"].get(202, 0)  # type: ignore[index]
                    for r in rounds
                    for phase in ("open_loop", "closed_loop")
                )
                + 100 * args.repeat
            )  # warm-up deliveries
        finally:
            for served in servers:
                stop(served)
            for log in workdir.glob("*.log"):
                tail = log.read_text(errors="replace")[-1500:]
                if "Traceback" in tail or "ERROR" in tail:
                    print(f"--- {log.name}:\n{tail}", file=sys.stderr)
            redis.stop()
    results["loadavg_after"] = os.getloadavg()
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
