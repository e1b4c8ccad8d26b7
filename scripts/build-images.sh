#!/usr/bin/env bash
# Builds every job's JVM package with the Java 25 AOT cache, checks each cache loads, and (with a
# registry) pushes the images with Jib. docs/images.md explains the choices.
#
#   scripts/build-images.sh                              package + AOT cache + check, no image (what CI can do)
#   REGISTRY=registry.example/lifeboat scripts/build-images.sh   ... and push lifeboat/<job> images there (Jib needs
#                                                        no container runtime to push; credentials from ~/.docker/config.json)
#   BUILD_LOCAL=1 scripts/build-images.sh                ... and load the images into the local Docker/Podman
#
# The cache must be made by the very JDK build the image runs: the JVM refuses a cache from another build.
# The base image is pinned in each job's application.properties (quarkus.jib.base-jvm-image); the JDK used
# here must be that build, or the script stops.
set -euo pipefail
cd "$(dirname "$0")/.."

PINNED_JDK="25.0.3+9"            # = eclipse-temurin:25.0.3_9-jre in jobs/*/src/main/resources/application.properties
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MODULES=(jobs/etcd-snapshot jobs/namespace-export jobs/namespace-restore jobs/volume-snapshot jobs/prune jobs/cli)

version=$("$JAVA25_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')
case "$version" in
  "$PINNED_JDK"*) ;;
  *) echo "JDK at $JAVA25_HOME is '$version', the images run $PINNED_JDK: set JAVA25_HOME to that build" >&2; exit 2 ;;
esac

image_flags=(-Dquarkus.container-image.build=false)
if [ -n "${REGISTRY:-}" ]; then
  image_flags=(-Dquarkus.container-image.push=true "-Dquarkus.container-image.registry=${REGISTRY%%/*}"
               "-Dquarkus.container-image.group=${REGISTRY#*/}")
elif [ -n "${BUILD_LOCAL:-}" ]; then
  image_flags=(-Dquarkus.container-image.build=true)
fi

modules=$(IFS=,; echo "${MODULES[*]}")
JAVA_HOME="$JAVA25_HOME" mvn -B -ntp -pl "$modules" -am package -DskipTests \
  -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.phase=BUILD -Dquarkus.package.jar.aot.type=AOT \
  "${image_flags[@]}"

scripts/check-aot.sh "${MODULES[@]}"
