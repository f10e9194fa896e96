#!/usr/bin/env python3
"""Time Signpost against Hugo (and Zola, when installed) on the synthetic corpus.

    python3 bench/run.py [--sizes 1000,10000] [--runs 3] [--tools signpost,hugo,zola]
                         [--no-build-signpost] [--seed 1] [--work /tmp/signpost-bench]

It reports; it never asserts: the exit code is 0 unless the arguments are wrong.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
import gen_corpus  # noqa: E402

SIGNPOST = REPO / "target" / "release" / "signpost"
TIME = "/usr/bin/time"
ALL_TOOLS = ("signpost", "hugo", "zola")


def log(msg: str = ""):
    print(msg, flush=True)


def tail(text: str, lines: int = 15) -> str:
    rows = text.strip().splitlines()
    return "\n".join("    " + r for r in rows[-lines:])


# --------------------------------------------------------------------------
# Running one timed command
# --------------------------------------------------------------------------


def parse_time_v(text: str) -> dict:
    out = {}
    for key, pattern in [
        ("user", r"User time \(seconds\): ([\d.]+)"),
        ("sys", r"System time \(seconds\): ([\d.]+)"),
        ("rss_kib", r"Maximum resident set size \(kbytes\): (\d+)"),
        ("exit", r"Exit status: (\d+)"),
    ]:
        m = re.search(pattern, text)
        if m:
            out[key] = float(m.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):
            secs = secs * 60 + float(part)
        out["elapsed"] = secs
    return out


def du_mib(path: Path) -> float:
    try:
        r = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
        return int(r.stdout.split()[0]) / 1024
    except (subprocess.CalledProcessError, ValueError, IndexError):
        return float("nan")


def count_html(path: Path) -> int:
    n = 0
    for _, _, files in os.walk(path):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


def timed(cmd: list[str], quiet_stderr: bool, timeout: float, cwd: Path | None = None) -> dict:
    """Runs cmd under /usr/bin/time -v. Returns wall, cpu, rss, ok, and an error tail."""
    with tempfile.NamedTemporaryFile("r", prefix="time-", suffix=".txt", delete=False) as tf:
        time_file = tf.name
    err_file = tempfile.NamedTemporaryFile("w+", prefix="stderr-", suffix=".txt", delete=False)
    full = [TIME, "-v", "-o", time_file] + cmd
    start = time.perf_counter()
    timed_out = False
    try:
        proc = subprocess.Popen(
            full,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if quiet_stderr else err_file,
            start_new_session=True,
        )
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            rc = proc.wait()
    except OSError as e:
        err_file.close()
        os.unlink(err_file.name)
        os.unlink(time_file)
        return {"ok": False, "error": f"could not start {cmd[0]}: {e}"}
    wall = time.perf_counter() - start
    err_file.seek(0)
    stderr = err_file.read()
    err_file.close()
    os.unlink(err_file.name)
    tv = parse_time_v(Path(time_file).read_text(errors="replace"))
    os.unlink(time_file)
    res = {
        "ok": rc == 0 and not timed_out,
        "rc": rc,
        "wall": wall,
        "cpu": tv.get("user", float("nan")) + tv.get("sys", float("nan")),
        "rss_mib": tv.get("rss_kib", float("nan")) / 1024,
    }
    if timed_out:
        res["error"] = f"timed out after {timeout:.0f} s"
    elif rc != 0:
        if quiet_stderr:
            # Run it again, untimed, to show why it failed.
            again = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
            stderr = again.stderr + again.stdout
        res["error"] = f"exit code {rc}\n" + tail(stderr)
    return res


# --------------------------------------------------------------------------
# Jobs
# --------------------------------------------------------------------------


class Job:
    def __init__(self, name: str, tool: str, make_cmd, quiet_stderr: bool, writes_output: bool):
        self.name = name
        self.tool = tool
        self.make_cmd = make_cmd  # (out_dir: Path) -> list[str]
        self.quiet_stderr = quiet_stderr
        self.writes_output = writes_output
        self.runs: list[dict] = []


def zola_force_supported(zola: str) -> bool:
    try:
        r = subprocess.run([zola, "build", "--help"], capture_output=True, text=True, timeout=30)
        return "--force" in r.stdout + r.stderr
    except (OSError, subprocess.TimeoutExpired):
        return False


def run_job(job: Job, out_root: Path, timeout: float) -> dict:
    out_parent = Path(tempfile.mkdtemp(prefix=f"{job.name.replace(' ', '-')}-", dir=out_root))
    out = out_parent / "site"
    out.mkdir()  # a fresh, empty output folder
    cmd = job.make_cmd(out)
    load = os.getloadavg()[0]
    res = timed(cmd, job.quiet_stderr, timeout)
    res["load1"] = load
    if res.get("ok") and job.writes_output:
        res["out_mib"] = du_mib(out)
        res["html"] = count_html(out)
    # Outputs are deleted after all timed runs (with out_root), not here: on
    # ext4, creating thousands of files within seconds of deleting thousands
    # makes the kernel search its inode tables for "recently deleted"
    # inodes, which slowed whichever tool ran next by seconds, and more at
    # 10,000 pages than at 1,000.
    res["cmd"] = shlex.join(cmd)
    job.runs.append(res)
    return res


def describe(res: dict) -> str:
    if not res.get("ok"):
        return "FAILED: " + res.get("error", "?")
    extra = f", {res['out_mib']:.1f} MiB out, {res['html']} HTML" if "out_mib" in res else ""
    return (f"{res['wall']:.2f} s wall, {res['cpu']:.2f} s CPU, {res['rss_mib']:.0f} MiB RSS{extra} "
            f"(load {res['load1']:.1f} before)")


# --------------------------------------------------------------------------
# Statistics and tables
# --------------------------------------------------------------------------


def med(values):
    values = [v for v in values if v == v]  # drop NaN
    return statistics.median(values) if values else float("nan")


def summary(job: Job) -> dict | None:
    ok = [r for r in job.runs if r.get("ok")]
    if not ok:
        return None
    return {
        "n": len(ok),
        "of": len(job.runs),
        "wall": med([r["wall"] for r in ok]),
        "wall_min": min(r["wall"] for r in ok),
        "wall_max": max(r["wall"] for r in ok),
        "rss": med([r["rss_mib"] for r in ok]),
        "cpu_ratio": med([r["cpu"] / r["wall"] for r in ok if r["wall"] > 0]),
        "cpu": med([r["cpu"] for r in ok]),
        "load": med([r.get("load1", float("nan")) for r in ok]),
        "out_mib": med([r.get("out_mib", float("nan")) for r in ok]),
        "html": max((r.get("html", 0) for r in ok), default=0),
    }


def fmt(v, spec=".2f", none="n/a"):
    if v is None or v != v:
        return none
    return format(v, spec)


def size_table(size: int, jobs: list[Job]) -> str:
    rows = []
    hugo = next((summary(j) for j in jobs if j.tool == "hugo" and j.writes_output), None)
    head = ("| tool | median wall s | wall min–max s | pages/s | median peak RSS MiB | output MiB | HTML files "
            "| CPU/wall | wall vs Hugo | RSS vs Hugo | median CPU s | CPU vs Hugo |")
    rows.append(head)
    rows.append("|" + "---|" * (head.count("|") - 1))
    for job in jobs:
        if not job.writes_output:
            continue
        s = summary(job)
        if s is None:
            rows.append(f"| {job.name} | failed ({len(job.runs)}/{len(job.runs)} runs) | | | | | | | | | | |")
            continue
        runs_note = "" if s["n"] == s["of"] else f" ({s['n']}/{s['of']} ok)"
        wall_ratio = s["wall"] / hugo["wall"] if hugo else None
        rss_ratio = s["rss"] / hugo["rss"] if hugo else None
        rows.append(
            f"| {job.name}{runs_note} | {fmt(s['wall'])} | {fmt(s['wall_min'])}–{fmt(s['wall_max'])} "
            f"| {fmt(size / s['wall'], '.0f')} | {fmt(s['rss'], '.0f')} | {fmt(s['out_mib'], '.1f')} | {s['html']} "
            f"| {fmt(s['cpu_ratio'])} | {fmt(wall_ratio) + '×' if wall_ratio else 'n/a'} "
            f"| {fmt(rss_ratio) + '×' if rss_ratio else 'n/a'} "
            f"| {fmt(s['cpu'])} | {fmt(s['cpu'] / hugo['cpu']) + '×' if hugo else 'n/a'} |"
        )
    return "\n".join(rows)


def check_line(size: int, jobs: list[Job]) -> str:
    check = next((j for j in jobs if j.name == "signpost check"), None)
    build = next((summary(j) for j in jobs if j.name == "signpost build"), None)
    if check is None:
        return ""
    s = summary(check)
    if s is None:
        return f"`signpost check` ({size} pages): failed in all {len(check.runs)} runs."
    ratio = f"; {s['wall'] / build['wall']:.2f}× the time of `signpost build`" if build else ""
    note = "" if s["n"] == s["of"] else f" ({s['n']}/{s['of']} runs ok)"
    return (f"`signpost check` ({size} pages){note}: median {s['wall']:.2f} s wall "
            f"(min–max {s['wall_min']:.2f}–{s['wall_max']:.2f}), {size / s['wall']:.0f} pages/s, "
            f"peak RSS {s['rss']:.0f} MiB, CPU/wall {s['cpu_ratio']:.2f}{ratio}.")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def ensure_corpus(work: Path, size: int, seed: int, tool: str) -> Path:
    root = work / f"corpus-{size}-seed{seed}" / tool
    want = {"pages": size, "seed": seed, "generator": gen_corpus.generator_digest(), "tool": tool}
    marker = root / gen_corpus.MARKER
    if marker.is_file():
        try:
            if json.loads(marker.read_text()) == want:
                log(f"  corpus {size} for {tool}: reusing {root}")
                return root
        except (OSError, ValueError):
            pass
    log(f"  corpus {size} for {tool}: generating into {root}")
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, str(HERE / "gen_corpus.py"), "--pages", str(size), "--seed", str(seed),
         "--out", str(root), "--tool", tool],
        capture_output=True, text=True,
    )
    if r.returncode != 0:
        raise RuntimeError(f"gen_corpus failed:\n{tail(r.stderr)}")
    log(f"    {r.stderr.strip()} ({time.perf_counter() - t0:.1f} s)")
    return root


def defaults_corpus(corpus: Path) -> Path:
    """The Signpost corpus with its shipped settings: the same files, hard
    linked (so a 100,000-page corpus costs no space), and a site.yaml
    without the line that turns booklets off."""
    root = corpus.parent / "signpost-defaults"
    marker = (corpus / gen_corpus.MARKER).read_text()
    if (root / gen_corpus.MARKER).is_file() and (root / gen_corpus.MARKER).read_text() == marker:
        log(f"  corpus with Signpost's defaults: reusing {root}")
        return root
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(corpus, root, copy_function=os.link)
    config = root / "site.yaml"
    text = config.read_text()
    config.unlink()  # break the hard link before writing
    kept = [line for line in text.splitlines() if not line.startswith("booklets:")
            and "no printable booklets" not in line]
    config.write_text("\n".join(kept) + "\n")
    log(f"  corpus with Signpost's defaults (booklets on): {root}")
    return root


def machine_info() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({model}), {mem}, load average {load}"


def version(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark Signpost against Hugo and Zola.")
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated page counts (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each tool per size (default 3)")
    ap.add_argument("--tools", default="signpost,hugo,zola", help="comma-separated: signpost, hugo, zola")
    ap.add_argument("--no-build-signpost", action="store_true", help="use target/release/signpost as it is")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/signpost-bench"), help="corpora and outputs")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before one run is killed (default 900)")
    ap.add_argument("--defaults", action="store_true",
                    help="also build with Signpost's shipped settings (booklets on): the headline row")
    ap.add_argument("--tmpfs", action="store_true",
                    help="write every tool's output under /dev/shm, so disk noise does not swamp the ratios")
    args = ap.parse_args()

    command = shlex.join(["python3"] + sys.argv)
    log(f"Command: `{command}` (in {os.getcwd()})")
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error("--sizes must be whole numbers separated by commas")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in tools:
        if t not in ALL_TOOLS:
            ap.error(f"unknown tool {t!r}; use {', '.join(ALL_TOOLS)}")
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not Path(TIME).is_file():
        log(f"{TIME} is missing (apt-get install time); cannot measure.")
        return 0
    started = time.perf_counter()

    args.work.mkdir(parents=True, exist_ok=True)
    # Tools.
    paths = {}
    built = "unknown"
    if "signpost" in tools:
        if not args.no_build_signpost:
            log("Building Signpost: cargo build --release")
            t0 = time.perf_counter()
            r = subprocess.run(["cargo", "build", "--release"], cwd=REPO, capture_output=True, text=True)
            if r.returncode != 0:
                log("  cargo build failed:\n" + tail(r.stderr, 25))
            else:
                log(f"  done in {time.perf_counter() - t0:.0f} s")
        if SIGNPOST.is_file():
            # Time a private copy: target/release/signpost may be rebuilt by
            # someone else while the benchmark runs.
            frozen = args.work / "bin" / "signpost"
            frozen.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(SIGNPOST, frozen)
            built = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(SIGNPOST.stat().st_mtime))
            paths["signpost"] = str(frozen)
        else:
            log(f"  {SIGNPOST} does not exist; skipping Signpost")
    for t in ("hugo", "zola"):
        if t in tools:
            found = shutil.which(t)
            if found:
                paths[t] = found
            else:
                log(f"{t} is not on PATH; skipping it")
    active = [t for t in tools if t in paths]
    if not active:
        log("No tool to run.")
        return 0
    zola_force = "zola" in paths and zola_force_supported(paths["zola"])

    info = [f"Machine: {machine_info()}"]
    if "signpost" in paths:
        head = version(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
        info.append(f"Signpost: {SIGNPOST} as built at {built} (HEAD {head}, working tree as found), "
                    f"copied to {paths['signpost']} for the runs")
    if "hugo" in paths:
        info.append(f"Hugo: {version([paths['hugo'], 'version'])}")
    if "zola" in paths:
        info.append(f"Zola: {version([paths['zola'], '--version'])}")
    for line in info:
        log(line)

    args.work.mkdir(parents=True, exist_ok=True)
    out_root = args.work / "out"
    if args.tmpfs:
        out_root = Path("/dev/shm") / f"signpost-bench-out-{os.getpid()}"
        info.append(f"Outputs on tmpfs: {out_root}")
    # An earlier run's outputs are moved aside and deleted at the end, so no
    # timed run follows a mass deletion (see run_job).
    stale = None
    if out_root.exists():
        stale = args.work / f"out-old-{os.getpid()}"
        out_root.rename(stale)
    out_root.mkdir()

    results: dict[int, list[Job]] = {}
    for size in sizes:
        log(f"\n== {size} pages ==")
        corpora = {}
        try:
            for t in active:
                corpora[t] = ensure_corpus(args.work, size, args.seed, t)
        except RuntimeError as e:
            log(f"  {e}")
            continue
        jobs: list[Job] = []
        if "signpost" in active and args.defaults:
            c = defaults_corpus(corpora["signpost"])
            jobs.append(Job("signpost build (defaults)", "signpost",
                            lambda out, c=c: [paths["signpost"], "build", "--root", str(c), "--out", str(out), "--quiet"],
                            quiet_stderr=True, writes_output=True))
        if "signpost" in active:
            c = corpora["signpost"]
            jobs.append(Job("signpost build", "signpost",
                            lambda out, c=c: [paths["signpost"], "build", "--root", str(c), "--out", str(out), "--quiet"],
                            quiet_stderr=True, writes_output=True))
        if "hugo" in active:
            c = corpora["hugo"]
            jobs.append(Job("hugo", "hugo",
                            lambda out, c=c: [paths["hugo"], "--minify", "--quiet", "-s", str(c), "-d", str(out)],
                            quiet_stderr=False, writes_output=True))
        if "zola" in active:
            c = corpora["zola"]

            def zola_cmd(out, c=c):
                if zola_force:
                    return [paths["zola"], "--root", str(c), "build", "--output-dir", str(out), "--force"]
                shutil.rmtree(out)  # older Zola wants a folder that does not exist yet
                return [paths["zola"], "--root", str(c), "build", "--output-dir", str(out)]

            jobs.append(Job("zola", "zola", zola_cmd, quiet_stderr=False, writes_output=True))
        if "signpost" in active:
            c = corpora["signpost"]
            jobs.append(Job("signpost check", "signpost",
                            lambda out, c=c: [paths["signpost"], "check", "--root", str(c)],
                            quiet_stderr=True, writes_output=False))
        # Alternate: A B C D, A B C D, ... so slow drifts in machine load hit every tool alike.
        for i in range(args.runs):
            for job in jobs:
                res = run_job(job, out_root, args.timeout)
                log(f"  run {i + 1}/{args.runs} {job.name:15} {describe(res)}")
        results[size] = jobs

    # The bundled guide.
    guide = None
    if "signpost" in paths:
        log("\n== bundled guide ==")
        guide = Job("guide build", "signpost",
                    lambda out: [paths["signpost"], "build", "--root", str(REPO), "--out", str(out), "--quiet"],
                    quiet_stderr=True, writes_output=True)
        for i in range(args.runs):
            res = run_job(guide, out_root, args.timeout)
            log(f"  run {i + 1}/{args.runs} guide build     {describe(res)}")

    # Report.
    report = [f"Command: `{command}`", ""] + [f"- {line}" for line in info]
    report.append(f"- Runs per tool and size: {args.runs}, alternating "
                  + " → ".join(j.name for j in next(iter(results.values()), [])) + f"; corpus seed {args.seed}.")
    report.append("- pages = Markdown files in content/ (each becomes one HTML page); "
                  "output MiB = `du -sk` of the output folder; CPU = user+sys from `/usr/bin/time -v`; "
                  "CPU/wall is the median of each run's ratio.")
    loads = [r["load1"] for jobs in results.values() for j in jobs for r in j.runs if "load1" in r]
    if loads:
        report.append(f"- 1-minute load average before each run: median {med(loads):.1f}, "
                      f"min {min(loads):.1f}, max {max(loads):.1f} (with {os.cpu_count()} CPUs, "
                      f"anything above {os.cpu_count()} means other work competed for them).")
    for size, jobs in results.items():
        report += ["", f"### {size} pages", "", size_table(size, jobs)]
        line = check_line(size, jobs)
        if line:
            report += ["", line]
        for job in jobs:
            for r in job.runs:
                if not r.get("ok"):
                    report += ["", f"{job.name} failed: `{r['cmd']}`", "```", r.get("error", "?"), "```"]
                    break
    if guide is not None:
        s = summary(guide)
        report.append("")
        if s:
            report.append(f"Bundled guide (`signpost build --root {REPO} --out …`): median {s['wall']:.3f} s wall "
                          f"(min–max {s['wall_min']:.3f}–{s['wall_max']:.3f}), peak RSS {s['rss']:.0f} MiB, "
                          f"{s['html']} HTML files, {s['out_mib']:.1f} MiB output, CPU/wall {s['cpu_ratio']:.2f}.")
        else:
            report.append("Bundled guide build failed:\n```\n" + guide.runs[-1].get("error", "?") + "\n```")
    if len(results) >= 2:
        small, large = min(results), max(results)
        report.append("")
        for tool_name in ("signpost build (defaults)", "signpost build", "signpost check", "hugo", "zola"):
            a = next((summary(j) for j in results[small] if j.name == tool_name), None)
            b = next((summary(j) for j in results[large] if j.name == tool_name), None)
            if a and b:
                report.append(f"Scaling {tool_name}({large})/{tool_name}({small}): wall {b['wall'] / a['wall']:.2f}×, "
                              f"CPU {b['cpu'] / a['cpu']:.2f}×, peak RSS {b['rss'] / a['rss']:.2f}× "
                              f"for {large / small:.0f}× the pages.")
    report.append("")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    report.append(f"Total benchmark time: {time.perf_counter() - started:.0f} s; load average at the end {load}.")
    text = "\n".join(report)
    log("\n" + "=" * 72 + "\n")
    log(text)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (args.work / f"report-{stamp}.md").write_text(text + "\n")
    raw = {str(size): {j.name: j.runs for j in jobs} for size, jobs in results.items()}
    if guide is not None:
        raw["guide"] = {guide.name: guide.runs}
    (args.work / f"results-{stamp}.json").write_text(json.dumps({"command": command, "info": info, "runs": raw}, indent=1))
    log(f"\n(Report saved to {args.work / f'report-{stamp}.md'} and raw runs to results-{stamp}.json.)")
    shutil.rmtree(out_root, ignore_errors=True)
    if stale is not None:
        shutil.rmtree(stale, ignore_errors=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
