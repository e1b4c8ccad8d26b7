#!/usr/bin/env bash
# The whole test suite: unit tests (*Test) and real-server tests (*IT: etcd, S3Proxy, the zstd/age/
# etcdctl/s3cmd CLIs, the fabric8 mock API server), plus the formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
exec mvn -B -ntp verify "$@"
