package io.lifeboat.cli;

import io.lifeboat.etcd.restore.DownloadProgress;
import java.util.Locale;

/**
 * Progress on stderr, only when a person is watching (a console): one line, rewritten at most twice
 * a second, with bytes done of the total, the rate and the time left. Jobs, pipes, logs and {@code
 * -o json} see nothing.
 */
final class TerminalProgress implements DownloadProgress {
  private static final long INTERVAL_NANOS = 500_000_000L;
  private final String label;
  private final long started = System.nanoTime();
  private long lastPrinted;
  private boolean printed;

  private TerminalProgress(String label) {
    this.label = label;
  }

  static DownloadProgress forConsole(String label) {
    return System.console() == null ? NONE : new TerminalProgress(label);
  }

  @Override
  public void stored(long read, long total) {
    long now = System.nanoTime();
    if (read < total && printed && now - lastPrinted < INTERVAL_NANOS) {
      return;
    }
    lastPrinted = now;
    printed = true;
    System.err.print("\r" + line(label, read, total, now - started) + (read >= total ? "\n" : ""));
    System.err.flush();
  }

  /** {@code downloading: 120.0 MiB / 1.2 GiB (9%), 48.1 MiB/s, 23 s left}. */
  static String line(String label, long read, long total, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double rate = read / seconds;
    String left =
        read >= total || rate <= 0
            ? "done"
            : Human.duration(java.time.Duration.ofMillis((long) ((total - read) / rate * 1000)))
                + " left";
    return String.format(
        Locale.ROOT,
        "%s: %s / %s (%d%%), %s/s, %s   ",
        label,
        Human.size(read),
        Human.size(total),
        total == 0 ? 100 : read * 100 / total,
        Human.size((long) rate),
        left);
  }
}
