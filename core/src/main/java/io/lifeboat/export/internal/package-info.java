/**
 * The export's machinery, public only so the use-case can reach it: paged lists, the selection and
 * skip rules, related cluster-scoped objects, the archive sink, and the tally that becomes the
 * manifest's {@code source}. Only {@code io.lifeboat.export} may depend on it; what other features
 * share with the export (failure mapping, selectors, discovery) lives in {@code io.lifeboat.kube}.
 *
 * <p>It must never log object contents, keep objects beyond the page being written, or write to the
 * cluster.
 */
package io.lifeboat.export.internal;
