package io.lifeboat.etcd;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.etcd.internal.EtcdClients;
import io.lifeboat.etcd.internal.EtcdFailures;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Chooses the member to snapshot: the pinned one, or among the healthy endpoints the one with the
 * highest raft index (the most up to date), preferring a follower among equals so the leader keeps
 * serving writes. A lagging follower is never preferred over a member that has applied more.
 */
public final class MemberSelector {
  private static final Logger LOG = Logger.getLogger(MemberSelector.class);
  private final EtcdSettings settings;
  private final EtcdClients clients;

  public MemberSelector(EtcdSettings settings, EtcdClients clients) {
    this.settings = settings;
    this.clients = clients;
  }

  public MemberStatus select() {
    List<URI> candidates =
        settings.member() != null ? List.of(settings.member()) : settings.endpoints();
    List<MemberStatus> healthy = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (URI endpoint : candidates) {
      try {
        healthy.add(status(endpoint));
      } catch (SourceUnavailableException e) {
        LOG.debugf("etcd member %s is not usable: %s", endpoint, e.getMessage());
        failures.add(e.getMessage());
      }
    }
    return healthy.stream()
        .max(Comparator.comparingLong(MemberStatus::raftIndex).thenComparing(m -> !m.leader()))
        .orElseThrow(
            () ->
                new SourceUnavailableException(
                    "no etcd member is reachable: " + String.join("; ", failures)));
  }

  /** One member's status, within the connect timeout. */
  public MemberStatus status(URI endpoint) {
    // gRPC retries a refused connection until the timeout and then reports only the timeout: one
    // plain TCP connect first says "connection refused" at once.
    io.lifeboat.etcd.internal.TcpProbe.refusal(endpoint, settings.connectTimeout())
        .ifPresent(
            refused -> {
              throw new SourceUnavailableException(
                  "etcd status from "
                      + endpoint
                      + " failed: "
                      + refused
                      + " (is etcd listening there? lifeboat.etcd.endpoints)");
            });
    try (Client client = clients.connect(endpoint)) {
      StatusResponse status =
          client
              .getMaintenanceClient()
              .statusMember(endpoint.toString())
              .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      long memberId = status.getHeader().getMemberId();
      return new MemberStatus(
          endpoint,
          Long.toHexString(memberId),
          memberId == status.getLeader(),
          status.getRaftIndex(),
          status.getHeader().getRevision(),
          status.getVersion(),
          status.getDbSize());
    } catch (Exception e) {
      throw EtcdFailures.unavailable(endpoint, "status", e, settings);
    }
  }
}
