#!/usr/bin/env bash
# The whole test suite: unit tests (*Test) and real-server tests (*IT: etcd, S3Proxy, the zstd/age/
# etcdctl/s3cmd CLIs, the fabric8 mock API server), plus the formatting check; then the native part:
# the etcd snapshot job built as a native executable (scripts/native-toolchain.sh: the test toolchain, or
# LIFEBOAT_GRAALVM_HOME) and its ITs run against that executable (~8 min more on 2 quiet cores).
# LIFEBOAT_NATIVE=off (or -Dnative.skip) skips the native part, =on runs it (the default), =all also
# builds the other four jobs and the CLI natively and runs their entry-point and CLI ITs against the
# executables (~35 min more on 2 cores: kept out of CI's default for time, run before a release).
set -euo pipefail
cd "$(dirname "$0")/.."
NATIVE_DEFAULT=on
scripts/install-deps.sh
native=${LIFEBOAT_NATIVE:-$NATIVE_DEFAULT}
args=()
for arg in "$@"; do
  case $arg in
    -Dnative.skip | -Dnative.skip=true) native=off ;;
    *) args+=("$arg") ;;
  esac
done
mvn -B -ntp verify "${args[@]}"
if [ "$native" != on ]; then
  echo "test.sh: native part skipped (LIFEBOAT_NATIVE=$native; LIFEBOAT_NATIVE=on runs it)"
  exit 0
fi
home=$(scripts/native-toolchain.sh)
# -Ob: the builder's quick mode (less optimised code, a shorter compile): CI tests behaviour; bench/ builds optimised.
native_build=(-B -ntp -Pnative -Dquarkus.native.graalvm-home="$home" -Dquarkus.native.native-image-xmx=5g
  -Dquarkus.native.additional-build-args=-Ob)
mvn "${native_build[@]}" -pl jobs/etcd-snapshot -am verify "${args[@]}"
if [ "$native" = all ]; then
  # Each module's native profile points its ITs (all of them run the packaged app as a process) at its
  # executable; InstallScriptIT installs the JVM app and is left to the JVM run.
  mvn "${native_build[@]}" -pl jobs/namespace-export,jobs/namespace-restore,jobs/prune,jobs/volume-snapshot,jobs/cli -am verify \
    -Dit.test='*IT,!InstallScriptIT' "${args[@]}"
fi
