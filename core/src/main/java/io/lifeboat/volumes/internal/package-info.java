/**
 * The volumes backup's moving parts that must be public for the use-case but are no API: generic
 * access to the {@code snapshot.storage.k8s.io/v1} types (no model classes, no discovery), the
 * PVC-to-driver lookup, the per-namespace snapshot run and the readiness wait. Nothing here touches
 * the object store.
 */
package io.lifeboat.volumes.internal;
