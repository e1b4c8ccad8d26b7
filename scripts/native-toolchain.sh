#!/usr/bin/env bash
# Prints a native-image "GraalVM home" for -Dquarkus.native.graalvm-home, making it first when needed.
#   LIFEBOAT_GRAALVM_HOME set: that home (a real Mandrel/GraalVM 25), checked, never modified.
#   else: the TEST toolchain that ../shared/native-toolchain/assemble.sh (LIFEBOAT_NATIVE_TOOLCHAIN overrides the
#   folder) assembles from Maven Central's svm jars on Temurin 25 into .tools/graalvm-test-home (git-ignored,
#   outside every target/ so `mvn clean` keeps it; the executables built with it link its JDK libraries by
#   absolute path). assemble.sh is idempotent: about 20 s the first time, nothing when its inputs are unchanged.
# Its steps go to stderr, the home's path alone to stdout:  home=$(scripts/native-toolchain.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${LIFEBOAT_GRAALVM_HOME:-}" ]; then
  [ -x "$LIFEBOAT_GRAALVM_HOME/bin/native-image" ] \
    || { echo "native-toolchain: LIFEBOAT_GRAALVM_HOME=$LIFEBOAT_GRAALVM_HOME has no bin/native-image" >&2; exit 2; }
  echo "$LIFEBOAT_GRAALVM_HOME"
  exit 0
fi
toolchain=${LIFEBOAT_NATIVE_TOOLCHAIN:-../shared/native-toolchain}
[ -x "$toolchain/assemble.sh" ] \
  || { echo "native-toolchain: no $toolchain/assemble.sh (set LIFEBOAT_NATIVE_TOOLCHAIN or LIFEBOAT_GRAALVM_HOME)" >&2; exit 2; }
home=$PWD/.tools/graalvm-test-home
"$toolchain/assemble.sh" "$home" >&2
echo "$home"
