package io.lifeboat.functions.http;

import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.EtcdServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** A real etcd and a fresh {@code file://} repository for each app start. */
public class EtcdAndRepository implements QuarkusTestResourceLifecycleManager {
  static volatile Path repo;
  private EtcdServer etcd;
  private Path dir;

  @Override
  public Map<String, String> start() {
    try {
      dir = Files.createTempDirectory("lifeboat-functions");
      etcd = EtcdServer.start(dir.resolve("etcd"));
      etcd.fill("/registry/configmaps/default/cm-", 50, 256);
      repo = dir.resolve("repo");
      FileObjectStore.createRoot(repo).close();
      new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
      return Map.of(
          "lifeboat.cluster",
          "prod",
          "lifeboat.location",
          "file://" + repo,
          "lifeboat.etcd.endpoints",
          etcd.endpoint().toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
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

  static long catalogEntries(String kindAndScope) throws IOException {
    Path dir = repo.resolve("catalog/" + kindAndScope);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }
}
