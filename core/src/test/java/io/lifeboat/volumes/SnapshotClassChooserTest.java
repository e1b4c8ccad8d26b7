package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.volumes.SnapshotClassChooser.Choice;
import io.lifeboat.volumes.SnapshotClassChooser.Chosen;
import io.lifeboat.volumes.SnapshotClassChooser.Refused;
import io.lifeboat.volumes.SnapshotClassChooser.Rule;
import io.lifeboat.volumes.SnapshotClassChooser.SnapshotClass;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotClassChooserTest {
  private static final String EBS = "ebs.csi.aws.com";
  private static final SnapshotClass PLAIN = new SnapshotClass("plain", EBS, false, false);
  private static final SnapshotClass LABELLED = new SnapshotClass("labelled", EBS, true, false);
  private static final SnapshotClass LABELLED_TOO =
      new SnapshotClass("labelled-2", EBS, true, false);
  private static final SnapshotClass DEFAULT = new SnapshotClass("default", EBS, false, true);
  private static final SnapshotClass DEFAULT_TOO = new SnapshotClass("default-2", EBS, false, true);
  private static final SnapshotClass OTHER_DRIVER =
      new SnapshotClass("gce", "pd.csi.storage.gke.io", true, true);

  static Stream<Arguments> cases() {
    return Stream.of(
        chosen(
            "the PVC annotation wins over every default",
            "plain",
            EBS,
            List.of(PLAIN, LABELLED, DEFAULT),
            "plain",
            Rule.PVC_ANNOTATION),
        chosen(
            "the annotation works when the driver is unknown",
            "plain",
            null,
            List.of(PLAIN),
            "plain",
            Rule.PVC_ANNOTATION),
        refused(
            "an annotation naming a missing class is refused",
            "gone",
            EBS,
            List.of(PLAIN),
            "'gone', which does not exist"),
        refused(
            "an annotation naming a class of another driver is refused",
            "gce",
            EBS,
            List.of(OTHER_DRIVER, PLAIN),
            "of driver pd.csi.storage.gke.io, but the volume's driver is ebs.csi.aws.com"),
        chosen(
            "the lifeboat label beats the cluster default",
            null,
            EBS,
            List.of(PLAIN, DEFAULT, LABELLED),
            "labelled",
            Rule.LIFEBOAT_DEFAULT),
        chosen(
            "the lifeboat label of another driver does not count",
            null,
            EBS,
            List.of(OTHER_DRIVER, PLAIN, DEFAULT),
            "default",
            Rule.CLUSTER_DEFAULT),
        chosen(
            "the cluster default beats the only-class rule",
            null,
            EBS,
            List.of(PLAIN, DEFAULT),
            "default",
            Rule.CLUSTER_DEFAULT),
        chosen(
            "the only class of the driver is taken",
            null,
            EBS,
            List.of(OTHER_DRIVER, PLAIN),
            "plain",
            Rule.ONLY_CLASS),
        refused(
            "two labelled classes are ambiguous",
            null,
            EBS,
            List.of(LABELLED, LABELLED_TOO),
            "2 VolumeSnapshotClasses of driver ebs.csi.aws.com are labelled lifeboat.io/default=true [labelled, labelled-2]"),
        refused(
            "two cluster defaults are ambiguous",
            null,
            EBS,
            List.of(DEFAULT, DEFAULT_TOO),
            "are annotated snapshot.storage.kubernetes.io/is-default-class=true [default, default-2]"),
        refused(
            "two plain classes and no default are refused",
            null,
            EBS,
            List.of(PLAIN, new SnapshotClass("plain-2", EBS, false, false)),
            "2 VolumeSnapshotClasses have driver ebs.csi.aws.com [plain, plain-2] and none is the default"),
        refused(
            "no class for the driver is refused",
            null,
            EBS,
            List.of(OTHER_DRIVER),
            "no VolumeSnapshotClass has driver ebs.csi.aws.com"),
        refused(
            "an unknown driver without annotation is refused",
            null,
            null,
            List.of(PLAIN),
            "its CSI driver is unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void choosesTheClassByTheFirstMatchingRule(
      String description,
      String requested,
      String driver,
      List<SnapshotClass> classes,
      Choice expected) {
    Choice actual = SnapshotClassChooser.choose("shop/data", requested, driver, classes);
    if (expected instanceof Refused refused) {
      assertThat(actual).isInstanceOf(Refused.class);
      assertThat(((Refused) actual).reason())
          .startsWith("PVC shop/data: ")
          .contains(refused.reason());
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static Arguments chosen(
      String description,
      String requested,
      String driver,
      List<SnapshotClass> classes,
      String name,
      Rule rule) {
    return Arguments.of(description, requested, driver, classes, new Chosen(name, rule));
  }

  private static Arguments refused(
      String description,
      String requested,
      String driver,
      List<SnapshotClass> classes,
      String reasonPart) {
    return Arguments.of(description, requested, driver, classes, new Refused(reasonPart));
  }
}
