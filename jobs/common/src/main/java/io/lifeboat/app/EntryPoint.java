package io.lifeboat.app;

import io.lifeboat.app.observe.ObserveConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an image's entry point is, for its command line: it takes no arguments (config comes from
 * the environment, as a CronJob sets it), so {@code --help} prints the usage and the configuration
 * reference and anything else is refused with exit 2 — before Quarkus starts, so neither answer
 * reads config, opens the store or calls etcd or the API server.
 *
 * @param name the image's command name, e.g. {@code lifeboat-etcd-snapshot}
 * @param summary what one run does, in a sentence or two
 * @param mappings the {@code @ConfigMapping} interfaces it reads, besides the shared ones
 */
public record EntryPoint(String name, String summary, List<Class<?>> mappings) {
  public EntryPoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    mappings = List.copyOf(mappings);
  }

  /** The verdict on a command line: run, or exit now with this code after printing. */
  public record Verdict(Optional<Integer> exitNow, String stdout, String stderr) {
    static Verdict run() {
      return new Verdict(Optional.empty(), "", "");
    }
  }

  public Verdict check(String... args) {
    for (String arg : args) {
      if (!arg.equals("--help") && !arg.equals("-h")) {
        return new Verdict(
            Optional.of(2),
            "",
            name
                + ": unknown argument '"
                + arg
                + "': this entry point takes no arguments, only LIFEBOAT_* environment variables"
                + " (see "
                + name
                + " --help)");
      }
    }
    return args.length == 0 ? Verdict.run() : new Verdict(Optional.of(0), usage(), "");
  }

  /** Usage, exit codes and every variable the entry point reads. */
  public String usage() {
    List<Class<?>> all = new ArrayList<>(List.of(LifeboatConfig.class, ObserveConfig.class));
    all.addAll(mappings);
    return "Usage: "
        + name
        + " [--help]\n\n"
        + summary
        + "\n\nIt takes no arguments: set the environment variables below (or the properties, with"
        + " -D<property>=<value> before -jar).\nDurations are written 90s, 15m, 2h or 7d.\n\n"
        + "Exit codes: 0 done, 2 invalid configuration, 3 partly failed, 4 source (etcd, API"
        + " server) unavailable,\n5 backup location unavailable, 6 integrity failure, 7 not"
        + " found, 11 locked by another run, 1 unexpected.\n\nConfiguration:\n"
        + ConfigReference.render(ConfigReference.of(all));
  }
}
