package io.lifeboat.cli;

import io.lifeboat.etcd.restore.DownloadProgress;
import io.lifeboat.progress.Progress;
import io.lifeboat.text.Count;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr, only when a person is watching (stdout and stderr are a terminal): one line
 * per subject, rewritten at most twice a second, with the bytes or objects done, the rate, and,
 * when the total is known, the share and the time left. Jobs, pipes, logs and {@code -o json} see
 * nothing: a command makes one with {@link #forTerminal} and calls {@link #finish()} before it
 * prints its summary, whether or not anything was drawn.
 */
final class TerminalProgress implements DownloadProgress, Progress {
  private static final long INTERVAL_NANOS = 500_000_000L;

  /** What the counts are: bytes (noun null, sizes in KiB/MiB) or things ({@code object}). */
  record Unit(String noun) {
    static final Unit BYTES = new Unit(null);

    static Unit of(String noun) {
      return new Unit(noun);
    }

    String amount(long n) {
      return noun == null ? Human.size(n) : String.format(Locale.ROOT, "%,d %s", n, nouns(n));
    }

    String amountOf(long done, long total) {
      return noun == null
          ? Human.size(done) + " / " + Human.size(total)
          : String.format(Locale.ROOT, "%,d / %,d %s", done, total, nouns(total));
    }

    String rate(double perSecond) {
      if (noun == null) {
        return Human.size((long) perSecond) + "/s";
      }
      return String.format(
          Locale.ROOT, perSecond < 10 ? "%.1f %s/s" : "%.0f %s/s", perSecond, nouns(2));
    }

    private String nouns(long n) {
      return Count.noun(n, noun);
    }
  }

  private final String verb;
  private final Unit unit;
  private final boolean live;
  private final PrintStream out;
  private final LongSupplier nanos;
  private String subject;
  private long started;
  private long lastPrinted;
  private boolean printed;
  private long done;
  private long total = UNKNOWN;

  TerminalProgress(String verb, Unit unit, boolean live, PrintStream out, LongSupplier nanos) {
    this.verb = verb;
    this.unit = unit;
    this.live = live;
    this.out = out;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
  }

  /** Draws on stderr when stdout and stderr are a terminal; silent otherwise. */
  static TerminalProgress forTerminal(String verb, Unit unit) {
    return new TerminalProgress(verb, unit, onTerminal(), System.err, System::nanoTime);
  }

  /** Bytes, for downloads: the line ends itself when the last byte arrives. */
  static TerminalProgress forConsole(String verb) {
    return forTerminal(verb, Unit.BYTES);
  }

  /**
   * This when drawing, else {@link Progress#NONE}, which tells a use-case nobody watches: work done
   * only for a watcher (counting a restore plan's objects) is then skipped.
   */
  Progress reporting() {
    return live ? this : Progress.NONE;
  }

  @Override
  public void started(String subject) {
    finish();
    this.subject = subject;
    this.started = nanos.getAsLong();
    this.done = 0;
    this.total = UNKNOWN;
  }

  @Override
  public void advanced(long done, long total) {
    if (!live) {
      return;
    }
    this.done = done;
    this.total = total;
    long now = nanos.getAsLong();
    if (!printed || now - lastPrinted >= INTERVAL_NANOS) {
      draw(now, false);
    }
  }

  @Override
  public void stored(long read, long total) {
    advanced(read, total);
    if (read >= total) {
      finish();
    }
  }

  /** Draws the last figures and ends the line, if a line was drawn; the summary comes next. */
  void finish() {
    if (live && printed) {
      draw(nanos.getAsLong(), true);
      printed = false;
    }
  }

  private void draw(long now, boolean last) {
    lastPrinted = now;
    printed = true;
    String label = subject == null ? verb : verb + " " + subject;
    out.print("\r" + line(label, unit, done, total, now - started) + (last ? "\n" : ""));
    out.flush();
  }

  /** {@code downloading: 120.0 MiB / 1.2 GiB (9%), 48.1 MiB/s, 23.0 s left}. */
  static String line(String label, long read, long total, long elapsedNanos) {
    return line(label, Unit.BYTES, read, total, elapsedNanos);
  }

  /**
   * {@code exporting prod/shop/ID: 1,234 objects, 410 objects/s} when the total is unknown (or an
   * estimate already passed), else {@code restoring prod/shop: 120 / 1,000 objects (12%), 40
   * objects/s, 22.0 s left}.
   */
  static String line(String label, Unit unit, long done, long total, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double rate = done / seconds;
    if (total < 0 || done > total) {
      return String.format(Locale.ROOT, "%s: %s, %s   ", label, unit.amount(done), unit.rate(rate));
    }
    String left =
        done >= total || rate <= 0
            ? "done"
            : Human.duration(Duration.ofMillis((long) ((total - done) / rate * 1000))) + " left";
    return String.format(
        Locale.ROOT,
        "%s: %s (%d%%), %s, %s   ",
        label,
        unit.amountOf(done, total),
        total == 0 ? 100 : done * 100 / total,
        unit.rate(rate),
        left);
  }

  /**
   * A person is watching: Java sees a console (stdin and stdout are a terminal) and, where Linux
   * says so, stderr is one too ({@code lifeboat ... 2>log} must not fill the log with lines).
   */
  static boolean onTerminal() {
    if (System.console() == null) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true; // no /proc (macOS): the console is all Java can tell
    }
  }
}
