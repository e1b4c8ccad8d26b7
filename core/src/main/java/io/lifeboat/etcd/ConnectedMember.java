package io.lifeboat.etcd;

import io.etcd.jetcd.Client;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The member chosen for this run and the client that read its status, kept open for the snapshot:
 * one jetcd client per run (one Vert.x instance, its event-loop threads and channel), as {@code
 * etcdctl} uses one. jetcd reads a member's status over a channel of its own, opened and closed for
 * the call; the snapshot opens the client's channel. Closing this closes the client, which cancels
 * any call still streaming; closing again does nothing.
 */
public final class ConnectedMember implements AutoCloseable {
  private final MemberStatus status;
  private final Client client;
  private final AtomicBoolean closed = new AtomicBoolean();

  ConnectedMember(MemberStatus status, Client client) {
    this.status = status;
    this.client = client;
  }

  public MemberStatus status() {
    return status;
  }

  public Client client() {
    return client;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.close();
    }
  }
}
