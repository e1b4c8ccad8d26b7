package io.lifeboat.repository;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.lifeboat.error.InvalidConfigurationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a backup holds. The name is the key segment under {@code data/} and {@code catalog/}. */
public enum Kind {
  ETCD("etcd"),
  /** An etcd delta: the events between two revisions, replayed onto a full snapshot (issue 17). */
  ETCD_DELTA("etcd-delta"),
  NAMESPACE("namespace"),
  VOLUMES("volumes");

  private final String segment;

  Kind(String segment) {
    this.segment = segment;
  }

  @JsonValue
  public String segment() {
    return segment;
  }

  /** True when a scope of this kind names a namespace ({@code <cluster>/<namespace>}). */
  public boolean namespaced() {
    return this != ETCD && this != ETCD_DELTA;
  }

  @JsonCreator
  public static Kind parse(String text) {
    return Arrays.stream(values())
        .filter(k -> k.segment.equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidConfigurationException(
                    "kind must be one of "
                        + Arrays.stream(values())
                            .map(Kind::segment)
                            .collect(Collectors.joining(", "))
                        + ", was '"
                        + text
                        + "'"));
  }

  @Override
  public String toString() {
    return segment;
  }
}
