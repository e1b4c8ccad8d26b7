#!/usr/bin/env bash
# Puts a `lifeboat` command on the PATH, with bash (and zsh, through bashcompinit) completion.
#
#   scripts/install.sh                    # into ~/.local (bin/lifeboat, share/lifeboat/)
#   PREFIX=/usr/local scripts/install.sh  # system-wide (run as root)
#   LIFEBOAT_SKIP_BUILD=1 scripts/install.sh   # use jobs/cli/target/quarkus-app as already built
#
# What it does: builds the CLI (mvn package, tests skipped) unless told not to, copies the Quarkus app
# to $PREFIX/share/lifeboat/app, writes the launcher $PREFIX/bin/lifeboat (java from JAVA_HOME or the
# PATH; JAVA_OPTS respected), and writes the completion script that `lifeboat completion bash` prints to
# $PREFIX/share/bash-completion/completions/lifeboat. Idempotent: a second run replaces all three.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
prefix=${PREFIX:-$HOME/.local}
app_dir="$prefix/share/lifeboat/app"
bin_dir="$prefix/bin"
completion_dir="$prefix/share/bash-completion/completions"

if [ -z "${LIFEBOAT_SKIP_BUILD:-}" ]; then
  mvn -B -ntp -q -pl jobs/cli -am package -DskipTests -Dspotless.check.skip=true
fi
built="$root/jobs/cli/target/quarkus-app"
if [ ! -f "$built/quarkus-run.jar" ]; then
  echo "install.sh: $built/quarkus-run.jar is missing: build the CLI first (mvn -pl jobs/cli -am package)" >&2
  exit 2
fi

mkdir -p "$bin_dir" "$completion_dir" "$(dirname "$app_dir")"
rm -rf "$app_dir.new" && cp -a "$built" "$app_dir.new"
rm -rf "$app_dir" && mv "$app_dir.new" "$app_dir"

cat >"$bin_dir/lifeboat.new" <<LAUNCHER
#!/bin/sh
# lifeboat: written by scripts/install.sh; runs the CLI installed in $app_dir
java=java
[ -n "\${JAVA_HOME:-}" ] && java="\$JAVA_HOME/bin/java"
exec "\$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \${JAVA_OPTS:-} -jar "$app_dir/quarkus-run.jar" "\$@"
LAUNCHER
chmod 0755 "$bin_dir/lifeboat.new"
mv "$bin_dir/lifeboat.new" "$bin_dir/lifeboat"

"$bin_dir/lifeboat" completion bash >"$completion_dir/lifeboat"

echo "installed $bin_dir/lifeboat ($("$bin_dir/lifeboat" --version))"
echo "completion: $completion_dir/lifeboat (bash-completion loads it; or: source <(lifeboat completion bash))"
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "add $bin_dir to your PATH: export PATH=\"$bin_dir:\$PATH\"" ;;
esac
