package io.lifeboat.export;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import java.util.Objects;

/**
 * One namespace export: from which cluster (the client), into which repository and scope ({@code
 * <cluster>/<namespace>}), for which schedule slot (null for a manual run), what to select, and how
 * to encode the payload.
 *
 * @param pageSize the {@code limit} of every list request (Velero's and the default: 500)
 * @param listener told of every page as it arrives; {@link ExportListener#NONE} by default
 * @param shard which part of the selected namespaces this run exports ({@link Shard#ALL} by
 *     default); recorded in each backup's manifest
 */
public record ExportRequest(
    KubernetesClient client,
    Repository repository,
    Scope scope,
    String slot,
    Selection selection,
    Encoding encoding,
    int pageSize,
    ExportListener listener,
    Shard shard) {
  public static final int DEFAULT_PAGE_SIZE = 500;

  public ExportRequest {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(encoding, "encoding");
    if (scope == null || scope.namespace() == null) {
      throw new InvalidConfigurationException(
          "a namespace export needs a scope <cluster>/<namespace>, was '" + scope + "'");
    }
    if (pageSize < 1) {
      throw new InvalidConfigurationException("pageSize must be >= 1, was " + pageSize);
    }
    selection = selection == null ? Selection.all() : selection;
    listener = listener == null ? ExportListener.NONE : listener;
    shard = shard == null ? Shard.ALL : shard;
  }

  /** An export that is not sharded. */
  public ExportRequest(
      KubernetesClient client,
      Repository repository,
      Scope scope,
      String slot,
      Selection selection,
      Encoding encoding,
      int pageSize,
      ExportListener listener) {
    this(client, repository, scope, slot, selection, encoding, pageSize, listener, Shard.ALL);
  }

  public ExportRequest(
      KubernetesClient client,
      Repository repository,
      Scope scope,
      String slot,
      Selection selection,
      Encoding encoding) {
    this(client, repository, scope, slot, selection, encoding, DEFAULT_PAGE_SIZE, null, null);
  }

  public String namespace() {
    return scope.namespace();
  }

  /** The same request for another namespace of the same cluster. */
  public ExportRequest forNamespace(String namespace) {
    return new ExportRequest(
        client,
        repository,
        Scope.namespace(scope.cluster(), namespace),
        slot,
        selection,
        encoding,
        pageSize,
        listener,
        shard);
  }

  /** The same request for {@code shard} of the selected namespaces. */
  public ExportRequest withShard(Shard shard) {
    return new ExportRequest(
        client, repository, scope, slot, selection, encoding, pageSize, listener, shard);
  }
}
