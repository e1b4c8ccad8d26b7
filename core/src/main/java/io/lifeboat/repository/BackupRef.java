package io.lifeboat.repository;

/** Names one backup: kind, scope and id. Prints as {@code etcd prod/20261125T181500Z-3f9a}. */
public record BackupRef(Kind kind, Scope scope, BackupId id) {

  public String catalogKey() {
    return RepositoryLayout.catalogEntry(kind, scope, id);
  }

  public String dataPrefix() {
    return RepositoryLayout.dataPrefix(kind, scope, id);
  }

  @Override
  public String toString() {
    return kind + " " + scope + "/" + id;
  }
}
