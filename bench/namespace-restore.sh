#!/usr/bin/env bash
# Namespace restore throughput: restores 1k and 10k ConfigMaps into the fabric8 CRUD mock server.
# The mock (one JVM with the restorer, in-process HTTP, a CRUD store that slows as it grows) bounds the
# figure: a real API server with etcd behind it is slower per object, but takes concurrent writes.
# Peak RSS is the whole test JVM's VmHWM (restorer + mock server + JUnit).
# Usage: bench/namespace-restore.sh [counts...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-1000 10000}")
out="$PWD/core/target/bench-namespace-restore.txt"
rm -f "$out"
# Builds through the reactor (never install: ~/.m2 is shared).
# Each count three times: against the CRUD mock (its store scans every stored object per create),
# against a server that answers 201 without storing (the restorer's own rate: one POST per object),
# and against one that stores by name (KeyedCreates: a flat cost per create, as an API server's).
for n in ${counts[@]}; do
  for server in crud stub keyed; do
    mvn -B -q -o -pl core -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test=NamespaceRestoreBenchIT -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dspotless.check.skip=true -Dlifeboat.bench.server=$server \
      -Dlifeboat.bench.objects="$n" -Dlifeboat.bench.output="$out" -DargLine=-Xmx1g >/dev/null
  done
done
cat "$out"
