package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.codec.Decoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.internal.SpilledObjects;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attack 8 of issue 13: archives forged through the put-only view to exhaust the restorer. Each is
 * refused with a reason naming the entry and the limit, having allocated a bounded amount of memory
 * (measured on the planning thread), and nothing of it stays on disk.
 */
class ArchiveBoundsTest {
  private static final long GIB = 1L << 30;
  private static final Scope SHOP = Scope.parse("prod/shop");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final NamespaceRestorer restorer =
      new NamespaceRestorer(new Repository(store, clock), null);

  private RestorePlan plan(BackupRef backup, RestoreLimits limits) {
    return restorer.plan(
        new RestoreRequest(backup, null, Decoding.withoutIdentities(), null, "test", limits));
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private long storedSize(BackupRef backup) {
    return store.keys().stream()
        .filter(k -> k.startsWith(backup.dataPrefix()))
        .mapToLong(k -> store.bytes(k).length)
        .sum();
  }

  @Test
  void aOneGibEntryInAFewKilobytesIsRefusedUnreadAsThatObject() {
    BackupRef bomb =
        ForgedBackup.write(
            store,
            clock,
            SHOP,
            tar -> ForgedBackup.zeros(tar, "resources/secrets/namespaces/shop/bomb.json", GIB));
    assertThat(storedSize(bomb)).isLessThan(64 * 1024);

    long before = allocated();
    try (RestorePlan plan = plan(bomb, RestoreLimits.defaults())) {
      long used = allocated() - before;

      assertThat(plan.objects())
          .singleElement()
          .satisfies(o -> assertThat(o.action()).isEqualTo(PlannedObject.Action.FAIL))
          .satisfies(
              o ->
                  assertThat(o.reason())
                      .isEqualTo(
                          "tar entry resources/secrets/namespaces/shop/bomb.json is 1073741824"
                              + " bytes, over lifeboat.restore.max-object-size (16777216 bytes):"
                              + " not read"));
      assertThat(used).as("bytes allocated while planning").isLessThan(32L << 20);
    }
  }

  @Test
  void aOneGibPaxHeaderEndsTheRestoreAsAnIntegrityFailureWithoutReadingIt() {
    BackupRef bomb =
        ForgedBackup.raw(
            store,
            clock,
            SHOP,
            out -> {
              ForgedBackup.version(out);
              out.write(ForgedBackup.header("PaxHeaders/bomb", 'x', GIB));
              ForgedBackup.zeros(out, GIB);
            });
    assertThat(storedSize(bomb)).isLessThan(64 * 1024);

    long before = allocated();
    assertThatThrownBy(() -> plan(bomb, RestoreLimits.defaults()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("has a tar header entry (type x) of 1073741824 bytes")
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INTEGRITY));
    assertThat(allocated() - before).isLessThan(32L << 20);
  }

  @Test
  void moreObjectsThanTheLimitEndTheRestoreNamingTheProperty() {
    Map<String, String> objects = new LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      objects.put("resources/configmaps/namespaces/shop/c" + i + ".json", configMap("c" + i));
    }
    BackupRef many = ForgedBackup.of(store, clock, SHOP, objects);

    assertThatThrownBy(() -> plan(many, RestoreLimits.defaults().withMaxObjects(100)))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("holds more than 100 objects (lifeboat.restore.max-objects)");
  }

  @Test
  void anArchiveDecompressingPastTheLimitEndsTheRestoreNamingTheProperty() {
    BackupRef big =
        ForgedBackup.write(
            store,
            clock,
            SHOP,
            tar -> ForgedBackup.zeros(tar, "resources/configmaps/namespaces/shop/a.json", 4 << 20));

    assertThatThrownBy(() -> plan(big, RestoreLimits.defaults().withMaxArchiveSize(2 << 20)))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining(
            "decompresses to more than 2097152 bytes (lifeboat.restore.max-archive-size)");
  }

  @Test
  void anObjectOfAMillionEmptyArraysWithinTheSizeLimitIsRefusedAsThatObject() {
    String tokens = "{\"a\":[" + "[],".repeat(1_200_000) + "[]]}";
    BackupRef bomb =
        ForgedBackup.of(
            store, clock, SHOP, Map.of("resources/configmaps/namespaces/shop/t.json", tokens));

    try (RestorePlan plan = plan(bomb, RestoreLimits.defaults())) {
      assertThat(plan.objects())
          .singleElement()
          .satisfies(o -> assertThat(o.action()).isEqualTo(PlannedObject.Action.FAIL))
          .satisfies(
              o ->
                  assertThat(o.reason())
                      .startsWith(
                          "tar entry resources/configmaps/namespaces/shop/t.json exceeds a JSON"
                              + " limit: Token count"));
    }
  }

  @Test
  void theSpilledObjectsArePrivateReadBackInOrderAndGoneWhenThePlanCloses() throws Exception {
    String longName = "c-" + "x".repeat(200);
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("resources/configmaps/namespaces/shop/" + longName + ".json", configMap(longName));
    objects.put("resources/configmaps/namespaces/shop/b.json", configMap("b"));
    BackupRef backup = ForgedBackup.of(store, clock, SHOP, objects);

    RestorePlan plan = plan(backup, RestoreLimits.defaults());
    var directory = ((SpilledObjects) plan.planned()).spillDirectory();
    var file = directory.resolve("objects");
    try (plan) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("\"b\"");
      assertThat(plan.objects())
          .extracting(PlannedObject::describe)
          .containsExactly("configmaps shop/b", "configmaps shop/" + longName);
    }
    assertThat(directory).doesNotExist();
  }

  private static String configMap(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"shop\"},\"data\":{\"key\":\"value\"}}";
  }
}
