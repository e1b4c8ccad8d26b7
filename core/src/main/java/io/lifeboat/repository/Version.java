package io.lifeboat.repository;

/** The tool version recorded in manifests and descriptors. */
public final class Version {
  public static final String TOOL = "lifeboat " + version();

  private Version() {}

  private static String version() {
    String fromJar = Version.class.getPackage().getImplementationVersion();
    return fromJar == null ? "0.1.0-SNAPSHOT" : fromJar;
  }
}
