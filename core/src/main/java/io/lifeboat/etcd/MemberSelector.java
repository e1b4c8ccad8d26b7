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

  /**
   * The chosen member, its client still open for the snapshot; the other candidates' clients are
   * closed. The caller closes the result.
   */
  public ConnectedMember connect() {
    List<URI> candidates =
        settings.member() != null ? List.of(settings.member()) : settings.endpoints();
    ConnectedMember best = null;
    List<String> failures = new ArrayList<>();
    Comparator<MemberStatus> preference =
        Comparator.comparingLong(MemberStatus::raftIndex).thenComparing(m -> !m.leader());
    for (URI endpoint : candidates) {
      ConnectedMember candidate;
      try {
        candidate = open(endpoint);
      } catch (SourceUnavailableException e) {
        LOG.debugf("etcd member %s is not usable: %s", endpoint, e.getMessage());
        failures.add(e.getMessage());
        continue;
      }
      if (best == null || preference.compare(candidate.status(), best.status()) > 0) {
        if (best != null) {
          best.close();
        }
        best = candidate;
      } else {
        candidate.close();
      }
    }
    if (best == null) {
      throw new SourceUnavailableException(
          "no etcd member is reachable: " + String.join("; ", failures));
    }
    return best;
  }

  /** One member's status, within the connect timeout. */
  public MemberStatus status(URI endpoint) {
    try (ConnectedMember member = open(endpoint)) {
      return member.status();
    }
  }

  /** A client to {@code endpoint} and the member's status read through it; closed on failure. */
  private ConnectedMember open(URI endpoint) {
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
    Client client = clients.connect(endpoint);
    try {
      StatusResponse status =
          client
              .getMaintenanceClient()
              .statusMember(endpoint.toString())
              .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      long memberId = status.getHeader().getMemberId();
      return new ConnectedMember(
          new MemberStatus(
              endpoint,
              Long.toHexString(memberId),
              memberId == status.getLeader(),
              status.getRaftIndex(),
              status.getHeader().getRevision(),
              status.getVersion(),
              status.getDbSize()),
          client);
    } catch (Exception e) {
      client.close();
      throw EtcdFailures.unavailable(endpoint, "status", e, settings);
    }
  }
}
