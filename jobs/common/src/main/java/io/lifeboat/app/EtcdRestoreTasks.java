package io.lifeboat.app;

import io.lifeboat.codec.AgeIdentities;
import io.lifeboat.codec.Decoding;
import io.lifeboat.etcd.restore.EtcdRestorer;
import io.lifeboat.etcd.restore.RestoreDrill;
import io.lifeboat.etcd.restore.RestoreTool;
import io.lifeboat.etcd.restore.SnapshotDownloader;
import io.lifeboat.repository.Repository;
import io.lifeboat.store.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the etcd download, restore and drill use-cases from config, for the CLI now and a restore
 * Job later. They read backups, so they take a store opened with full read credentials ({@link
 * Stores#open}) and the age identity.
 */
public final class EtcdRestoreTasks {
  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private EtcdRestoreTasks() {}

  /** {@code identity} (a CLI flag) wins over {@code lifeboat.age.identity-file}. */
  public static Decoding decoding(LifeboatConfig config, Path identity) {
    Optional<Path> file = Optional.ofNullable(identity).or(() -> config.age().identityFile());
    return file.map(AgeIdentities::fromFile)
        .map(Decoding::with)
        .orElseGet(Decoding::withoutIdentities);
  }

  /** The process's PATH, where the operator's etcdutl/etcdctl and etcd are found. */
  public static String path() {
    String path = System.getenv("PATH");
    return path == null || path.isBlank() ? DEFAULT_PATH : path;
  }

  public static SnapshotDownloader downloader(ObjectStore store, Decoding decoding, Clock clock) {
    return new SnapshotDownloader(new Repository(store, clock), decoding);
  }

  public static EtcdRestorer restorer(ObjectStore store, Decoding decoding, Clock clock) {
    return new EtcdRestorer(
        new Repository(store, clock),
        downloader(store, decoding, clock),
        RestoreTool.detect(path()),
        Tasks.runner());
  }

  public static RestoreDrill drill(
      ObjectStore store, Decoding decoding, Path scratchRoot, Duration startTimeout, Clock clock) {
    return new RestoreDrill(
        new Repository(store, clock),
        downloader(store, decoding, clock),
        RestoreTool.detect(path()),
        scratchRoot,
        startTimeout);
  }
}
