#!/usr/bin/env bash
# Unpacks Debian's kubectl v1.20.2 (package kubernetes-client) into .tools/kubectl/, without installing it
# system-wide: the manifests in k8s/cronjobs are written for the kustomize built into this kubectl
# (v2.0.3), the oldest a user is likely to apply them with, and the tests render them with it.
# Idempotent; prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.tools/kubectl
bin="$dest/usr/bin/kubectl"
if [ ! -x "$bin" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  if ! (cd "$work" && apt-get download kubernetes-client >/dev/null 2>&1); then
    apt-get update -qq
    (cd "$work" && apt-get download kubernetes-client >/dev/null)
  fi
  mkdir -p "$dest"
  dpkg -x "$work"/kubernetes-client_*.deb "$dest"
fi
"$bin" version --client --short >/dev/null
echo "$PWD/$bin"
