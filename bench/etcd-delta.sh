#!/usr/bin/env bash
# Lifeboat etcd delta benchmark (issue 17): (a) a full snapshot every minute vs (b) an hourly full
# snapshot + a delta every minute, under a steady writer. See bench/README.md. Not a test gate.
#
#   bench/etcd-delta.sh [DB_MiB] [MINUTES] [FULLS]     defaults: 1024 MiB, 59 minutes, 3 fulls
#   env: PUTS=3000   puts per simulated minute (50/s), ~2 KiB each, over KEYS=1000 fixed keys
#        SKIP_BUILD=1  reuse jobs/cli/target/quarkus-app as it is
#        NATIVE_EXE=path  run the fulls and deltas with this native etcd job executable (as the CronJobs
#                      run it where native images are used: LIFEBOAT_ETCD_BACKUP=full|delta, NATIVE_FLAGS,
#                      default -Xmx64m) instead of the CLI JVM; the restore stays the CLI's
#
# Time is compressed, honestly: each simulated minute applies that minute's PUTS puts as fast as
# etcd takes them (bench/DeltaLoad.java), compacts every 5th minute to the revision of 5 minutes
# before (as kube-apiserver does), then runs one `lifeboat etcd delta` (a fresh JVM, as the
# CronJob). (a) is FULLS full snapshots measured and multiplied by 60; (b) is one of those fulls as
# the base plus MINUTES measured deltas (scaled to 59 when MINUTES < 59). etcd bytes read are
# etcd's own counter of gRPC bytes sent (etcd_network_client_grpc_sent_bytes_total) around each
# run; storage is the bytes the run added to the bucket. The restore replays the whole chain to the
# last delta's revision with `lifeboat restore etcd latest --to-revision`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DB_MIB=${1:-1024}
MINUTES=${2:-59}
FULLS=${3:-3}
PUTS=${PUTS:-3000}
KEYS=${KEYS:-1000}
NATIVE_FLAGS=${NATIVE_FLAGS:--Xmx64m}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
JOB_JVM=$(sed -n 's/^JAVA_TOOL_OPTIONS=//p' k8s/cronjobs/jvm-options.env)
log() { echo "[delta-bench $(date +%H:%M:%S)] $*" >&2; }

[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
cli_app="$root/jobs/cli/target/quarkus-app"
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$cli_app/quarkus-run.jar" ]; then
  log "building the CLI (mvn package, offline; never install)"
  mvn -B -q -o -pl jobs/cli -am package -DskipTests
fi
work="$root/bench/.work-delta"
rm -rf "$work"
mkdir -p "$work/out"
cp -a "$cli_app" "$work/cli"
[ -f core/target/servers/s3proxy.jar ] || { log "core/target/servers/s3proxy.jar missing: run mvn -o -pl core test-compile once"; exit 1; }

# --- etcd and S3Proxy (as bench/run.sh) --------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
client=$(free_port); peer=$(free_port); s3port=$(free_port)
etcd --name bench --data-dir "$work/etcd" --quota-backend-bytes=8589934592 \
  --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
  --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
  --initial-cluster "bench=http://127.0.0.1:$peer" --log-level warn >"$work/etcd.log" 2>&1 &
pids+=($!)
mkdir -p "$work/s3/data"
cat >"$work/s3/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-identity
s3proxy.credential=bench-credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3/data
EOF
"$JAVA17/bin/java" -Xmx256m -XX:+UseSerialGC -jar core/target/servers/s3proxy.jar \
  --properties "$work/s3/s3proxy.properties" >"$work/s3/s3proxy.log" 2>&1 &
pids+=($!)
export ETCDCTL_API=3
for _ in $(seq 1 300); do etcdctl --endpoints="127.0.0.1:$client" endpoint health >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$s3port/" && break; sleep 0.1; done
cat >"$work/s3cfg" <<EOF
[default]
access_key = bench-identity
secret_key = bench-credential
host_base = 127.0.0.1:$s3port
host_bucket = 127.0.0.1:$s3port
use_https = False
bucket_location = us-east-1
EOF
s3cmd -q -c "$work/s3cfg" mb s3://bench
age-keygen -o "$work/age.key" 2>/dev/null
export LIFEBOAT_CLUSTER=bench LIFEBOAT_LOCATION=s3://bench/lifeboat \
  LIFEBOAT_S3_ENDPOINT="http://127.0.0.1:$s3port" LIFEBOAT_S3_PATH_STYLE=true \
  LIFEBOAT_S3_ACCESS_KEY_ID=bench-identity LIFEBOAT_S3_SECRET_ACCESS_KEY=bench-credential \
  LIFEBOAT_AGE_RECIPIENTS="$(age-keygen -y "$work/age.key")" LIFEBOAT_ETCD_ENDPOINTS="http://127.0.0.1:$client"
lifeboat() { env JAVA_TOOL_OPTIONS="$JOB_JVM" "$JAVA17/bin/java" -jar "$work/cli/quarkus-run.jar" "$@"; }
lifeboat repo init >&2
load_start=$(uptime | sed 's/.*load average: //')

# --- measurements ------------------------------------------------------------------------------
runs="$work/runs.tsv"   # kind, n, wall s, cpu s, etcd bytes sent, bytes stored, from, to, in-run s
: >"$runs"
sent() { curl -s "http://127.0.0.1:$client/metrics" | awk '/^etcd_network_client_grpc_sent_bytes_total/ { s += $2 } END { printf "%.0f", s }'; }
stored() { { find "$work/s3/data/bench/lifeboat/data" -type f -printf '%s\n' 2>/dev/null || true; } | awk '{ s += $1 } END { printf "%.0f", s }'; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s }' "$1"; }
measure() { # KIND N lifeboat-args...
  local kind=$1 n=$2; shift 2
  local s0 b0 f="$work/out/$kind-$n" command
  s0=$(sent); b0=$(stored)
  if [ -n "${NATIVE_EXE:-}" ] && [ "$kind" != restore ]; then
    # shellcheck disable=SC2086
    command=(env LIFEBOAT_ETCD_BACKUP="$([ "$kind" = delta ] && echo delta || echo full)" "$NATIVE_EXE" $NATIVE_FLAGS)
  else
    command=(env JAVA_TOOL_OPTIONS="$JOB_JVM" "$JAVA17/bin/java" -jar "$work/cli/quarkus-run.jar" "$@")
  fi
  /usr/bin/time -v -o "$f.time" "${command[@]}" >"$f.log" 2>&1 \
    || { log "FAILED: ${command[*]} (see $f.log)"; tail -5 "$f.log" >&2; exit 1; }
  local seconds cpu range inrun
  seconds=$(wall "$f.time")
  cpu=$(awk -F': ' '/User time|System time/ { s+=$2 } END { printf "%.2f", s }' "$f.time")
  range=$({ grep -o 'revisions [0-9]*\.\.[0-9]*' "$f.log" || true; } | head -1 | sed 's/revisions //; s/\.\./\t/')
  # the run's own time, id to commit (its summary line: "... in 5.6 s"), without the JVM's start
  inrun=$({ grep -o ' in [0-9.]* s' "$f.log" || true; } | tail -1 | tr -dc '0-9.')
  echo -e "$kind\t$n\t$seconds\t$cpu\t$(( $(sent) - s0 ))\t$(( $(stored) - b0 ))\t${range:-\t}\t${inrun:-0}" >>"$runs"
}

log "filling etcd to $DB_MIB MiB (bench/Fill.java)"
"$JAVA17/bin/java" -Xmx512m -cp "$work/cli/lib/main/*" bench/Fill.java "http://127.0.0.1:$client" $(( DB_MIB * 1048576 )) 2>"$work/fill.log" >&2
load() { "$JAVA17/bin/java" -Xmx256m -cp "$work/cli/lib/main/*" bench/DeltaLoad.java "http://127.0.0.1:$client" "$@" 2>>"$work/load.log"; }
declare -A revision
revision[0]=$(load 0 "$PUTS" "$KEYS" 0)   # the key set exists before the base
db=$(etcdctl --endpoints="127.0.0.1:$client" endpoint status -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["dbSize"])')
log "etcd DB $db bytes; (a) $FULLS full snapshots"
for n in $(seq 1 "$FULLS"); do measure full "$n" etcd snapshot; done

log "(b) $MINUTES simulated minutes: $PUTS puts over $KEYS keys, compaction every 5, one delta each"
for m in $(seq 1 "$MINUTES"); do
  compact=0
  if (( m % 5 == 0 && m >= 5 )); then compact=${revision[$((m - 5))]}; fi
  revision[$m]=$(load "$m" "$PUTS" "$KEYS" "$compact")
  measure delta "$m" etcd delta
  if grep -q "instead" "$work/out/delta-$m.log"; then log "delta $m took a full snapshot instead: see $work/out/delta-$m.log"; exit 1; fi
done
target=$(awk -F'\t' '$1 == "delta" { t = $8 } END { print t }' "$runs")
log "restore to revision $target ($MINUTES minutes after the base)"
peer2=$(free_port)
measure restore 1 restore etcd latest --identity "$work/age.key" --to-revision "$target" \
  --data-dir "$work/restored" --name r --initial-cluster "r=http://127.0.0.1:$peer2" \
  --initial-advertise-peer-urls "http://127.0.0.1:$peer2"

mkdir -p bench/results
out="bench/results/$(date +%Y-%m-%d)-etcd-delta${NATIVE_EXE:+-native}.md"
python3 - "$runs" "$db" "$DB_MIB" "$MINUTES" "$PUTS" "$KEYS" \
  "$(nproc) cores, load average $load_start at the start, $(uptime | sed 's/.*load average: //') at the end; $(etcd --version | head -1)" \
  "${NATIVE_EXE:-}" <<'EOF' | tee "$out"
import statistics as st, sys
path, db, mib, minutes, puts, keys, machine, native = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(path)]
def col(kind, i): return [float(r[i]) for r in rows if r[0] == kind]
MiB = 1048576
fs, fr, fw, fc = col("full", 5), col("full", 4), col("full", 2), col("full", 3)
ds, dr, dw, dc = col("delta", 5), col("delta", 4), col("delta", 2), col("delta", 3)
rw = col("restore", 2)[0]
n = len(ds)
a_store, a_read = 60 * st.mean(fs), 60 * st.mean(fr)
b_store = st.mean(fs) + 59 * st.mean(ds)
b_read = st.mean(fr) + 59 * st.mean(dr)
print(f"# etcd deltas{' (fulls and deltas: the native etcd job)' if native else ''}: {mib} MiB requested, etcd DB {int(db) / MiB:.0f} MiB; {puts} puts/minute of ~2 KiB over {keys} keys")
print(f"\nMachine: {machine}. {len(fs)} full snapshots and {n} deltas measured; per hour: (a) = 60 x the mean full,")
print(f"(b) = 1 mean full + 59 x the mean delta{'' if n == 59 else f' (extrapolated from {n})'}.\n")
print("| | stored / hour | etcd bytes read / hour |")
print("|---|---:|---:|")
print(f"| (a) full every minute | {a_store / MiB:,.0f} MiB | {a_read / MiB:,.0f} MiB |")
print(f"| (b) hourly full + minute deltas | {b_store / MiB:,.1f} MiB | {b_read / MiB:,.1f} MiB |")
print(f"| ratio (a)/(b) | **{a_store / b_store:.1f}x** | **{a_read / b_read:.1f}x** |")
fi, di = col("full", 8), col("delta", 8)
print("\n| run | process wall s (median / max) | in-run s, id to commit (median) | process CPU s (median / max) | stored (median) | etcd read (median) |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| full snapshot | {st.median(fw):.1f} / {max(fw):.1f} | {st.median(fi):.1f} | {st.median(fc):.1f} / {max(fc):.1f} | {st.median(fs) / MiB:.1f} MiB | {st.median(fr) / MiB:.0f} MiB |")
print(f"| delta (1 min of writes) | {st.median(dw):.1f} / {max(dw):.1f} | {st.median(di):.1f} | {st.median(dc):.1f} / {max(dc):.1f} | {st.median(ds) / MiB:.1f} MiB | {st.median(dr) / MiB:.1f} MiB |")
print(f"\nA delta run vs a full one (medians): in-run time {st.median(di) / st.median(fi):.2f}x, process CPU {st.median(dc) / st.median(fc):.2f}x, process wall {st.median(dw) / st.median(fw):.2f}x.")
print(f"\nRestore to the last delta's revision ({n} deltas after the base): {rw:.1f} s wall.")
EOF
log "written to $out"
