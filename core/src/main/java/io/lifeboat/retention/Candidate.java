package io.lifeboat.retention;

import io.lifeboat.repository.BackupId;
import java.util.Objects;

/**
 * A catalog entry offered to the retention policy: its id (which carries its UTC start time) and
 * whether the data the entry names was found. An entry whose data is missing is never counted.
 */
public record Candidate(BackupId id, boolean dataPresent) {
  public Candidate {
    Objects.requireNonNull(id, "id");
  }

  /** A committed backup whose data is present. */
  public static Candidate complete(BackupId id) {
    return new Candidate(id, true);
  }
}
