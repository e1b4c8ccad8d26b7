package io.lifeboat.cli;

import io.lifeboat.etcd.restore.DownloadProgress;

/**
 * Download progress on stderr, only when a person is watching (a console), at most twice a second,
 * so logs of Jobs and pipes stay clean.
 */
final class TerminalProgress implements DownloadProgress {
  private static final long INTERVAL_NANOS = 500_000_000L;
  private long lastPrinted;
  private boolean printed;

  static DownloadProgress forConsole() {
    return System.console() == null ? NONE : new TerminalProgress();
  }

  @Override
  public void stored(long read, long total) {
    long now = System.nanoTime();
    if (read < total && printed && now - lastPrinted < INTERVAL_NANOS) {
      return;
    }
    lastPrinted = now;
    printed = true;
    System.err.printf(
        "\rdownloading: %,d / %,d MiB (%d%%)%s",
        read >> 20, total >> 20, total == 0 ? 100 : read * 100 / total, read >= total ? "\n" : "");
    System.err.flush();
  }
}
