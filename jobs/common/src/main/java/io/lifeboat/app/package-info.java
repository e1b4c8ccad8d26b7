/**
 * The thin layer between Quarkus and core that every job, the CLI and the functions share: config
 * mappings, the launcher that turns failures into the exit codes of {@link
 * io.lifeboat.error.ExitCode} (the README's table), store wiring, {@code Tasks} and its siblings
 * (config -> one core call), and the one run path every job and function takes: {@link
 * io.lifeboat.app.RunPath}, with {@link io.lifeboat.app.JobRuns} (the job images) and {@link
 * io.lifeboat.app.TaskRuns} (the functions) over it. No use-case logic lives here; it must never
 * log credentials or print a config value that may be secret.
 */
package io.lifeboat.app;
