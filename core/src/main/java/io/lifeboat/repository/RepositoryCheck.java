package io.lifeboat.repository;

import io.lifeboat.check.CheckLine;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.store.BucketProtections;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lifeboat repo check}: what protects this repository. The descriptor, the conditional
 * writes the marker protocol rests on (probed on a throwaway key, as {@code repo init} does), and
 * the bucket's own protections, with what a put-only identity could still do without them. Run with
 * the admin identity: the probe writes and deletes under {@code probes/}.
 */
public final class RepositoryCheck {
  private final ObjectStore store;
  private final Clock clock;

  public RepositoryCheck(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * What one check found.
   *
   * @param descriptor what {@code lifeboat.json} says, or why it is not usable
   * @param repository true when the descriptor is there and this Lifeboat reads its format
   * @param conditionalWrites what the probe found
   * @param conditional true when every conditional write held
   */
  public record Report(
      String location,
      String descriptor,
      boolean repository,
      String conditionalWrites,
      boolean conditional,
      BucketProtections protections) {

    /**
     * 0 when the repository is usable; 5 when it is not (no descriptor, no conditional writes);
     * with {@code requireProtection}, 3 when a usable repository's bucket protects nothing.
     */
    public ExitCode exitCode(boolean requireProtection) {
      return CheckLine.exitCode(checks(requireProtection));
    }

    /**
     * The report as {@code repo check}'s table lines: the descriptor and conditional writes fail
     * (exit 5) when not usable; a bucket that protects nothing against overwrites is a WARN, or a
     * failure (exit 3) with {@code requireProtection}.
     */
    public List<CheckLine> checks(boolean requireProtection) {
      boolean guarded = protections.protectsAgainstOverwrite();
      List<CheckLine> lines = new ArrayList<>();
      lines.add(CheckLine.ok("repository", location));
      lines.add(usable("descriptor", descriptor, repository));
      lines.add(usable("conditional writes", conditionalWrites, conditional));
      lines.add(
          protections.versioning().protects()
              ? CheckLine.ok("versioning", describe(protections.versioning()))
              : CheckLine.warn("versioning", describe(protections.versioning())));
      lines.add(
          protections.objectLock().protects() || guarded
              ? CheckLine.ok("object lock", describe(protections.objectLock()))
              : CheckLine.warn("object lock", describe(protections.objectLock())));
      String exposure = exposure(protections);
      lines.add(
          guarded
              ? CheckLine.ok("put-only identity", exposure)
              : requireProtection
                  ? CheckLine.fail("put-only identity", exposure, ExitCode.PARTIAL)
                  : CheckLine.warn("put-only identity", exposure));
      return lines;
    }

    private static CheckLine usable(String name, String detail, boolean usable) {
      return usable
          ? CheckLine.ok(name, detail)
          : CheckLine.fail(name, detail, ExitCode.LOCATION_UNAVAILABLE);
    }

    /** The report as a person reads it, one fact per line. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("repository:         " + location);
      lines.add("descriptor:         " + descriptor);
      lines.add("conditional writes: " + conditionalWrites);
      lines.addAll(protectionLines(protections));
      return lines;
    }
  }

  /** The protections' lines, shared by {@code repo init} and {@code repo check}. */
  public static List<String> protectionLines(BucketProtections protections) {
    return List.of(
        "versioning:         " + describe(protections.versioning()),
        "object lock:        " + describe(protections.objectLock()),
        "put-only identity:  " + exposure(protections));
  }

  public Report check() {
    String descriptor;
    boolean repository;
    try {
      Descriptor found = new Repository(store, clock).descriptor();
      descriptor =
          "format "
              + found.formatVersion()
              + ", created "
              + found.createdAt()
              + (found.recipients().isEmpty()
                  ? ", unencrypted"
                  : ", encrypted to " + found.recipients().size() + " age recipient(s)");
      repository = true;
    } catch (LifeboatException e) {
      descriptor = "not usable: " + e.getMessage();
      repository = false;
    }
    String conditional;
    boolean held;
    try {
      new RepositoryInitializer(store, clock).probe();
      conditional = "honoured (If-None-Match and If-Match on PUT, If-Match on DELETE)";
      held = true;
    } catch (LifeboatException e) {
      conditional = "NOT usable: " + e.getMessage();
      held = false;
    }
    return new Report(
        store.location(), descriptor, repository, conditional, held, store.protections());
  }

  private static String describe(BucketProtections.Feature feature) {
    return feature.status().name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + feature.detail()
        + ")";
  }

  /** What the backup identity can still do, in one plain sentence. */
  private static String exposure(BucketProtections protections) {
    if (protections.objectLock().protects()) {
      return "cannot replace or delete an object before its retention ends; it can still add"
          + " objects (new forged entries are checked by Lifeboat, not by the bucket)";
    }
    if (protections.versioning().protects()) {
      return "can overwrite an object whose key it can guess, but the earlier version stays"
          + " (an admin restores it with the store's version tools; prune never deletes versions)";
    }
    return "CAN OVERWRITE any backup, catalog entry or claim whose key it can guess, and the"
        + " original is gone; nothing but versioning or Object Lock prevents that (docs/security.md)";
  }
}
