package io.lifeboat.app;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration problem said about what the user actually typed: the flag when it came from one
 * ({@code --etcd-connect-timeout 'soon'}), else the environment variable when that is set ({@code
 * LIFEBOAT_ETCD_CONNECT_TIMEOUT 'soon'}), else the property; then what would be valid. SmallRye's
 * own wording ({@code SRCFG00039: The config property ... threw an Exception whilst being
 * converted}) and Java class names never reach the user.
 */
public final class ConfigErrors {
  private static final Pattern CONVERSION =
      Pattern.compile(
          "config property (lifeboat\\.[a-z0-9.\\-\\[\\]]+) with the config value \"(.*?)\""
              + " threw an Exception whilst being converted:? ?(.*)");
  private static final Pattern PROPERTY =
      Pattern.compile("(lifeboat\\.[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*)");

  /**
   * What a property takes, where the converter's own complaint would be Java's wording ({@code
   * Illegal character in scheme name at index 0}).
   */
  private static final Map<String, String> VALID =
      Map.of("lifeboat.etcd.endpoints", "write http(s)://host:port[,...]");

  private ConfigErrors() {}

  /** A SmallRye message (possibly many lines) as one line; {@code flags}: property -> value. */
  public static String explain(String text, Map<String, String> flags, UnaryOperator<String> env) {
    for (String line : text.split("\\R")) {
      Matcher conversion = CONVERSION.matcher(line);
      if (conversion.find()) {
        String property = conversion.group(1);
        String who = who(property, flags, env);
        return who
            + " '"
            + conversion.group(2)
            + "'"
            + (who.startsWith("LIFEBOAT_") ? " (" + property + ")" : "")
            + ": "
            + VALID.getOrDefault(property, valid(conversion.group(3)));
      }
    }
    for (String line : text.split("\\R")) {
      Matcher property = PROPERTY.matcher(line);
      if (property.find()) {
        String cleaned = line.replaceFirst("^.*?SRCFG\\d+: ?", "").replaceFirst("^\\s*-\\s*", "");
        return rename(cleaned.strip(), flags, env);
      }
    }
    return text.strip().split("\\R", 2)[0];
  }

  /** A message of ours that starts with a property name, restated under the name the user set. */
  public static String rename(
      String message, Map<String, String> flags, UnaryOperator<String> env) {
    Matcher property = PROPERTY.matcher(message);
    if (!property.find()) {
      return message;
    }
    String name = property.group(1);
    String who = who(name, flags, env);
    if (!who.equals(name) && message.contains(who)) {
      return message; // already said under the name the user set (explain did it)
    }
    // An environment variable is named with its property, which the docs and manifests use too.
    return message.substring(0, property.start())
        + (who.startsWith("LIFEBOAT_") ? who + " (" + name + ")" : who)
        + message.substring(property.end());
  }

  /** The name the user set {@code property} under. */
  public static String who(String property, Map<String, String> flags, UnaryOperator<String> env) {
    if (flags.containsKey(property)) {
      return "--" + property.replaceFirst("^lifeboat\\.", "").replace('.', '-');
    }
    String variable = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return env.apply(variable) != null ? variable : property;
  }

  private static String valid(String converterMessage) {
    String m = converterMessage.replaceAll("SRCFG\\d+: ?", "").strip();
    if (m.startsWith("Invalid duration") || m.contains("Duration")) {
      return "not a duration: write 90s, 15m, 2h or 7d";
    }
    if (m.startsWith("Expected an integer")) {
      return "not a whole number";
    }
    if (m.contains("URI") || m.contains("URL")) {
      return "not a URL";
    }
    return m.isEmpty()
        ? "not a valid value"
        : m.replaceAll("\\b(?:java|io|org)\\.[\\w.$]+:? ?", "");
  }
}
