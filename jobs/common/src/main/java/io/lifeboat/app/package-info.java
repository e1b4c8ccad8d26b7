/**
 * The thin layer between Quarkus and core: config mappings, the launcher that turns failures into
 * DESIGN.md's exit codes, and store wiring. No use-case logic lives here; it must never log
 * credentials or print a config value that may be secret.
 */
package io.lifeboat.app;
