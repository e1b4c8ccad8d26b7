package io.lifeboat.store;

import java.util.Objects;

/** The precondition of a {@link ObjectStore#put}: none, If-None-Match: *, or If-Match: etag. */
public sealed interface Condition {

  static Condition none() {
    return None.INSTANCE;
  }

  static Condition ifAbsent() {
    return IfAbsent.INSTANCE;
  }

  static Condition ifMatch(String etag) {
    return new IfMatch(etag);
  }

  enum None implements Condition {
    INSTANCE
  }

  enum IfAbsent implements Condition {
    INSTANCE
  }

  record IfMatch(String etag) implements Condition {
    public IfMatch {
      Objects.requireNonNull(etag, "etag");
    }
  }
}
