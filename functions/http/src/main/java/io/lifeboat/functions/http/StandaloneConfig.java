package io.lifeboat.functions.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code lifeboat.standalone}: run the scheduled tasks in this process (no Kubernetes). Registered
 * for reflection because {@code --help} reads it (see {@code io.lifeboat.app.ConfigReflection}).
 */
@ConfigMapping(prefix = "lifeboat")
@RegisterForReflection(methods = true, fields = false)
public interface StandaloneConfig {
  @WithDefault("false")
  boolean standalone();
}
