#!/usr/bin/env bash
# Checks the AOT cache of each given module's target/quarkus-app: app.aot exists and the pinned JDK 25
# maps it (-XX:AOTMode=on makes the JVM fail instead of silently running without it). Run by
# scripts/build-images.sh; a separate step rather than a test because CI builds with Java 17 and no
# cache, and a test that skipped there would prove nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ $# -gt 0 ] || set -- jobs/etcd-snapshot jobs/namespace-export jobs/namespace-restore jobs/volume-snapshot jobs/prune jobs/cli
failed=0
for module in "$@"; do
  app="$module/target/quarkus-app"
  if [ ! -s "$app/app.aot" ]; then
    echo "FAIL $module: no $app/app.aot (build with scripts/build-images.sh)"; failed=1; continue
  fi
  # The app's own exit code does not matter here (a job without config exits 2 or 5); the JVM's log does.
  log=$(cd "$app" && timeout 120 "$JAVA25_HOME/bin/java" -XX:AOTCache=app.aot -XX:AOTMode=on -Xlog:aot=info \
          -Dlifeboat.cluster=aot-check -Dlifeboat.location=file:///nonexistent/aot-check \
          -jar quarkus-run.jar --help 2>&1 || true)
  if grep -q "Opened AOT cache app.aot" <<<"$log" && ! grep -qiE "unable to (use|map) .*AOT|error occurred during initialization of VM" <<<"$log"; then
    echo "ok   $module: $(du -h "$app/app.aot" | cut -f1) AOT cache maps with $("$JAVA25_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  else
    echo "FAIL $module: the JVM did not use $app/app.aot"; grep -iE "aot|error" <<<"$log" | head -5; failed=1
  fi
done
exit $failed
