package io.lifeboat.kube;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in its string form ({@code app=web,tier!=cache,env in (a,b),!legacy})
 * matched on the client, so OR-ed selectors need one list per type rather than one per selector.
 */
public final class LabelSelector {
  private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
  private static final Pattern EQUALS = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*([-A-Za-z0-9_.]*)");
  private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s+\\(([^)]*)\\)");
  private static final Pattern EXISTS = Pattern.compile("(!?)" + KEY);

  private final String text;
  private final List<Requirement> requirements;

  private LabelSelector(String text, List<Requirement> requirements) {
    this.text = text;
    this.requirements = requirements;
  }

  /** Parses a selector; a malformed one is a configuration error quoting it. */
  public static LabelSelector parse(String text) {
    List<Requirement> requirements = new ArrayList<>();
    for (String part : split(text)) {
      requirements.add(requirement(part.trim(), text));
    }
    return new LabelSelector(text, List.copyOf(requirements));
  }

  public boolean matches(Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(r -> r.test(actual));
  }

  @Override
  public String toString() {
    return text;
  }

  private static Requirement requirement(String part, String whole) {
    Matcher m;
    if ((m = SET.matcher(part)).matches()) {
      Set<String> values = Set.of(m.group(3).trim().split("\\s*,\\s*"));
      String key = m.group(1);
      boolean in = m.group(2).equals("in");
      return labels -> in == (labels.containsKey(key) && values.contains(labels.get(key)));
    }
    if ((m = EQUALS.matcher(part)).matches()) {
      String key = m.group(1);
      String value = m.group(3);
      boolean equal = !m.group(2).equals("!=");
      return labels -> equal == value.equals(labels.get(key));
    }
    if ((m = EXISTS.matcher(part)).matches()) {
      String key = m.group(2);
      boolean present = m.group(1).isEmpty();
      return labels -> present == labels.containsKey(key);
    }
    throw new InvalidConfigurationException(
        "label selector '" + whole + "' has an invalid requirement '" + part + "'");
  }

  /** Splits on commas outside parentheses. */
  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidConfigurationException("label selector must not be empty");
    }
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  @FunctionalInterface
  private interface Requirement {
    boolean test(Map<String, String> labels);
  }
}
