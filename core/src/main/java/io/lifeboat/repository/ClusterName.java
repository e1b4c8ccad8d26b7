package io.lifeboat.repository;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.regex.Pattern;

/**
 * The required {@code lifeboat.cluster}: a DNS label. It is part of every key, so clusters can
 * share a bucket.
 */
public record ClusterName(String value) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public ClusterName {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException(
          "lifeboat.cluster is required (a name like 'prod-eu')");
    }
    if (!LABEL.matcher(value).matches()) {
      throw new InvalidConfigurationException(
          "lifeboat.cluster must match [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?, was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
