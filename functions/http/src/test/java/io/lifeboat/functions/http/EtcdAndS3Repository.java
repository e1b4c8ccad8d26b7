package io.lifeboat.functions.http;

import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.S3ProxyServer;
import io.lifeboat.testing.StandInPushgateway;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real etcd and a repository in a real S3Proxy bucket, for each app start, and a local HTTP
 * receiver standing in for a Pushgateway that records each push. Prune keeps the last two etcd
 * backups and nothing by calendar, so a few snapshots taken now show what it removes.
 */
public class EtcdAndS3Repository implements QuarkusTestResourceLifecycleManager {
  static volatile S3ProxyServer s3;
  static volatile LocationSettings location;
  static volatile StandInPushgateway pushgateway;
  private EtcdServer etcd;
  private Path dir;

  @Override
  public Map<String, String> start() {
    try {
      dir = Files.createTempDirectory("lifeboat-functions-s3");
      etcd = EtcdServer.start(dir.resolve("etcd"));
      etcd.fill("/registry/configmaps/default/cm-", 20, 256);
      s3 = S3ProxyServer.started();
      location = s3.locationSettings(s3.createBucket(), "repo");
      try (ObjectStore store = open()) {
        new RepositoryInitializer(store, Clock.systemUTC()).init(Set.of());
      }
      pushgateway = StandInPushgateway.start();
      return Map.ofEntries(
          Map.entry("lifeboat.cluster", "prod"),
          Map.entry("lifeboat.location", location.uri()),
          Map.entry("lifeboat.s3.endpoint", s3.endpoint().toString()),
          Map.entry("lifeboat.s3.path-style", "true"),
          Map.entry("lifeboat.s3.access-key-id", s3.accessKey()),
          Map.entry("lifeboat.s3.secret-access-key", s3.secretKey()),
          Map.entry("lifeboat.etcd.endpoints", etcd.endpoint().toString()),
          Map.entry("lifeboat.metrics.pushgateway-url", pushgateway.url()),
          Map.entry("lifeboat.prune.etcd.keep-last", "2"),
          Map.entry("lifeboat.prune.etcd.keep-daily", "0"),
          Map.entry("lifeboat.prune.etcd.keep-weekly", "0"),
          Map.entry("lifeboat.prune.etcd.keep-monthly", "0"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the stand-in Pushgateway was sent, as {@code <path>\n<body>} per push. */
  static List<String> pushes() {
    return pushgateway.pushes();
  }

  /** Keeps each POST as {@code <path>\n<body>}; answers a GET of the metrics page empty. */
  /** The repository's store with the test's own (full) credentials. */
  static ObjectStore open() {
    return Locations.open(location);
  }

  @Override
  public void stop() {
    if (pushgateway != null) {
      pushgateway.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (etcd != null) {
      etcd.close();
    }
    if (dir != null) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp dir; the OS cleans it eventually
      }
    }
  }
}
