package io.lifeboat.etcd.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RestoreSpecTest {
  static final Path DATA = Path.of("/var/lib/etcd-restored");

  @Test
  void aNameMissingFromTheInitialClusterIsExitTwoNamingBoth() {
    assertThatThrownBy(
            () ->
                new RestoreSpec(
                    DATA, "cp4", "cp1=https://a:2380,cp2=https://b:2380", "https://d:2380", null))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("'cp4'")
        .hasMessageContaining("cp1=https://a:2380,cp2=https://b:2380");
  }

  @Test
  void aMalformedInitialClusterIsExitTwoQuotingIt() {
    assertThatThrownBy(() -> new RestoreSpec(DATA, "cp1", "cp1", "https://a:2380", null))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("'cp1'");
  }

  @Test
  void theDefaultTokenIsDerivedFromTheBackupSoEveryMemberAgrees() {
    RestoreSpec cp1 =
        new RestoreSpec(
            DATA, "cp1", "cp1=https://a:2380,cp2=https://b:2380", "https://a:2380", null);
    RestoreSpec cp2 =
        new RestoreSpec(
            DATA, "cp2", "cp1=https://a:2380,cp2=https://b:2380", "https://b:2380", null);
    assertThat(cp1.withDefaultToken("20261125T181500Z-3f9a").initialClusterToken())
        .isEqualTo(cp2.withDefaultToken("20261125T181500Z-3f9a").initialClusterToken())
        .isEqualTo("lifeboat-20261125t181500z-3f9a");
  }

  @Test
  void aGivenTokenIsKept() {
    RestoreSpec spec = new RestoreSpec(DATA, "cp1", "cp1=https://a:2380", "https://a:2380", "mine");
    assertThat(spec.withDefaultToken("20261125T181500Z-3f9a").initialClusterToken())
        .isEqualTo("mine");
  }

  @Test
  void minorVersionsAreReadFromToolAndServerVersions() {
    assertThat(RestoreTool.minorOf("3.4.23")).contains("3.4");
    assertThat(RestoreTool.minorOf("v3.5.10")).contains("3.5");
    assertThat(RestoreTool.minorOf("unknown")).isEmpty();
    assertThat(RestoreTool.minorOf(null)).isEmpty();
  }
}
