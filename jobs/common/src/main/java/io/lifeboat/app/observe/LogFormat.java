package io.lifeboat.app.observe;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * JSON logs in containers, human logs on a terminal. Quarkus cannot tell whether stdout is a
 * terminal, so this decides from the environment: {@code LIFEBOAT_LOG_FORMAT=json} or {@code text}
 * when set, else JSON exactly when running in Kubernetes ({@code KUBERNETES_SERVICE_HOST} set). It
 * sets {@code quarkus.log.console.json.enabled} above application.properties (ordinal 275) and
 * below environment variables, so {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED} still wins. In apps
 * without quarkus-logging-json (the CLI) it sets nothing, so Quarkus sees no unknown key.
 */
public final class LogFormat implements ConfigSource {
  static final String PROPERTY = "quarkus.log.console.json.enabled";
  private static final boolean JSON_LOGGING =
      present("io.quarkus.logging.json.runtime.JsonFormatter");
  private final Map<String, String> env;

  public LogFormat() {
    this(System.getenv());
  }

  LogFormat(Map<String, String> env) {
    this.env = env;
  }

  /** True for JSON lines. */
  public static boolean json(Map<String, String> env) {
    String format = env.getOrDefault("LIFEBOAT_LOG_FORMAT", "").strip().toLowerCase(Locale.ROOT);
    if (format.equals("json")) {
      return true;
    }
    if (format.equals("text")) {
      return false;
    }
    String host = env.get("KUBERNETES_SERVICE_HOST");
    return host != null && !host.isBlank();
  }

  @Override
  public Set<String> getPropertyNames() {
    return JSON_LOGGING ? Set.of(PROPERTY) : Set.of();
  }

  @Override
  public String getValue(String propertyName) {
    return JSON_LOGGING && PROPERTY.equals(propertyName) ? Boolean.toString(json(env)) : null;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, LogFormat.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public String getName() {
    return "lifeboat-log-format";
  }

  @Override
  public int getOrdinal() {
    return 275;
  }
}
