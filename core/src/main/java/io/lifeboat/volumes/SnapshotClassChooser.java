package io.lifeboat.volumes;

import java.util.List;

/**
 * Picks the VolumeSnapshotClass for one PVC, a pure function of the PVC's request, its CSI driver
 * and the cluster's classes. The first rule that matches wins:
 *
 * <ol>
 *   <li>the PVC's annotation {@value #PVC_ANNOTATION} (the class must exist and serve the driver);
 *   <li>the class of that driver labelled {@value #DEFAULT_LABEL}{@code =true};
 *   <li>the class of that driver annotated {@value #CLUSTER_DEFAULT_ANNOTATION}{@code: "true"};
 *   <li>the only class of that driver.
 * </ol>
 *
 * Anything else (no driver, no class, several candidates at one rule) is refused with a reason that
 * names the PVC and what to set.
 */
public final class SnapshotClassChooser {
  public static final String PVC_ANNOTATION = "lifeboat.io/volume-snapshot-class";
  public static final String DEFAULT_LABEL = "lifeboat.io/default";
  public static final String CLUSTER_DEFAULT_ANNOTATION =
      "snapshot.storage.kubernetes.io/is-default-class";

  private SnapshotClassChooser() {}

  /** A VolumeSnapshotClass as the chooser sees it. */
  public record SnapshotClass(
      String name, String driver, boolean lifeboatDefault, boolean clusterDefault) {}

  /** Which rule chose the class; recorded in the manifest. */
  public enum Rule {
    PVC_ANNOTATION,
    LIFEBOAT_DEFAULT,
    CLUSTER_DEFAULT,
    ONLY_CLASS
  }

  /** The outcome: a class and the rule that picked it, or a refusal with its reason. */
  public sealed interface Choice {}

  public record Chosen(String className, Rule rule) implements Choice {}

  public record Refused(String reason) implements Choice {}

  /**
   * @param pvc {@code namespace/name}, for messages
   * @param requested the PVC's {@value #PVC_ANNOTATION} annotation, or null
   * @param driver the PVC's CSI driver, or null when unknown
   */
  public static Choice choose(
      String pvc, String requested, String driver, List<SnapshotClass> classes) {
    if (requested != null && !requested.isBlank()) {
      return requestedClass(pvc, requested.strip(), driver, classes);
    }
    if (driver == null) {
      return new Refused(
          "PVC "
              + pvc
              + ": its CSI driver is unknown (no StorageClass provisioner, no bound CSI volume);"
              + " set the annotation "
              + PVC_ANNOTATION);
    }
    List<SnapshotClass> ofDriver = classes.stream().filter(c -> driver.equals(c.driver())).toList();
    Choice labelled =
        single(
            pvc,
            driver,
            ofDriver.stream().filter(SnapshotClass::lifeboatDefault).toList(),
            "labelled " + DEFAULT_LABEL + "=true",
            Rule.LIFEBOAT_DEFAULT);
    if (labelled != null) {
      return labelled;
    }
    Choice clusterDefault =
        single(
            pvc,
            driver,
            ofDriver.stream().filter(SnapshotClass::clusterDefault).toList(),
            "annotated " + CLUSTER_DEFAULT_ANNOTATION + "=true",
            Rule.CLUSTER_DEFAULT);
    if (clusterDefault != null) {
      return clusterDefault;
    }
    if (ofDriver.size() == 1) {
      return new Chosen(ofDriver.get(0).name(), Rule.ONLY_CLASS);
    }
    return new Refused(
        "PVC "
            + pvc
            + ": "
            + (ofDriver.isEmpty()
                ? "no VolumeSnapshotClass has driver " + driver
                : ofDriver.size()
                    + " VolumeSnapshotClasses have driver "
                    + driver
                    + " "
                    + names(ofDriver)
                    + " and none is the default")
            + "; label one "
            + DEFAULT_LABEL
            + "=true, annotate one "
            + CLUSTER_DEFAULT_ANNOTATION
            + "=true, or set the PVC annotation "
            + PVC_ANNOTATION);
  }

  private static Choice requestedClass(
      String pvc, String requested, String driver, List<SnapshotClass> classes) {
    SnapshotClass named =
        classes.stream().filter(c -> c.name().equals(requested)).findFirst().orElse(null);
    if (named == null) {
      return new Refused(
          "PVC "
              + pvc
              + ": annotation "
              + PVC_ANNOTATION
              + " names VolumeSnapshotClass '"
              + requested
              + "', which does not exist");
    }
    if (driver != null && !driver.equals(named.driver())) {
      return new Refused(
          "PVC "
              + pvc
              + ": annotation "
              + PVC_ANNOTATION
              + " names VolumeSnapshotClass '"
              + requested
              + "' of driver "
              + named.driver()
              + ", but the volume's driver is "
              + driver);
    }
    return new Chosen(named.name(), Rule.PVC_ANNOTATION);
  }

  private static Choice single(
      String pvc, String driver, List<SnapshotClass> candidates, String how, Rule rule) {
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1) {
      return new Chosen(candidates.get(0).name(), rule);
    }
    return new Refused(
        "PVC "
            + pvc
            + ": "
            + candidates.size()
            + " VolumeSnapshotClasses of driver "
            + driver
            + " are "
            + how
            + " "
            + names(candidates)
            + "; keep one, or set the PVC annotation "
            + PVC_ANNOTATION);
  }

  private static List<String> names(List<SnapshotClass> classes) {
    return classes.stream().map(SnapshotClass::name).sorted().toList();
  }
}
