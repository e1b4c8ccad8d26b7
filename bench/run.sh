#!/usr/bin/env bash
# Lifeboat etcd snapshot benchmark. One command; see bench/README.md. Not a test gate.
#
#   bench/run.sh [DB_MiB] [ROUNDS]            defaults: 1024 MiB, 5 rounds
#   env: RSS_SIZES="256 2048"  DB sizes (MiB) at which the job's peak RSS is also measured
#        STARTUP_RUNS=5        runs per JVM for process start -> first etcd byte
#        SKIP_BUILD=1          reuse the built apps (bench/.work/app17, app25)
#        ALT_JVM="..."         also measure the job with this JVM flag set (same rounds)
#        NATIVE=0              do not build or measure the native executable (default: build it with the
#                              test toolchain, scripts/native-toolchain.sh, ~7 min on 2 cores)
#        NATIVE_EXE=path       measure this native executable instead of building one
#        NATIVE_BUILD_ARGS=a,b   extra native-image arguments for that build, e.g. -march=native (default: none,
#                              the builder's own x86-64-v3 target, as the images ship)
#        NATIVE_FLAGS="-Xmx64m"  the native job's arguments (its heap cap; JAVA_TOOL_OPTIONS does not apply)
#
# Everything runs on 127.0.0.1 under bench/.work (deleted at the start of each run); etcd and
# S3Proxy are stopped by PID on exit. Results: a Markdown table on stdout and in
# bench/results/<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DB_MIB=${1:-1024}
ROUNDS=${2:-5}
RSS_SIZES=${RSS_SIZES:-256 2048}
STARTUP_RUNS=${STARTUP_RUNS:-5}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JOB_JVM=$(sed -n 's/^JAVA_TOOL_OPTIONS=//p' k8s/cronjobs/jvm-options.env)
ALT_JVM=${ALT_JVM:-}
NATIVE=${NATIVE:-1}
NATIVE_FLAGS=${NATIVE_FLAGS:--Xmx64m}
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# --- dependencies and build --------------------------------------------------------------------
scripts/install-deps.sh
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
work="$root/bench/.work"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  rm -rf "$work"
  mkdir -p "$work"
  log "building (Java 17) with mvn package; never install"
  mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
  cp -a jobs/etcd-snapshot/target/quarkus-app "$work/app17"
  cp -a jobs/cli/target/quarkus-app "$work/cli"
  log "building the job on Java 25 with Quarkus's AOT cache"
  if JAVA_HOME=$JAVA25 mvn -B -q -o -pl jobs/etcd-snapshot -am package -DskipTests \
      -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.phase=BUILD \
      -Dquarkus.package.jar.aot.type=AOT >"$work/build25.log" 2>&1 \
      && [ -f jobs/etcd-snapshot/target/quarkus-app/app.aot ]; then
    cp -a jobs/etcd-snapshot/target/quarkus-app "$work/app25"
  else
    log "Java 25 AOT build failed or wrote no app.aot; see $work/build25.log"
  fi
  if [ "$NATIVE" != 0 ] && [ -z "${NATIVE_EXE:-}" ]; then
    log "building the job as a native executable (test toolchain)"
    if home=$(scripts/native-toolchain.sh 2>"$work/build-native.log") \
        && mvn -B -o -Pnative -pl jobs/etcd-snapshot -am package -DskipTests -Dquarkus.native.graalvm-home="$home" \
          -Dquarkus.native.native-image-xmx=5g ${NATIVE_BUILD_ARGS:+"-Dquarkus.native.additional-build-args=$NATIVE_BUILD_ARGS"} \
          >>"$work/build-native.log" 2>&1; then
      mkdir -p "$work/native" && cp jobs/etcd-snapshot/target/lifeboat-etcd-snapshot-*-runner "$work/native/job"
    else
      log "native build failed; see $work/build-native.log"
    fi
  fi
  # Put the Java 17 build back so target/ is what the rest of the project expects.
  mvn -B -q -o -pl jobs/etcd-snapshot -am package -DskipTests >/dev/null 2>&1 || true
fi
find "$work" -mindepth 1 -maxdepth 1 ! -name app17 ! -name app25 ! -name cli ! -name native ! -name 'build*.log' -exec rm -rf {} +
if [ "$NATIVE" != 0 ] && [ -n "${NATIVE_EXE:-}" ]; then mkdir -p "$work/native" && cp "$NATIVE_EXE" "$work/native/job"; fi
[ "$NATIVE" != 0 ] && [ -x "$work/native/job" ] && native=1 || native=
mkdir -p "$work/out" "$work/tmp" "$work/spool"

# --- etcd and S3Proxy --------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
client=$(free_port); peer=$(free_port); s3port=$(free_port)
etcd --name bench --data-dir "$work/etcd" --quota-backend-bytes=8589934592 \
  --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
  --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
  --initial-cluster "bench=http://127.0.0.1:$peer" --log-level warn >"$work/etcd.log" 2>&1 &
etcd_pid=$!
pids+=($etcd_pid)
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
s3_pid=$!
pids+=($s3_pid)
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
s3() { s3cmd -q -c "$work/s3cfg" "$@"; }
s3 mb s3://bench
age-keygen -o "$work/age.key" 2>/dev/null
recipient=$(age-keygen -y "$work/age.key")
export LIFEBOAT_CLUSTER=bench LIFEBOAT_LOCATION=s3://bench/lifeboat \
  LIFEBOAT_S3_ENDPOINT="http://127.0.0.1:$s3port" LIFEBOAT_S3_PATH_STYLE=true \
  LIFEBOAT_S3_ACCESS_KEY_ID=bench-identity LIFEBOAT_S3_SECRET_ACCESS_KEY=bench-credential \
  LIFEBOAT_AGE_RECIPIENTS="$recipient" LIFEBOAT_ETCD_ENDPOINTS="http://127.0.0.1:$client"
"$JAVA17/bin/java" -jar "$work/cli/quarkus-run.jar" repo init >&2

# --- measurements ------------------------------------------------------------------------------
samples="$work/samples.tsv"   # case, round, wall seconds, max RSS KiB, extra
: >"$samples"
# timed FILE cmd...: runs cmd under /usr/bin/time -v, output in $work/out/FILE.{log,time}
timed() {
  local f=$1; shift
  /usr/bin/time -v -o "$work/out/$f.time" "$@" >"$work/out/$f.log" 2>&1 \
    || { log "FAILED: $* (see $work/out/$f.log)"; tail -5 "$work/out/$f.log" >&2; return 1; }
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
record() { echo -e "$1\t$2\t$3\t$4\t${5:-}" >>"$samples"; }
# CPU seconds of a case: the command's own (user+sys, /usr/bin/time) and what etcd and S3Proxy
# spent meanwhile (/proc/PID/stat), so a reader can see where a 2-core machine's time goes.
cpus="$work/cpu.tsv"; : >"$cpus"
tck=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
servers_mark() { e0=$(ticks "$etcd_pid"); s0=$(ticks "$s3_pid"); }
cmd_cpu() { awk -F': ' '/User time|System time/ { s+=$2 } END { printf "%.2f", s }' "$@"; }
record_cpu() { # CASE ROUND CMD_CPU (servers: since servers_mark)
  echo -e "$1\t$2\t$3\t$(echo "scale=2; ($(ticks "$etcd_pid")-$e0)/$tck" | bc)\t$(echo "scale=2; ($(ticks "$s3_pid")-$s0)/$tck" | bc)" >>"$cpus"
}
clear_store() { find "$work/s3/data/bench" -type f \( -name 'snapshot.db*' -o -name 'plain.db*' \) -delete 2>/dev/null || true; }

job() { # job NAME ROUND JVMFLAGS [spool|j25aot|native]
  local name=$1 r=$2 flags=$3 mode=${4:-}
  clear_store
  servers_mark
  case $mode in
    spool) timed "$name-$r" env JAVA_TOOL_OPTIONS="$flags" LIFEBOAT_ETCD_SPOOL_DIR="$work/spool" \
      "$JAVA17/bin/java" -jar "$work/app17/quarkus-run.jar" ;;
    # As the images run it: Java 25 with the AOT cache made at build time (docs/images.md).
    j25aot) (cd "$work/app25" && timed "$name-$r" env JAVA_TOOL_OPTIONS="$flags" \
      "$JAVA25/bin/java" -XX:AOTCache=app.aot -jar quarkus-run.jar) ;;
    # shellcheck disable=SC2086 # NATIVE_FLAGS is a list of arguments
    native) timed "$name-$r" "$work/native/job" $NATIVE_FLAGS ;;
    *) timed "$name-$r" env JAVA_TOOL_OPTIONS="$flags" "$JAVA17/bin/java" -jar "$work/app17/quarkus-run.jar" ;;
  esac
  record "$name" "$r" "$(wall "$work/out/$name-$r.time")" "$(rss "$work/out/$name-$r.time")"
  record_cpu "$name" "$r" "$(cmd_cpu "$work/out/$name-$r.time")"
}
floor() { # (a) etcdctl snapshot save to local disk
  local r=$1
  rm -f "$work/tmp/a.db"
  servers_mark
  timed "a-$r" etcdctl --endpoints="127.0.0.1:$client" snapshot save "$work/tmp/a.db"
  record a "$r" "$(wall "$work/out/a-$r.time")" "$(rss "$work/out/a-$r.time")"
  record_cpu a "$r" "$(cmd_cpu "$work/out/a-$r.time")"
}
script() { # (b) etcdctl && zstd && age && s3cmd put, each step timed
  local r=$1 f="$work/tmp/b.db" w=0 m=0 s
  clear_store; rm -f "$f" "$f.zst" "$f.zst.age"
  servers_mark
  timed "b1-$r" etcdctl --endpoints="127.0.0.1:$client" snapshot save "$f"
  timed "b2-$r" zstd -q -3 -T0 "$f" -o "$f.zst"
  timed "b3-$r" age -r "$recipient" -o "$f.zst.age" "$f.zst"
  timed "b4-$r" s3cmd -q -c "$work/s3cfg" put "$f.zst.age" "s3://bench/plain/plain.db.zst.age"
  for s in 1 2 3 4; do
    w=$(echo "$w + $(wall "$work/out/b$s-$r.time")" | bc)
    m=$(( $(rss "$work/out/b$s-$r.time") > m ? $(rss "$work/out/b$s-$r.time") : m ))
  done
  record b "$r" "$w" "$m" "$(for s in 1 2 3 4; do printf '%s/' "$(wall "$work/out/b$s-$r.time")"; done)"
  record_cpu b "$r" "$(cmd_cpu "$work/out"/b[1-4]-"$r".time)"
  # The job compresses snapshots at zstd level 1: the same script with `zstd -1` (timed on the same
  # file, not part of (b)), so the comparison at equal level is in the report too.
  timed "b2l1-$r" zstd -q -1 -T0 "$f" -o "$f.l1.zst"
  record b-zstd1 "$r" "$(echo "$w - $(wall "$work/out/b2-$r.time") + $(wall "$work/out/b2l1-$r.time")" | bc)" "$m"
  rm -f "$f.l1.zst"
  rm -f "$f" "$f.zst" "$f.zst.age"
}
fill() {
  log "filling etcd to $1 MiB"
  "$JAVA17/bin/java" -Xmx512m -cp "$work/app17/lib/main/*" bench/Fill.java "http://127.0.0.1:$client" $(( $1 * 1048576 )) >&2
}
db_bytes() { etcdctl --endpoints="127.0.0.1:$client" endpoint status -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["dbSize"])'; }

startup() { # process start -> first etcd byte: script's clock before exec vs the job's DEBUG line
  local name=$1 r=$2 java=$3 dir=$4; shift 4
  clear_store
  local t0 first debug='-Dquarkus.log.category."io.lifeboat.etcd.EtcdSnapshotter".level=DEBUG'
  t0=$(date +%s%3N)
  if [ "$java" = native ]; then
    # shellcheck disable=SC2086
    timed "$name-$r" "$work/native/job" $NATIVE_FLAGS "$debug"
  else
    (cd "$dir" && timed "$name-$r" env JAVA_TOOL_OPTIONS="$JOB_JVM" "$java" "$@" "$debug" -jar quarkus-run.jar)
  fi
  first=$(sed -n 's/.*first snapshot byte from .* at epoch-ms \([0-9]*\),.*/\1/p' "$work/out/$name-$r.log")
  record "$name" "$r" "$(wall "$work/out/$name-$r.time")" "$(rss "$work/out/$name-$r.time")" "$(( first - t0 ))"
}

sizes=$(echo "$DB_MIB $RSS_SIZES" | tr ' ' '\n' | sort -n -u)
first_size=$(echo "$sizes" | head -1)
for size in $sizes; do
  fill "$size"
  echo "$size $(db_bytes)" >>"$work/dbsizes"
  if [ "$size" = "$first_size" ]; then
    log "startup: Java 17, Java 25, Java 25 + AOT cache, native ($STARTUP_RUNS runs each, alternating)"
    for r in $(seq 1 "$STARTUP_RUNS"); do
      startup start-j17 "$r" "$JAVA17/bin/java" "$work/app17"
      [ -n "$native" ] && startup start-native "$r" native ""
      if [ -d "$work/app25" ]; then
        startup start-j25 "$r" "$JAVA25/bin/java" "$work/app25"
        startup start-j25aot "$r" "$JAVA25/bin/java" "$work/app25" -XX:AOTCache=app.aot -XX:AOTMode=on
      fi
    done
  fi
  if [ "$size" = "$DB_MIB" ]; then
    cases=(job)
    [ -d "$work/app25" ] && cases+=(job-j25aot)
    [ -n "$native" ] && cases+=(job-native)
    cases+=(job-spool)
    [ -n "$ALT_JVM" ] && cases+=(job-altjvm)
    cases+=(a b)
    for r in $(seq 1 "$ROUNDS"); do
      order=("${cases[@]}")
      if (( r % 2 == 0 )); then order=(); for c in "${cases[@]}"; do order=("$c" "${order[@]}"); done; fi
      log "round $r/$ROUNDS: ${order[*]}"
      for c in "${order[@]}"; do
        case $c in
          job) job job "$r" "$JOB_JVM" ;;
          job-j25aot) job job-j25aot "$r" "$JOB_JVM" j25aot ;;
          job-native) job job-native "$r" "" native ;;
          job-spool) job job-spool "$r" "$JOB_JVM" spool ;;
          job-altjvm) job job-altjvm "$r" "$ALT_JVM" ;;
          a) floor "$r" ;;
          b) script "$r" ;;
        esac
      done
    done
  fi
  if echo " $RSS_SIZES " | grep -q " $size "; then
    log "peak RSS of the job at $size MiB"
    for r in 1 2; do
      job "rss-$size" "$r" "$JOB_JVM"
      [ -n "$native" ] && job "nrss-$size" "$r" "" native
    done
  fi
done

# --- report ------------------------------------------------------------------------------------
mkdir -p bench/results
out="bench/results/$(date +%Y-%m-%d).md"
python3 bench/report.py "$samples" "$cpus" "$work/dbsizes" "$DB_MIB" "$ROUNDS" "$JOB_JVM" "$ALT_JVM" "$NATIVE_FLAGS" \
  "$(nproc) cores, $(uptime | sed 's/.*load average: //') load; $(etcd --version | head -1); $("$JAVA17/bin/java" -version 2>&1 | head -1)" \
  | tee "$out"
log "written to $out"
