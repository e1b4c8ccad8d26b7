/**
 * The export's machinery, public only so the use-case can reach it: discovery, paged lists, the
 * selection and skip rules, related cluster-scoped objects, and the tally that becomes the
 * manifest's {@code source}. Callers outside {@code io.lifeboat.export} should not depend on it.
 *
 * <p>It must never log object contents, keep objects beyond the page being written, or write to the
 * cluster.
 */
package io.lifeboat.export.internal;
