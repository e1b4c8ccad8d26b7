package io.lifeboat.etcd.delta;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.etcd.ConnectedMember;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.etcd.EtcdSettings;
import io.lifeboat.etcd.EtcdSnapshotter;
import io.lifeboat.etcd.MemberStatus;
import io.lifeboat.etcd.internal.EtcdClients;
import io.lifeboat.etcd.internal.EtcdFailures;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The etcd delta use-case (issue 17): read etcd's revision and cluster id, find the base ({@link
 * ChainHead}), decide ({@link DeltaDecision}), then either store the events since the base through
 * {@link ClaimedRun} as an {@code etcd-delta} backup ({@link DeltaRun}), or take a full snapshot
 * instead through {@link EtcdBackup}, recording why, or fail (exit 4) when a gap must not be
 * bridged ({@code lifeboat.etcd.delta.on-gap=fail}).
 */
public final class EtcdDeltaBackup {
  private static final Logger LOG = Logger.getLogger(EtcdDeltaBackup.class);
  private static final ByteSequence ANY_KEY = ByteSequence.from(new byte[] {0});

  private final Repository repository;
  private final EtcdSnapshotter snapshotter;
  private final EtcdSettings settings;

  public EtcdDeltaBackup(
      Repository repository, EtcdSnapshotter snapshotter, EtcdSettings settings) {
    this.repository = repository;
    this.snapshotter = snapshotter;
    this.settings = settings;
  }

  /** One run; the fields are those of {@link EtcdBackup.Request} plus the delta's settings. */
  public record Request(
      ClusterName cluster,
      RunTrigger trigger,
      Encoding encoding,
      Path spoolDir,
      String runner,
      Duration deadline,
      DeltaSettings delta) {}

  /** etcd's revision and cluster id, read before anything else: the delta ends there. */
  record Now(MemberStatus member, long revision, String clusterId) {}

  public ClaimedRun.Result run(Request request) {
    Scope scope = Scope.cluster(request.cluster());
    repository.openForBackup(request.encoding().recipients().fingerprints());
    DeltaPlan plan;
    Now now;
    try (ConnectedMember connected = snapshotter.selectMember()) {
      MemberStatus member = connected.status();
      Client client = connected.client();
      now = now(client, member);
      List<ChainLink> candidates = ChainHead.candidates(repository.catalog(), scope);
      plan =
          DeltaDecision.decide(
              candidates,
              now.revision(),
              now.clusterId(),
              revision -> compacted(client, member, revision),
              request.delta());
    }
    if (plan instanceof DeltaPlan.Full full) {
      return full(request, full);
    }
    DeltaPlan.Delta delta = (DeltaPlan.Delta) plan;
    EtcdClients clients = new EtcdClients(settings);
    String slot = request.trigger().slotToClaim().map(Slot::keySegment).orElse(null);
    DeltaRun work = new DeltaRun(repository.clock(), clients, now, delta, request);
    return new ClaimedRun(repository, request.runner(), request.deadline())
        .run(Kind.ETCD_DELTA, scope, slot, work::write, DeltaRun::summary);
  }

  private ClaimedRun.Result full(Request request, DeltaPlan.Full full) {
    if (full.gap() && request.delta().onGap() == DeltaSettings.OnGap.FAIL) {
      throw new SourceUnavailableException(
          "etcd delta of "
              + request.cluster()
              + " not taken: "
              + full.reason()
              + " (lifeboat.etcd.delta.on-gap=fail; on-gap=full takes a full snapshot instead)");
    }
    LOG.warnf(
        "etcd delta of %s: taking a full snapshot instead: %s", request.cluster(), full.reason());
    return new EtcdBackup(repository, snapshotter)
        .run(
            new EtcdBackup.Request(
                request.cluster(),
                request.trigger(),
                request.encoding(),
                request.spoolDir(),
                request.runner(),
                request.deadline(),
                full.reason()));
  }

  private Now now(Client client, MemberStatus member) {
    try {
      GetResponse response =
          client
              .getKVClient()
              .get(ANY_KEY)
              .get(settings.connectTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
      return new Now(
          member,
          response.getHeader().getRevision(),
          Long.toUnsignedString(response.getHeader().getClusterId(), 16));
    } catch (ExecutionException | TimeoutException e) {
      throw EtcdFailures.unavailable(member.endpoint(), "revision", e, settings);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("interrupted reading etcd's revision", e);
    }
  }

  /** True when etcd no longer keeps {@code revision}: a read at it fails as compacted. */
  private boolean compacted(Client client, MemberStatus member, long revision) {
    try {
      client
          .getKVClient()
          .get(ANY_KEY, GetOption.builder().withRevision(revision).build())
          .get(settings.connectTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
      return false;
    } catch (ExecutionException e) {
      if (String.valueOf(e.getCause()).contains("compacted")) {
        return true;
      }
      throw EtcdFailures.unavailable(
          member.endpoint(), "read at revision " + revision, e, settings);
    } catch (TimeoutException e) {
      throw EtcdFailures.unavailable(
          member.endpoint(), "read at revision " + revision, e, settings);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("interrupted probing etcd's compaction", e);
    }
  }
}
