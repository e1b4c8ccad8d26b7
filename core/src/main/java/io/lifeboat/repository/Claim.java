package io.lifeboat.repository;

import java.time.Instant;

/**
 * The content of a claim marker: who claimed the slot and when, for a person reading the bucket.
 */
public record Claim(String slot, String backupId, String runner, Instant claimedAt) {}
