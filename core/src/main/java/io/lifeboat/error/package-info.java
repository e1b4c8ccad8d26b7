/**
 * Failures and exit codes. {@link io.lifeboat.error.ExitCode} is the only place that knows the
 * numbers; each exception subclass is named for what failed. Partial results (exit 3) are values in
 * reports, not exceptions. Code here must never log: the entry point reports a failure once.
 */
package io.lifeboat.error;
