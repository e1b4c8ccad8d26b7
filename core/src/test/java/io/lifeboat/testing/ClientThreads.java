package io.lifeboat.testing;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads of jetcd clients (their Vert.x event loops), to show a run leaves none behind.
 */
public final class ClientThreads {
  private ClientThreads() {}

  public static Set<Thread> live() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("vert.x-"))
        .collect(Collectors.toSet());
  }

  /** Those alive now that were not in {@code before}. */
  public static Set<Thread> startedSince(Set<Thread> before) {
    Set<Thread> now = live();
    now.removeAll(before);
    return now;
  }
}
