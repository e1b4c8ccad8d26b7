package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.cli.TerminalProgress.Unit;
import io.lifeboat.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();

  private TerminalProgress progress(String verb, Unit unit, boolean live) {
    return new TerminalProgress(
        verb, unit, live, new PrintStream(drawn, true, StandardCharsets.UTF_8), now::get);
  }

  private String drawn() {
    return drawn.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "exporting ns: 1,234 objects, 123 objects/s | 1234 | -1 | 10",
        "exporting ns: 1 object, 0.5 objects/s | 1 | -1 | 2",
        "exporting ns: 0 objects, 0.0 objects/s | 0 | -1 | 2",
        "exporting ns: 120 / 1,000 objects (12%), 40 objects/s, 22.0 s left | 120 | 1000 | 3",
        "exporting ns: 1,000 / 1,000 objects (100%), 500 objects/s, done | 1000 | 1000 | 2",
        "exporting ns: 3 objects, 1.5 objects/s | 3 | 1 | 2"
      })
  void objectsShowTheirCountAndRateAndTheTimeLeftOnlyWhenATotalHolds(
      String expected, long done, long total, long seconds) {
    String line =
        TerminalProgress.line("exporting ns", Unit.of("object"), done, total, seconds * SECOND);
    // Padded, so a shorter line fully covers the longer one it rewrites.
    assertThat(line).endsWith("   ");
    assertThat(line.stripTrailing()).isEqualTo(expected);
  }

  @Test
  void bytesPastTheirEstimateShowSizeAndRateOnly() {
    assertThat(
            TerminalProgress.line(
                "snapshot prod/X", Unit.BYTES, 3 * 1024 * 1024, 2 * 1024 * 1024, 2 * SECOND))
        .isEqualTo("snapshot prod/X: 3.0 MiB, 1.5 MiB/s   ");
    assertThat(TerminalProgress.line("snapshot prod/X", Unit.BYTES, 5000, Progress.UNKNOWN, SECOND))
        .isEqualTo("snapshot prod/X: 4.9 KiB, 4.9 KiB/s   ");
  }

  @Test
  void aLiveLineIsRedrawnAtMostTwiceASecondAndEndedOncePerSubject() {
    TerminalProgress progress = progress("exporting", Unit.of("object"), true);

    progress.started("prod/shop/A");
    progress.advanced(1, Progress.UNKNOWN); // drawn: the first figures
    now.addAndGet(SECOND / 10);
    progress.advanced(2, Progress.UNKNOWN); // too soon
    progress.advanced(3, Progress.UNKNOWN); // too soon
    now.addAndGet(SECOND / 2);
    progress.advanced(4, Progress.UNKNOWN); // drawn
    progress.started("prod/web/B"); // ends A's line with its last figures
    now.addAndGet(SECOND);
    progress.advanced(7, Progress.UNKNOWN);
    progress.finish();
    progress.finish(); // nothing more

    String[] draws = drawn().split("\r", -1);
    assertThat(draws[0]).isEmpty();
    assertThat(draws).hasSize(6);
    assertThat(draws[1]).startsWith("exporting prod/shop/A: 1 object,");
    assertThat(draws[2]).startsWith("exporting prod/shop/A: 4 objects,");
    assertThat(draws[3]).startsWith("exporting prod/shop/A: 4 objects,").endsWith("\n");
    assertThat(draws[4]).startsWith("exporting prod/web/B: 7 objects, 7.0 objects/s");
    assertThat(draws[5]).startsWith("exporting prod/web/B: 7 objects,").endsWith("\n");
    assertThat(drawn().chars().filter(c -> c == '\n').count()).isEqualTo(2);
  }

  @Test
  void offATerminalNothingIsEverWritten() {
    TerminalProgress progress = progress("pruning", Unit.of("object"), false);

    progress.started("etcd prod");
    progress.advanced(1000, 2200);
    progress.stored(2200, 2200);
    progress.finish();

    assertThat(drawn()).isEmpty();
    assertThat(progress.reporting()).isSameAs(Progress.NONE);
    assertThat(progress("pruning", Unit.of("object"), true).reporting()).isNotSameAs(Progress.NONE);
  }

  @Test
  void aDownloadEndsItsOwnLineWithTheLastByte() {
    TerminalProgress progress = progress("downloading", Unit.BYTES, true);

    progress.stored(512, 1024);
    now.addAndGet(SECOND);
    progress.stored(1024, 1024);
    progress.finish();

    assertThat(drawn()).endsWith("downloading: 1.0 KiB / 1.0 KiB (100%), 1.0 KiB/s, done   \n");
    assertThat(drawn().chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }
}
