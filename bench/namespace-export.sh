#!/usr/bin/env bash
# Namespace export throughput against `kubectl get` on the same mock server.
# Exports N objects (half ConfigMaps, half Opaque Secrets, generated page by page by the fabric8 CRUD
# mock in the test JVM) from namespace `bench`, then times Debian's kubectl 1.20
# `get configmaps,secrets -n bench -o json` against the same server. The mock (same JVM as the
# exporter, one request at a time) bounds the absolute figures: the ratio is the result.
# Peak RSS: the test JVM's VmHWM (exporter + mock server + JUnit); kubectl's from /usr/bin/time -v.
# Usage: bench/namespace-export.sh [counts...]   (default: 1000 10000; needs root for apt-get if
# kubectl 1.20 or GNU time is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-1000 10000}")
root="$PWD"
kubectl="$root/.tools/kubectl-1.20/usr/bin/kubectl"
if [[ ! -x "$kubectl" ]]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get download kubernetes-client >/dev/null)
  mkdir -p "$root/.tools/kubectl-1.20"
  dpkg -x "$tmp"/kubernetes-client_*.deb "$root/.tools/kubectl-1.20"
  rm -rf "$tmp"
fi
[[ -x /usr/bin/time ]] || apt-get install -y time >/dev/null
out="$root/core/target/bench-namespace-export.txt"
mkdir -p "$root/core/target"
rm -f "$out"
# Never `mvn install` (~/.m2 is shared): build core's dependencies through the reactor with -am.
for n in ${counts[@]}; do
  mvn -B -q -o -pl core -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=NamespaceExportBenchIT -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
    -Dlifeboat.bench.objects="$n" -Dlifeboat.bench.output="$out" \
    -Dlifeboat.bench.kubectl="$kubectl" -DargLine=-Xmx1g >/dev/null
done
cat "$out"
