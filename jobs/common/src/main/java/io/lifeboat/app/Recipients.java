package io.lifeboat.app;

import io.lifeboat.codec.AgeRecipients;
import java.util.List;
import java.util.Set;

/** The configured age recipients ({@code lifeboat.age.recipients} and {@code recipients-file}). */
public final class Recipients {
  private Recipients() {}

  public static AgeRecipients of(LifeboatConfig config) {
    return AgeRecipients.fromConfig(
        config.age().recipients().orElse(List.of()), config.age().recipientsFile());
  }

  public static Set<String> fingerprints(LifeboatConfig config) {
    return of(config).fingerprints();
  }
}
