/**
 * The tasks as Funqy HTTP functions ({@code POST /<name>}, Knative or standalone): request ->
 * {@code io.lifeboat.app.TaskRuns}, the run path the CronJobs share -> a result record, with
 * functions/README.md's status table (from {@code io.lifeboat.error.ExitCode}) for failures.
 *
 * <p>It must never inject runtime-specific context (the functions stay portable), hold task logic,
 * or answer with a secret or an object's contents.
 */
package io.lifeboat.functions.http;
