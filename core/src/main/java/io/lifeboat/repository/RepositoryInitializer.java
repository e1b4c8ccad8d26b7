package io.lifeboat.repository;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code lifeboat repo init}: proves the store honours conditional writes, then creates {@code
 * lifeboat.json} with put-if-absent. Everything Lifeboat coordinates rests on those 412s, so a
 * store that ignores them is refused, naming the missing capability.
 */
public final class RepositoryInitializer {
  private final ObjectStore store;
  private final Clock clock;

  public RepositoryInitializer(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What init did: created the repository, or found one with the same recipients. */
  public record Outcome(boolean created, Descriptor descriptor) {}

  public Outcome init(Set<String> recipientFingerprints) {
    Optional<Descriptor> existing = existing();
    if (existing.isPresent()) {
      return sameRecipients(existing.get(), recipientFingerprints);
    }
    probe();
    Descriptor descriptor =
        new Descriptor(
            Descriptor.FORMAT_VERSION,
            clock.instant(),
            true,
            List.copyOf(new TreeSet<>(recipientFingerprints)),
            Version.TOOL);
    if (store
        .put(RepositoryLayout.descriptor(), Json.write(descriptor), Condition.ifAbsent())
        .isEmpty()) {
      return sameRecipients(existing().orElseThrow(), recipientFingerprints);
    }
    return new Outcome(true, descriptor);
  }

  private Optional<Descriptor> existing() {
    return store
        .read(RepositoryLayout.descriptor())
        .map(v -> Json.read(v.content(), Descriptor.class, RepositoryLayout.descriptor()));
  }

  private Outcome sameRecipients(Descriptor descriptor, Set<String> fingerprints) {
    if (!new TreeSet<>(descriptor.recipients()).equals(new TreeSet<>(fingerprints))) {
      throw new InvalidConfigurationException(
          "a repository already exists at "
              + store.location()
              + " with age recipients "
              + descriptor.recipients()
              + ", not the configured "
              + new TreeSet<>(fingerprints));
    }
    return new Outcome(false, descriptor);
  }

  /** Checks the four conditional operations the marker protocol needs, on a throwaway key. */
  void probe() {
    String key = RepositoryLayout.probe(UUID.randomUUID().toString());
    byte[] first = "probe 1".getBytes(StandardCharsets.UTF_8);
    byte[] second = "probe 2".getBytes(StandardCharsets.UTF_8);
    try {
      String etag =
          store
              .put(key, first, Condition.ifAbsent())
              .orElseThrow(() -> refused("put-if-absent (If-None-Match: *) refused a new key"));
      require(store.put(key, second, Condition.ifAbsent()).isEmpty(), "If-None-Match: * on PUT");
      require(
          store.put(key, second, Condition.ifMatch("\"0-stale\"")).isEmpty(), "If-Match on PUT");
      String current =
          store
              .put(key, second, Condition.ifMatch(etag))
              .orElseThrow(() -> refused("If-Match on PUT with the current etag was refused"));
      require(!store.deleteIfMatch(key, etag), "If-Match on DELETE");
      require(store.deleteIfMatch(key, current), "If-Match on DELETE with the current etag");
    } finally {
      store.delete(List.of(key));
    }
  }

  private void require(boolean held, String capability) {
    if (!held) {
      throw refused("the store ignores " + capability);
    }
  }

  private LocationUnavailableException refused(String what) {
    return new LocationUnavailableException(
        store.location()
            + " lacks conditional writes: "
            + what
            + ". Lifeboat coordinates runs only through conditional writes; use a store that supports them (AWS S3, MinIO, Ceph RGW, R2, S3Proxy 4.1+)");
  }
}
