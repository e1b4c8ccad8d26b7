#!/usr/bin/env bash
# Builds Lifeboat, starts a throwaway etcd on 127.0.0.1, writes some keys, takes one snapshot with the
# etcd-snapshot job into ./lifeboat-backups (file://, the embedded default), lists it, stops etcd.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/install-deps.sh
mvn -B -ntp -q install -DskipTests

work="$root/.demo"
rm -rf "$work" && mkdir -p "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
client=$(free_port); peer=$(free_port)
etcd --name demo --data-dir "$work/etcd" \
  --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
  --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
  --initial-cluster "demo=http://127.0.0.1:$peer" --log-level warn >"$work/etcd.log" 2>&1 &
etcd_pid=$!
trap 'kill $etcd_pid 2>/dev/null; wait $etcd_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  ETCDCTL_API=3 etcdctl --endpoints="127.0.0.1:$client" endpoint health >/dev/null 2>&1 && break
  sleep 0.1
done
for i in $(seq 1 100); do
  ETCDCTL_API=3 etcdctl --endpoints="127.0.0.1:$client" put "/registry/configmaps/demo/cm-$i" "value-$i" >/dev/null
done

mkdir -p "$root/lifeboat-backups"
export LIFEBOAT_CLUSTER=demo
export LIFEBOAT_LOCATION="file://$root/lifeboat-backups"
export LIFEBOAT_ETCD_ENDPOINTS="http://127.0.0.1:$client"
cli=(java -jar "$root/jobs/cli/target/quarkus-app/quarkus-run.jar")
"${cli[@]}" repo init
java -jar "$root/jobs/etcd-snapshot/target/quarkus-app/quarkus-run.jar"
"${cli[@]}" backups list --kind etcd
