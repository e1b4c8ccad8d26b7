package io.lifeboat.prune;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster's VolumeSnapshotContents in memory, reclaimed the way the volume kind will: read the
 * backup's payload manifest {@code manifest.json} ({@code {"contents": [names]}}) and delete the
 * contents it lists. Backups in {@code unreachable} fail as if the API server were down.
 */
final class InMemorySnapshots implements ExternalResources {
  final Set<String> contents = ConcurrentHashMap.newKeySet();
  final Set<BackupRef> unreachable = ConcurrentHashMap.newKeySet();
  final List<String> dataPresentWhenReclaimed = new ArrayList<>();

  static byte[] payloadManifest(String... names) {
    return Json.write(java.util.Map.of("contents", List.of(names)));
  }

  @Override
  public boolean covers(Kind kind) {
    return true;
  }

  @Override
  public synchronized Reclaimed reclaim(BackupRef backup, ObjectStore store) {
    if (unreachable.contains(backup)) {
      throw new SourceUnavailableException("API server unreachable while reclaiming " + backup);
    }
    String key = backup.dataPrefix() + "manifest.json";
    var manifest = store.read(key);
    if (manifest.isEmpty()) {
      return Reclaimed.of(List.of());
    }
    dataPresentWhenReclaimed.add(key);
    List<String> reclaimed = new ArrayList<>();
    for (JsonNode name : Json.read(manifest.get().content(), JsonNode.class, key).get("contents")) {
      if (contents.remove(name.asText())) {
        reclaimed.add("VolumeSnapshotContent " + name.asText());
      }
    }
    return Reclaimed.of(reclaimed);
  }

  Set<String> remaining() {
    return new TreeSet<>(contents);
  }
}
