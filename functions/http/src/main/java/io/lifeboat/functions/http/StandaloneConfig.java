package io.lifeboat.functions.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code lifeboat.standalone}: run the scheduled tasks in this process (no Kubernetes). */
@ConfigMapping(prefix = "lifeboat")
public interface StandaloneConfig {
  @WithDefault("false")
  boolean standalone();
}
