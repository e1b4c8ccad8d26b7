package io.lifeboat.cli;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.List;

/** {@code --namespace-mapping OLD:NEW}, the one spelling in every restore command. */
final class NamespaceMapping {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

  private NamespaceMapping() {}

  static List<String> checked(List<String> pairs) {
    pairs.forEach(NamespaceMapping::split);
    return pairs;
  }

  /** {@code [old, new]}. */
  static String[] split(String pair) {
    String[] parts = pair.strip().split(":", -1);
    if (parts.length != 2 || !parts[0].matches(LABEL) || !parts[1].matches(LABEL)) {
      throw new InvalidConfigurationException(
          "--namespace-mapping '"
              + pair
              + "': write OLD:NEW with two namespace names, e.g. shop:shop-restored");
    }
    return parts;
  }
}
