package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which live claims a Job's retry pod may take over at once: only its dead predecessor's. */
class ClaimTakeoverTest {
  static final Instant AT = Instant.parse("2026-11-25T18:15:00Z");

  static Claim held(String state, String runner) {
    return new Claim("20261125T1800Z", state, null, runner, AT, AT.plusSeconds(7500), "n");
  }

  @ParameterizedTest(name = "{0} claim of {1}, asked by {2}: taken over at once = {3}")
  @CsvSource({
    "running, lifeboat-namespace-export-29412345-1-abcde, lifeboat-namespace-export-29412345-1-fghij, true",
    "committing, lifeboat-namespace-export-29412345-1-abcde, lifeboat-namespace-export-29412345-1-fghij, false",
    "running, lifeboat-namespace-export-29412345-1-abcde, lifeboat-namespace-export-29412345-1-abcde, false",
    "running, lifeboat-namespace-export-29412345-1-abcde, lifeboat-namespace-export-29412345-2-fghij, false",
    "running, lifeboat-namespace-export-29412345-1-abcde, lifeboat-namespace-export-29412400-1-fghij, false",
    "running, lifeboat-namespace-export-29412345-abcde, lifeboat-namespace-export-29412345-fghij, false",
    "running, laptop.local, lifeboat-namespace-export-29412345-1-fghij, false",
    "running, lifeboat@4242, lifeboat@4243, false"
  })
  void onlyARunningClaimOfAnEarlierPodOfTheSameJobAndIndexIsTakenOverEarly(
      String state, String holder, String asker, boolean early) {
    Claim claim = held(state, holder);

    assertThat(claim.heldByAnEarlierPodOf(asker)).isEqualTo(early);
    assertThat(claim.reclaimableAt(AT)).isFalse();
  }
}
