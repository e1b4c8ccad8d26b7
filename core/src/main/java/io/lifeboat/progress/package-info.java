/**
 * The progress port: long use-cases (etcd snapshot, namespace export and restore, prune) report
 * counts through {@link io.lifeboat.progress.Progress}; the CLI draws them on a terminal, jobs and
 * functions pass {@code Progress.NONE}. Must never format for a terminal or write anywhere itself.
 */
package io.lifeboat.progress;
