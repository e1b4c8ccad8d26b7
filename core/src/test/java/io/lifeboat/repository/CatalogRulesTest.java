package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.CatalogEntry.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The listing checks as a table: id time against the store's LastModified and now. */
class CatalogRulesTest {
  private static final Instant ID = Instant.parse("2026-11-25T18:00:00Z");
  private static final BackupRef REF =
      new BackupRef(Kind.ETCD, Scope.cluster(new ClusterName("prod")), new BackupId(ID, "3f9a"));
  private static final CatalogRules RULES =
      new CatalogRules(Duration.ofHours(1), Duration.ofMinutes(5));

  @ParameterizedTest(name = "written {0} after its id, now {1} after it, data {2}: {3}")
  @CsvSource({
    "PT1M, PT2H, true, UNREAD",
    "PT1H5M, PT2H, true, UNREAD",
    "PT1H5M1S, PT2H, true, BACK_DATED",
    "P1D, P2D, true, BACK_DATED",
    "-PT5M, PT2H, true, UNREAD",
    "-PT5M1S, PT2H, true, FUTURE_DATED",
    "PT1M, -PT6M, true, FUTURE_DATED",
    "PT1M, PT2H, false, INVALID",
  })
  void anEntryIsJudgedByTheStoresClock(
      Duration written, Duration now, boolean dataPresent, Status expected) {
    CatalogEntry entry = RULES.judge(REF, ID.plus(written), 900, ID.plus(now), dataPresent);

    assertThat(entry.status()).isEqualTo(expected);
    assertThat(entry.counts()).isEqualTo(expected == Status.UNREAD);
  }

  @ParameterizedTest(name = "an entry of {0} bytes is {1}")
  @CsvSource({"16777216, UNREAD", "16777217, INVALID"})
  void anEntryLargerThanAManifestMayBeIsInvalidWithoutBeingRead(long size, Status expected) {
    CatalogEntry entry = RULES.judge(REF, ID.plusSeconds(60), size, ID.plusSeconds(120), true);

    assertThat(entry.status()).isEqualTo(expected);
  }
}
