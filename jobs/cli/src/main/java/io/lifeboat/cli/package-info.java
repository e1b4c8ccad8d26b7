/**
 * {@code lifeboat}, the operator's CLI (picocli on Quarkus command mode): one command class per
 * verb, each parsing its flags into the same core requests the CronJobs and functions build,
 * calling one use-case and printing its report (human text, or JSON with {@code --output json}).
 * Flags override the {@code lifeboat.*} configuration; errors are one line naming the flag and the
 * value, with the README's exit codes.
 *
 * <p>It must never hold use-case logic, print a secret (keys, age identities), or need a
 * configuration to answer {@code --help}.
 */
package io.lifeboat.cli;
