package io.lifeboat.etcd.delta;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.Kind;

/** The facts every delta manifest must satisfy on its own; messages never quote the entry. */
final class DeltaChecks {
  private DeltaChecks() {}

  /** Throws IllegalArgumentException naming the first incoherent fact. */
  static void coherent(DeltaSource source) {
    if (source == null || !DeltaFormat.FORMAT.equals(source.format())) {
      throw new IllegalArgumentException("not a delta of format " + DeltaFormat.FORMAT);
    }
    if (source.fromRevision() < 2 || source.toRevision() < source.fromRevision() - 1) {
      throw new IllegalArgumentException("its revision range is not a range");
    }
    if (source.events() < 0 || source.chainLength() < 1 || source.chainBytes() < 0) {
      throw new IllegalArgumentException("its counts are negative");
    }
    if (source.base() == null || source.root() == null || source.baseKind() == null) {
      throw new IllegalArgumentException("it names no base or root");
    }
    Kind baseKind = Kind.parse(source.baseKind());
    if (baseKind != Kind.ETCD && baseKind != Kind.ETCD_DELTA) {
      throw new IllegalArgumentException("its base is not an etcd backup");
    }
    BackupId.parse(source.base());
    BackupId.parse(source.root());
    if (baseKind == Kind.ETCD && !source.base().equals(source.root())) {
      throw new IllegalArgumentException("its base is a full snapshot other than its root");
    }
    if (baseKind == Kind.ETCD && source.chainLength() != 1) {
      throw new IllegalArgumentException("the first delta of a chain must have chain length 1");
    }
  }
}
