package io.lifeboat.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.StoredObject;
import java.time.Instant;
import java.util.List;

/**
 * A backup being written: data objects first ({@link #openData}), then {@link #commit}, which
 * creates the catalog entry with put-if-absent (idempotently: it carries the run's nonce). Until
 * then the backup does not exist for list, restore or retention; if the run dies, its data is
 * garbage that prune collects after the grace period.
 */
public final class PendingBackup {
  private final Repository repository;
  private final BackupRef ref;
  private final String slot;
  private final String nonce;
  private final Instant startedAt;

  PendingBackup(
      Repository repository, BackupRef ref, String slot, String nonce, Instant startedAt) {
    this.repository = repository;
    this.ref = ref;
    this.slot = slot;
    this.nonce = nonce;
    this.startedAt = startedAt;
  }

  public BackupRef ref() {
    return ref;
  }

  public String slot() {
    return slot;
  }

  public String nonce() {
    return nonce;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** A writer for one payload object; commit it, then record it with {@link #recorded}. */
  public ObjectWriter openData(String name) {
    return repository
        .store()
        .openWriter(RepositoryLayout.dataObject(ref.kind(), ref.scope(), ref.id(), name));
  }

  /** The manifest's record of a committed payload object. */
  public DataObject recorded(StoredObject stored, Long rawSize, String rawSha256) {
    String name = stored.key().substring(stored.key().lastIndexOf('/') + 1);
    return new DataObject(name, stored.size(), stored.sha256(), rawSize, rawSha256);
  }

  /** Writes the catalog entry: from now on the backup exists. */
  public Manifest commit(Contents contents) {
    Manifest manifest =
        Manifest.builder(ref.kind(), ref.scope().toString(), ref.id().toString())
            .slot(slot)
            .times(startedAt, repository.clock().instant())
            .tool(Version.TOOL)
            .kubeSystemUid(contents.kubeSystemUid())
            .source(contents.source())
            .objects(contents.objects())
            .compression(contents.compression())
            .encryption(contents.encryption())
            .warnings(contents.warnings())
            .failures(contents.failures())
            .nonce(nonce)
            .build();
    // Idempotent: after a lost reply the SDK's retry gets 412, and the entry read back carries
    // our nonce. Another run's entry under our fresh id is a collision.
    if (new ConditionalWrites(repository.store())
        .create(ref.catalogKey(), Json.write(manifest))
        .isEmpty()) {
      throw new IntegrityException(
          "catalog entry '" + ref.catalogKey() + "' already exists: backup ids collided");
    }
    return manifest;
  }

  /** What a finished backup records beside the fields the repository fills in. */
  public record Contents(
      JsonNode source,
      List<DataObject> objects,
      String compression,
      Encryption encryption,
      String kubeSystemUid,
      List<String> warnings,
      List<ItemFailure> failures) {}
}
