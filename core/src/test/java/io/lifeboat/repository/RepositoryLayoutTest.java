package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryLayoutTest {
  private final ClusterName prod = new ClusterName("prod");
  private final BackupId id = BackupId.parse("20261125T181500Z-3f9a");

  @Test
  void buildsTheKeysDesignMdDocuments() {
    Scope payments = Scope.namespace(prod, "payments");
    assertThat(RepositoryLayout.catalogEntry(Kind.ETCD, Scope.cluster(prod), id))
        .isEqualTo("catalog/etcd/prod/20261125T181500Z-3f9a.json");
    assertThat(RepositoryLayout.dataObject(Kind.NAMESPACE, payments, id, "resources.tar.zst"))
        .isEqualTo("data/namespace/prod/payments/20261125T181500Z-3f9a/resources.tar.zst");
    assertThat(RepositoryLayout.claim(Kind.VOLUMES, payments, "20261125T1815Z"))
        .isEqualTo("claims/volumes/prod/payments/20261125T1815Z");
    assertThat(RepositoryLayout.pruneLease(Kind.ETCD, Scope.cluster(prod)))
        .isEqualTo("leases/prune-etcd-prod.json");
    assertThat(RepositoryLayout.restoreLease(Kind.NAMESPACE, payments))
        .isEqualTo("leases/restore-namespace-prod/payments.json");
  }

  @Test
  void catalogKeysParseBackToTheirBackup() {
    for (Kind kind : Kind.values()) {
      Scope scope = kind.namespaced() ? Scope.namespace(prod, "payments") : Scope.cluster(prod);
      BackupRef ref = new BackupRef(kind, scope, id);
      assertThat(RepositoryLayout.parseCatalogEntry(ref.catalogKey())).contains(ref);
    }
  }

  @ParameterizedTest(name = "ignores the foreign key {0}")
  @ValueSource(
      strings = {
        "catalog/etcd/prod/notes.json",
        "catalog/etcd/prod/20261125T181500Z-3f9a.json.tmp",
        "catalog/etcd/prod/payments/20261125T181500Z-3f9a.json",
        "catalog/namespace/prod/20261125T181500Z-3f9a.json",
        "catalog/backup/prod/20261125T181500Z-3f9a.json",
        "catalog/etcd/PROD/20261125T181500Z-3f9a.json",
        "data/etcd/prod/20261125T181500Z-3f9a/snapshot.db"
      })
  void foreignKeysAreNotBackups(String key) {
    assertThat(RepositoryLayout.parseCatalogEntry(key)).isEmpty();
  }

  @Test
  void idsSortInTimeOrderAsText() {
    BackupId earlier = BackupId.parse("20261125T181500Z-ffff");
    BackupId later = BackupId.parse("20261125T181501Z-0000");
    assertThat(earlier).isLessThan(later);
    assertThat(earlier.toString()).isLessThan(later.toString());
  }
}
