package io.lifeboat.etcd.restore;

import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.repository.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a restore will pass and what it must warn about, decided before anything runs: the revision
 * bump when the tool supports it, and a tool whose minor version differs from the snapshot's
 * server.
 */
record RestorePlan(long bumpRevision, String snapshotServerVersion, List<String> warnings) {

  static RestorePlan of(RestoreTool tool, Manifest manifest, long requestedBump) {
    EtcdSource source = manifest.source() == null ? null : manifest.source(EtcdSource.class);
    String serverVersion = source == null ? null : source.serverVersion();
    List<String> warnings = new ArrayList<>();
    long bump = requestedBump;
    if (requestedBump > 0 && !tool.supportsBumpRevision()) {
      bump = 0;
      warnings.add(noBumpWarning(tool));
    }
    Optional<String> snapshotMinor = RestoreTool.minorOf(serverVersion);
    Optional<String> toolMinor = tool.minor();
    if (snapshotMinor.isPresent() && !snapshotMinor.equals(toolMinor)) {
      warnings.add(
          tool.name()
              + " "
              + tool.version()
              + " restores a snapshot taken from etcd "
              + serverVersion
              + ": etcd supports restoring a snapshot only with the same minor version ("
              + snapshotMinor.get()
              + ".x) of the server that created it; use that version's "
              + tool.name()
              + " and etcd");
    }
    return new RestorePlan(bump, serverVersion, List.copyOf(warnings));
  }

  private static String noBumpWarning(RestoreTool tool) {
    return tool.name()
        + " "
        + tool.version()
        + " has no --bump-revision/--mark-compacted, so the revision was not bumped: etcd 3.5.10+"
        + " (or 3.4.27+) is needed for it. Without it the restored revision is lower than the one"
        + " Kubernetes clients last saw, so watch caches and informers can keep stale objects:"
        + " restart kube-apiserver, then kube-scheduler, kube-controller-manager and every kubelet";
  }
}
