#!/usr/bin/env bash
# Installs what Lifeboat's build, demo and tests need on a fresh Debian 12 machine. Idempotent:
# packages already present are not fetched again. The S3Proxy jar comes through Maven (core/pom.xml).
set -euo pipefail

need=()
command -v etcd >/dev/null || need+=(etcd-server)
command -v etcdctl >/dev/null || need+=(etcd-client)
command -v zstd >/dev/null || need+=(zstd)
command -v age >/dev/null || need+=(age)
command -v s3cmd >/dev/null || need+=(s3cmd)
command -v jq >/dev/null || need+=(jq)
command -v mvn >/dev/null || need+=(maven)
command -v openssl >/dev/null || need+=(openssl)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# kubectl v1.20.2 (Debian kubernetes-client) into .tools/: the k8s/cronjobs tests render the manifests with it.
"$(dirname "$0")/install-kubectl.sh" >/dev/null
