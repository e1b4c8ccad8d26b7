package io.lifeboat.volumes.hooks;

import java.time.Duration;
import java.util.List;

/**
 * One command to exec in one container of one pod, before ({@link Phase#PRE}) or after ({@link
 * Phase#POST}) the namespace's snapshots.
 *
 * @param onError {@link OnError#FAIL}: a failed pre hook stops the namespace's snapshots (post
 *     hooks still run) and a failed post hook is a failure of the backup (exit 3); {@link
 *     OnError#CONTINUE}: a failure is a warning
 */
public record PodHook(
    Phase phase,
    String namespace,
    String pod,
    String container,
    List<String> command,
    Duration timeout,
    OnError onError) {
  public PodHook {
    command = List.copyOf(command);
  }

  public enum Phase {
    PRE,
    POST;

    /** The annotation prefix: {@code pre.hook.lifeboat.io/}. */
    public String prefix() {
      return name().toLowerCase(java.util.Locale.ROOT) + ".hook.lifeboat.io/";
    }
  }

  public enum OnError {
    FAIL,
    CONTINUE
  }

  /** {@code pre hook of pod shop/db-0 (container db)}, for messages. */
  public String describe() {
    return phase.name().toLowerCase(java.util.Locale.ROOT)
        + " hook of pod "
        + namespace
        + "/"
        + pod
        + " (container "
        + container
        + ")";
  }
}
