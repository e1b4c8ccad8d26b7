package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import java.nio.file.Path;

/**
 * Where and as which member to restore: the flags of {@code etcdutl snapshot restore}. Every member
 * of a cluster restores the same file with its own {@code name} and {@code
 * initialAdvertisePeerUrls} and the same {@code initialCluster} and {@code initialClusterToken}. A
 * null token means {@link #defaultToken(String)} of the backup restored.
 */
public record RestoreSpec(
    Path dataDir,
    String name,
    String initialCluster,
    String initialAdvertisePeerUrls,
    String initialClusterToken) {

  public RestoreSpec {
    if (dataDir == null) {
      throw new InvalidConfigurationException("--data-dir is required");
    }
    required(name, "--name");
    required(initialCluster, "--initial-cluster");
    required(initialAdvertisePeerUrls, "--initial-advertise-peer-urls");
    if (initialClusterToken != null && initialClusterToken.isBlank()) {
      throw new InvalidConfigurationException("--initial-cluster-token must not be blank");
    }
    boolean listed = false;
    for (String member : initialCluster.split(",")) {
      String[] parts = member.strip().split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new InvalidConfigurationException(
            "--initial-cluster must be name=peer-url[,name=peer-url...], was '"
                + initialCluster
                + "'");
      }
      listed |= parts[0].strip().equals(name);
    }
    if (!listed) {
      throw new InvalidConfigurationException(
          "--name '" + name + "' is not a member of --initial-cluster '" + initialCluster + "'");
    }
  }

  private static void required(String value, String flag) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException(flag + " is required");
    }
  }

  /** This spec with the default token filled in when none was given. */
  public RestoreSpec withDefaultToken(String backupId) {
    return initialClusterToken != null
        ? this
        : new RestoreSpec(
            dataDir, name, initialCluster, initialAdvertisePeerUrls, defaultToken(backupId));
  }

  /**
   * The default token: derived from the backup, so every member restoring the same backup agrees on
   * it and none of the old cluster's members (token {@code etcd-cluster} by default) can join.
   */
  public static String defaultToken(String backupId) {
    return "lifeboat-" + backupId.toLowerCase(java.util.Locale.ROOT);
  }
}
