package io.lifeboat.repository;

import io.lifeboat.check.CheckLine;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Proves what the store identity in use may do, by doing it: LIST under {@code claims/}, PUT a
 * scratch object under {@code claims/repo-check/}, DELETE it. The answer is judged by
 * docs/security.md's trust model: the admin identity may do all three; the put-only backup identity
 * may only PUT, and its refused LIST and DELETE are what keep a compromised cluster from reading or
 * deleting backups, so they are OK for it. A put-only identity leaves its scratch object behind (it
 * cannot delete it); the admin identity's next check removes such leftovers.
 */
public final class StoreAccessCheck {
  public static final String NAME = "store identity";

  private StoreAccessCheck() {}

  /** What one request did: allowed, refused by the store's policy, or failed otherwise. */
  private record Attempt(boolean allowed, boolean denied, String reason) {
    static final Attempt ALLOWED = new Attempt(true, false, "");

    static Attempt of(RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      boolean denied = message.contains("access denied") || message.contains("AccessDenied");
      return new Attempt(false, denied, message);
    }
  }

  /** {@code identity} says who this is (e.g. {@code access key ****WXYZ (LIFEBOAT_S3_...)}). */
  public static CheckLine check(ObjectStore store, String identity) {
    Attempt list = list(store);
    String key = RepositoryLayout.accessCheck(UUID.randomUUID().toString());
    Attempt put = put(store, key);
    if (!put.allowed()) {
      return CheckLine.fail(
          NAME,
          identity
              + (put.denied()
                  ? ": PUT refused under " + RepositoryLayout.CLAIMS + ", so no backup can be made"
                  : ": PUT failed")
              + " ("
              + put.reason()
              + ")",
          ExitCode.LOCATION_UNAVAILABLE);
    }
    Attempt delete = delete(store, key);
    return judge(store, identity, list, delete, key);
  }

  private static CheckLine judge(
      ObjectStore store, String identity, Attempt list, Attempt delete, String key) {
    if (list.allowed() && delete.allowed()) {
      int leftovers = removeLeftovers(store);
      return CheckLine.ok(
          NAME,
          identity
              + ": LIST, PUT and DELETE proven under "
              + RepositoryLayout.CLAIMS
              + " (the admin identity of docs/security.md)"
              + (leftovers == 0 ? "" : "; removed " + leftovers + " put-only check object(s)"));
    }
    if (list.allowed() && delete.reason().toLowerCase(java.util.Locale.ROOT).contains("lock")) {
      return CheckLine.ok(
          NAME,
          identity
              + ": LIST and PUT proven; DELETE refused by Object Lock retention, as a default"
              + " retention must ("
              + key
              + " stays until its retention ends)");
    }
    if (!list.allowed() && !delete.allowed() && list.denied() && delete.denied()) {
      return CheckLine.ok(
          NAME,
          identity
              + ": PUT proven; LIST and DELETE refused, as the put-only backup identity of"
              + " docs/security.md must be (it cannot remove "
              + key
              + "; an admin check will). repo check's other lines need the admin identity");
    }
    return CheckLine.warn(
        NAME,
        identity
            + ": PUT proven; LIST "
            + (list.allowed() ? "allowed" : "refused (" + list.reason() + ")")
            + ", DELETE "
            + (delete.allowed() ? "allowed" : "refused (" + delete.reason() + ")")
            + ": neither the admin identity (all three) nor the put-only backup identity (PUT"
            + " only) of docs/security.md");
  }

  private static Attempt list(ObjectStore store) {
    try (Stream<ObjectInfo> listing = store.list(RepositoryLayout.CLAIMS)) {
      listing.findFirst();
      return Attempt.ALLOWED;
    } catch (LifeboatException e) {
      return Attempt.of(e);
    }
  }

  private static Attempt put(ObjectStore store, String key) {
    try {
      byte[] content = "lifeboat repo check".getBytes(StandardCharsets.UTF_8);
      store.put(key, content, Condition.ifAbsent());
      return Attempt.ALLOWED;
    } catch (LifeboatException e) {
      return Attempt.of(e);
    }
  }

  private static Attempt delete(ObjectStore store, String key) {
    try {
      DeleteResult result = store.delete(List.of(key));
      if (result.refused().isEmpty()) {
        return Attempt.ALLOWED;
      }
      String reason = String.valueOf(result.refused().get(key));
      return new Attempt(false, true, "access denied: " + reason);
    } catch (LifeboatException e) {
      return Attempt.of(e);
    }
  }

  /** Scratch objects earlier put-only checks could not delete; best effort. */
  private static int removeLeftovers(ObjectStore store) {
    try (Stream<ObjectInfo> listing = store.list(RepositoryLayout.ACCESS_CHECKS)) {
      List<String> keys = listing.map(ObjectInfo::key).toList();
      return keys.isEmpty() ? 0 : store.delete(keys).deleted().size();
    } catch (LifeboatException e) {
      return 0;
    }
  }
}
