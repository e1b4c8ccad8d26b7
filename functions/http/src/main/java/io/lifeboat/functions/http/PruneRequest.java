package io.lifeboat.functions.http;

/**
 * The body of {@code POST /prune}; what is kept is config ({@code lifeboat.prune.*}). Prune claims
 * no schedule slot (a second delivery finds nothing more to delete; one beside a running prune gets
 * 409), so there is no {@code slot} field.
 *
 * @param dryRun {@code true} or {@code false} (a JSON boolean or string; anything else is a 400):
 *     true only plans and deletes nothing; null uses {@code lifeboat.prune.dry-run}
 */
public record PruneRequest(String dryRun) {}
