package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.BackupId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeBackupChoiceTest {
  private static final BackupId EXPORT = BackupId.parse("20261125T181500Z-aaaa");

  private static BackupId id(String text) {
    return BackupId.parse(text);
  }

  @Test
  void nearestTakesTheVolumesBackupClosestInTimeOnEitherSide() {
    List<BackupId> available =
        List.of(
            id("20261125T174500Z-0001"),
            id("20261125T181000Z-0002"),
            id("20261125T182200Z-0003"),
            id("20261125T190000Z-0004"));

    var decision = VolumeBackupChoice.defaults().choose(EXPORT, available);

    assertThat(decision.chosen()).isEqualTo(id("20261125T181000Z-0002"));
    assertThat(decision.reason())
        .isEqualTo(
            "volumes backup 20261125T181000Z-0002 (nearest within 1h; 5m before "
                + "20261125T181500Z-aaaa)");
  }

  @Test
  void aTieGoesToTheLaterVolumesBackup() {
    List<BackupId> available =
        List.of(
            id("20261125T181000Z-0001"), id("20261125T182000Z-0002"), id("20261125T182000Z-0001"));

    var decision = VolumeBackupChoice.defaults().choose(EXPORT, available);

    assertThat(decision.chosen()).isEqualTo(id("20261125T182000Z-0002"));
  }

  @Test
  void nothingWithinTheWindowMeansThePvcsComeFromTheArchiveAndTheReasonSaysSo() {
    List<BackupId> available = List.of(id("20261125T171459Z-0001"), id("20261125T191501Z-0002"));

    var decision = VolumeBackupChoice.defaults().choose(EXPORT, available);

    assertThat(decision.chosen()).isNull();
    assertThat(decision.reason())
        .startsWith("no volumes backup within 1h of 20261125T181500Z-aaaa");
  }

  @Test
  void theWindowIsInclusiveAndConfigurable() {
    List<BackupId> available = List.of(id("20261125T184500Z-0001"));

    assertThat(
            new VolumeBackupChoice("nearest", Duration.ofMinutes(30))
                .choose(EXPORT, available)
                .chosen())
        .isEqualTo(id("20261125T184500Z-0001"));
    assertThat(
            new VolumeBackupChoice("nearest", Duration.ofMinutes(29))
                .choose(EXPORT, available)
                .chosen())
        .isNull();
  }

  @Test
  void noneNeverTakesOneEvenAtTheSameSecond() {
    var choice = new VolumeBackupChoice("none", null);

    var decision = choice.choose(EXPORT, List.of(id("20261125T181500Z-0001")));

    assertThat(choice.never()).isTrue();
    assertThat(decision.chosen()).isNull();
    assertThat(decision.reason()).contains("'none'");
  }

  @Test
  void anExplicitIdIsTakenWhateverItsDistance() {
    BackupId far = id("20261120T000000Z-0001");
    var choice = new VolumeBackupChoice(far.toString(), Duration.ofMinutes(1));

    var decision = choice.choose(EXPORT, List.of(far, id("20261125T181500Z-0002")));

    assertThat(decision.chosen()).isEqualTo(far);
    assertThat(decision.reason()).contains("asked for").contains("before 20261125T181500Z-aaaa");
  }

  @Test
  void anExplicitIdThatIsNotInTheCatalogIsNotFound() {
    var choice = new VolumeBackupChoice("20261120T000000Z-0001", null);

    assertThatThrownBy(() -> choice.choose(EXPORT, List.of(id("20261125T181500Z-0002"))))
        .hasMessageContaining("'20261120T000000Z-0001' not found")
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.NOT_FOUND));
  }

  @Test
  void anythingElseIsInvalidConfigurationNamingTheValue() {
    assertThatThrownBy(() -> new VolumeBackupChoice("latest", null))
        .hasMessageContaining("'latest'")
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION));
  }

  @Test
  void durationsReadAsUnits() {
    assertThat(VolumeBackupChoice.human(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(VolumeBackupChoice.human(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(VolumeBackupChoice.human(Duration.ofDays(2))).isEqualTo("2d");
  }
}
