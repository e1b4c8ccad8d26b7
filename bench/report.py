"""Turns bench/run.sh's samples.tsv into the Markdown results table (medians, same-round ratios)."""
import statistics
import sys
from collections import defaultdict

samples, cpus, dbsizes, db_mib, rounds, job_jvm, alt_jvm, native_flags, machine = sys.argv[1:10]
rows = defaultdict(dict)  # case -> round -> (wall, rss_kib, extra)
for line in open(samples):
    case, rnd, wall, rss, extra = line.rstrip("\n").split("\t")
    rows[case][rnd] = (float(wall), int(rss), extra)
sizes = dict(line.split() for line in open(dbsizes))
cpu = defaultdict(dict)  # case -> round -> (command, etcd, s3proxy) CPU seconds
for line in open(cpus):
    case, rnd, *secs = line.rstrip("\n").split("\t")
    cpu[case][rnd] = tuple(float(x) for x in secs)


def med(case, i=0):
    values = [v[i] for v in rows[case].values()]
    return statistics.median(values) if values else None


def mib(kib):
    return f"{kib / 1024:.0f} MiB" if kib is not None else "n/a"


def ratio(num, den):
    rs = [rows[num][r][0] / rows[den][r][0] for r in rows[num] if r in rows[den] and rows[den][r][0] > 0]
    if not rs:
        return "n/a"
    return f"{statistics.median(rs):.2f}x (range {min(rs):.2f}-{max(rs):.2f})"


main_db = int(sizes.get(db_mib, "0"))
print(f"# etcd snapshot benchmark\n")
print(f"DB: {db_mib} MiB target, etcd reports {main_db / 2**20:.0f} MiB; {rounds} rounds, order alternating "
      f"each round. Machine: {machine}.\n")
print(f"Job JVM flags (k8s/cronjobs/jvm-options.env): `{job_jvm}`\n")
if rows["job-native"]:
    print(f"Native job (test toolchain, docs/images.md) arguments: `{native_flags}`\n")
print("## Snapshot: job vs (a) etcdctl to local disk vs (b) etcdctl && zstd && age && s3cmd put\n")
print("| case | median wall | median peak RSS | job / this (median of same-round ratios) |")
print("|---|---|---|---|")
labels = {
    "job": "job, stream mode (default), to S3Proxy: zstd + age + commit",
    "job-j25aot": "job as the images run it: Java 25 + AOT cache, same flags, stream mode",
    "job-spool": "job, spool mode (lifeboat.etcd.spool-dir set)",
    "job-altjvm": f"job, stream mode, alternative flags `{alt_jvm}`",
    "job-native": "job as a native executable, stream mode",
    "a": "(a) `etcdctl snapshot save` to local disk (floor)",
    "b": "(b) `etcdctl snapshot save && zstd -3 -T0 && age && s3cmd put` (RSS: max of steps)",
    "b-zstd1": "(b) with `zstd -1 -T0` instead of `zstd -3 -T0` (the job's snapshot level)",
}
for case in ["job", "job-j25aot", "job-native", "job-spool", "job-altjvm", "a", "b", "b-zstd1"]:
    if rows[case]:
        r = "" if case == "job" else ratio("job", case)
        print(f"| {labels[case]} | {med(case):.2f} s | {mib(med(case, 1))} | {r} |")
if rows["b"]:
    steps = [[float(x) for x in v[2].strip("/").split("/")] for v in rows["b"].values()]
    print("\n(b) median step times: " + ", ".join(
        f"{name} {statistics.median(s[i] for s in steps):.2f} s"
        for i, name in enumerate(["etcdctl", "zstd -3", "age", "s3cmd put"])))
if rows["job-j25aot"]:
    print(f"\nAs the images run it (Java 25 + AOT): job / (a) = {ratio('job-j25aot', 'a')}, "
          f"job / (b) = {ratio('job-j25aot', 'b')}, job / (b with zstd -1) = {ratio('job-j25aot', 'b-zstd1')}")
if rows["job-native"]:
    print(f"\n**Native executable**: native / (a) = {ratio('job-native', 'a')} (goal <= 1.10x), "
          f"native / (b) = {ratio('job-native', 'b')} (goal <= 0.60x), "
          f"native / (b with zstd -1) = {ratio('job-native', 'b-zstd1')}, native / JVM job = {ratio('job-native', 'job')}")
if rows["job-spool"]:
    print(f"\nSpool vs stream (same round): spool / stream = {ratio('job-spool', 'job')}")
if rows["job-altjvm"]:
    print(f"Alternative flags vs shipped flags (same round): alt / shipped = {ratio('job-altjvm', 'job')}")

if cpu:
    print("\n## Where the CPU goes (median CPU seconds per run, user + system)\n")
    print("On this 2-core machine a case cannot finish faster than (total CPU) / 2: etcd, S3Proxy and the "
          "client all share the two cores.\n")
    print("| case | the command | etcd meanwhile | S3Proxy meanwhile | total | total / 2 |")
    print("|---|---|---|---|---|---|")
    for case in ["job", "job-j25aot", "job-native", "job-spool", "job-altjvm", "a", "b"]:
        if cpu[case]:
            cols = [statistics.median(v[i] for v in cpu[case].values()) for i in range(3)]
            total = statistics.median(sum(v) for v in cpu[case].values())
            print(f"| {case} | {cols[0]:.1f} s | {cols[1]:.1f} s | {cols[2]:.1f} s | {total:.1f} s | {total / 2:.1f} s |")

print("\n## Peak RSS of the job by DB size (stream mode, shipped flags)\n")
print("| job | DB (etcd dbSize) | runs | median wall | peak RSS (max of runs) |")
print("|---|---|---|---|---|")
for prefix, main, label in [("rss-", "job", "JVM (Java 17)"), ("nrss-", "job-native", "native")]:
    for case in sorted([c for c in rows if c.startswith(prefix) and rows[c]], key=lambda c: int(c[len(prefix):])):
        size = int(sizes.get(case[len(prefix):], "0"))
        peak = max(v[1] for v in rows[case].values())
        print(f"| {label} | {size / 2**20:.0f} MiB | {len(rows[case])} | {med(case):.2f} s | {mib(peak)} |")
    if rows[main]:
        print(f"| {label} | {main_db / 2**20:.0f} MiB (main rounds) | {len(rows[main])} | {med(main):.2f} s | "
              f"{mib(max(v[1] for v in rows[main].values()))} |")

print("\n## Start-up: process start -> first etcd snapshot byte\n")
print("Measured as the job's own DEBUG line `first snapshot byte ... at epoch-ms T` minus `date +%s%3N` taken by the "
      "script just before exec; includes JVM start, Quarkus boot, config, S3 repository check, member selection.\n")
print("| JVM | runs | median start -> first byte | median wall (whole run) | median peak RSS |")
print("|---|---|---|---|---|")
for case, label in [("start-j17", "Java 17"), ("start-j25", "Java 25"),
                    ("start-j25aot", "Java 25 + AOT cache (-XX:AOTCache=app.aot)"),
                    ("start-native", "native executable (goal <= 50 ms)")]:
    if rows[case]:
        fb = statistics.median(int(v[2]) for v in rows[case].values())
        print(f"| {label} | {len(rows[case])} | {fb:.0f} ms | {med(case):.2f} s | {mib(med(case, 1))} |")
