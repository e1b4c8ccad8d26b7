package io.lifeboat.etcd.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaDecisionTest {
  static final Scope PROD = Scope.cluster(new ClusterName("prod"));
  static final ChainLink FULL =
      new ChainLink(
          new BackupRef(Kind.ETCD, PROD, BackupId.parse("20261130T120000Z-aaaa")),
          100,
          "20261130T120000Z-aaaa",
          0,
          0,
          null);
  static final ChainLink DELTA =
      new ChainLink(
          new BackupRef(Kind.ETCD_DELTA, PROD, BackupId.parse("20261130T120100Z-bbbb")),
          150,
          "20261130T120000Z-aaaa",
          3,
          3000,
          "c1");
  static final DeltaSettings SETTINGS = new DeltaSettings(DeltaSettings.OnGap.FULL, 5, 10_000);

  @Test
  void continuesTheBestCandidateFromItsRevisionPlusOneToNow() {
    assertThat(DeltaDecision.decide(List.of(DELTA, FULL), 200, "c1", rev -> false, SETTINGS))
        .isEqualTo(new DeltaPlan.Delta(DELTA, 151, 200));
  }

  @Test
  void anUnchangedEtcdGivesAnEmptyDeltaWithoutProbingCompaction() {
    assertThat(
            DeltaDecision.decide(
                List.of(DELTA),
                150,
                "c1",
                rev -> {
                  throw new AssertionError();
                },
                SETTINGS))
        .isEqualTo(new DeltaPlan.Delta(DELTA, 151, 150));
  }

  @Test
  void aCompactedStartFallsBackToTheNextCandidateThenToAFullSnapshotNamingEveryGap() {
    assertThat(DeltaDecision.decide(List.of(FULL, DELTA), 200, "c1", rev -> rev == 101, SETTINGS))
        .isEqualTo(new DeltaPlan.Delta(DELTA, 151, 200));
    DeltaPlan plan = DeltaDecision.decide(List.of(FULL, DELTA), 200, "c1", rev -> true, SETTINGS);
    assertThat(plan).isInstanceOf(DeltaPlan.Full.class);
    assertThat(((DeltaPlan.Full) plan).gap()).isTrue();
    assertThat(((DeltaPlan.Full) plan).reason())
        .contains("start revision 101 after etcd 20261130T120000Z-aaaa was compacted")
        .contains("start revision 151 after etcd-delta 20261130T120100Z-bbbb was compacted");
  }

  @Test
  void aBaseBeyondEtcdsRevisionOrOfAnotherClusterIsAGap() {
    DeltaPlan ahead = DeltaDecision.decide(List.of(DELTA), 120, "c1", rev -> false, SETTINGS);
    assertThat(((DeltaPlan.Full) ahead).reason()).contains("beyond etcd's current 120");
    DeltaPlan other = DeltaDecision.decide(List.of(DELTA), 200, "c2", rev -> false, SETTINGS);
    assertThat(((DeltaPlan.Full) other).reason()).contains("etcd cluster c1, etcd is now c2");
  }

  @Test
  void aLongOrLargeChainTakesAFullSnapshotThatIsNotAGap() {
    var shortChains = new DeltaSettings(DeltaSettings.OnGap.FAIL, 3, 10_000);
    DeltaPlan.Full full =
        (DeltaPlan.Full) DeltaDecision.decide(List.of(DELTA), 200, "c1", rev -> false, shortChains);
    assertThat(full.gap()).isFalse();
    assertThat(full.reason()).contains("max-chain=3");
    var smallChains = new DeltaSettings(DeltaSettings.OnGap.FAIL, 10, 3000);
    full =
        (DeltaPlan.Full) DeltaDecision.decide(List.of(DELTA), 200, "c1", rev -> false, smallChains);
    assertThat(full.reason()).contains("max-chain-bytes=3000");
  }

  @Test
  void noCandidateIsAGap() {
    DeltaPlan.Full full =
        (DeltaPlan.Full) DeltaDecision.decide(List.of(), 200, "c1", rev -> false, SETTINGS);
    assertThat(full.gap()).isTrue();
    assertThat(full.reason()).contains("no valid full snapshot or delta");
  }
}
