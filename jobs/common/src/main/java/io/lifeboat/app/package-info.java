/**
 * The thin layer between Quarkus and core that every job, the CLI and the functions share: config
 * mappings, the launcher that turns failures into DESIGN.md's exit codes, store wiring, {@code
 * Tasks} and its siblings (config -> one core call) and {@link io.lifeboat.app.TaskRuns} (one run
 * with its report, as the functions call it). No use-case logic lives here; it must never log
 * credentials or print a config value that may be secret.
 */
package io.lifeboat.app;
