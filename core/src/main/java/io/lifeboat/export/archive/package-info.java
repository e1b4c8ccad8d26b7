/**
 * The namespace export archive: a documented format a person can read with {@code zstd}, {@code
 * age} and {@code tar} alone, laid out like Velero's so existing habits and scripts carry over.
 *
 * <h2>The stored object</h2>
 *
 * <p>One backup of one namespace is one data object, {@code resources.tar.zst}, or {@code
 * resources.tar.zst.age} when age recipients are configured: a POSIX (pax) tar stream, compressed
 * as one zstd stream, then encrypted to the repository's age recipients. Recover it with {@code age
 * -d -i key.txt resources.tar.zst.age | zstd -d | tar -x}.
 *
 * <h2>Entries, in the order written</h2>
 *
 * <pre>
 * metadata/version                                          the archive format, "1\n"
 * resources/&lt;resource&gt;[.&lt;group&gt;]/namespaces/&lt;ns&gt;/&lt;name&gt;.json   one namespaced object
 * resources/&lt;resource&gt;[.&lt;group&gt;]/cluster/&lt;name&gt;.json          one cluster-scoped object
 * </pre>
 *
 * <ul>
 *   <li>{@code metadata/version} is always the first entry. A reader refuses a major version it
 *       does not know.
 *   <li>{@code <resource>} is the API's plural resource name ({@code deployments}); {@code <group>}
 *       its API group ({@code apps}). The core group has no suffix: {@code configmaps}, {@code
 *       persistentvolumes}. Custom resources are named the same way ({@code widgets.example.com}).
 *   <li>Each object appears once, at the group's preferred version as the API server served it (its
 *       {@code apiVersion} field says which), as UTF-8 JSON, with {@code metadata.managedFields}
 *       removed and nothing else changed: {@code uid}, {@code resourceVersion}, {@code status} and
 *       owner references are kept, so cleaning is a restore decision, never a backup one.
 *   <li>Cluster-scoped entries are the objects the namespace depends on: the Namespace object
 *       itself, the CustomResourceDefinitions of exported custom resources, the PersistentVolumes
 *       bound to exported claims and their StorageClasses, the ClusterRoleBindings naming the
 *       namespace's ServiceAccounts and their ClusterRoles.
 *   <li>Only regular-file entries are written (directories are implied by the paths); names longer
 *       than 100 bytes use pax headers, which GNU tar, bsdtar and Python's tarfile read.
 *   <li>What the backup left out on purpose (events, finished pods, mirror pods, finished Jobs,
 *       objects labelled {@code lifeboat.io/exclude=true}) is counted, with the reason, in the
 *       backup's manifest, not in the archive.
 * </ul>
 *
 * <p>{@link io.lifeboat.export.archive.ArchiveLayout} alone builds and parses these paths. This
 * package must never log object contents: the archive holds every Secret of the namespace.
 */
package io.lifeboat.export.archive;
