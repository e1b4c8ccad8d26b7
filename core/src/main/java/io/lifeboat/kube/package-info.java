/**
 * What every feature that talks to the Kubernetes API shares, and nothing else: how an API failure
 * is sorted ({@link io.lifeboat.kube.KubeFailures}: the server gone or our credentials refused is
 * exit 4, anything else one item's failure), label selectors and name globs as the user writes
 * them, discovery of the listable types ({@link io.lifeboat.kube.ApiType} names a type's archive
 * directory through {@code export.archive.ArchiveLayout}, the archive format's one owner), the
 * cluster's identity, and the one way to wait ({@link io.lifeboat.kube.Poll} on an injected clock
 * and {@link io.lifeboat.kube.Pause}).
 *
 * <p>It must never know a use-case (export, restore, volumes), the repository or a store, write to
 * the cluster, or log object contents. Something belongs here only when two features need it.
 */
package io.lifeboat.kube;
