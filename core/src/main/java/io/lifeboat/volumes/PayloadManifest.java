package io.lifeboat.volumes;

import java.util.List;

/**
 * The payload object {@code data/volumes/<scope>/<id>/manifest.json}: the VolumeSnapshotContents a
 * volumes backup made, written before the catalog entry so that garbage collection finds (and
 * deletes) them even when the run dies before its commit. Plain JSON, never encrypted: it holds
 * names and handles, no volume data.
 *
 * <pre>
 * {"formatVersion":1,"backup":"prod/shop/20261125T181500Z-3f9a",
 *  "contents":[{"name":"snapcontent-0b1c...","volumeSnapshot":"shop/data-db-0-20261125t181500z-3f9a",
 *               "driver":"ebs.csi.aws.com","snapshotHandle":"snap-0123"}]}
 * </pre>
 */
public record PayloadManifest(int formatVersion, String backup, List<Content> contents) {
  public static final String NAME = "manifest.json";
  public static final int FORMAT_VERSION = 1;

  public PayloadManifest {
    contents = contents == null ? List.of() : List.copyOf(contents);
  }

  /**
   * One cluster-scoped VolumeSnapshotContent, by {@code name}; {@code volumeSnapshot} is {@code
   * namespace/name}.
   */
  public record Content(String name, String volumeSnapshot, String driver, String snapshotHandle) {}

  /** The content names, the only field prune needs. */
  public List<String> contentNames() {
    return contents.stream().map(Content::name).toList();
  }
}
