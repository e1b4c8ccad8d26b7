package io.lifeboat.etcd;

import io.lifeboat.codec.Encoding;
import io.lifeboat.etcd.internal.Opening;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Encryption;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The etcd snapshot use-case: check the repository, then through {@link ClaimedRun} claim the slot,
 * snapshot the chosen member through verify -> zstd -> age -> store, and commit the manifest. A run
 * that fails anywhere leaves no catalog entry; its claim is marked failed so a retry may run.
 */
public final class EtcdBackup {
  private static final Logger LOG = Logger.getLogger(EtcdBackup.class);
  static final String PAYLOAD = "snapshot.db";

  private final Repository repository;
  private final EtcdSnapshotter snapshotter;

  public EtcdBackup(Repository repository, EtcdSnapshotter snapshotter) {
    this.repository = repository;
    this.snapshotter = snapshotter;
  }

  /**
   * One run. {@code spoolDir} null streams straight to the store; otherwise the snapshot is first
   * written there (for stores slower than etcd's patience) and uploaded after. {@code deadline}
   * bounds the whole run (etcd read, spool, upload, commit); the claim outlives it by {@link
   * ClaimedRun#CLAIM_MARGIN}.
   */
  public record Request(
      ClusterName cluster,
      RunTrigger trigger,
      Encoding encoding,
      Path spoolDir,
      String runner,
      Duration deadline,
      String instead) {

    public Request(
        ClusterName cluster,
        RunTrigger trigger,
        Encoding encoding,
        Path spoolDir,
        String runner,
        Duration deadline) {
      this(cluster, trigger, encoding, spoolDir, runner, deadline, null);
    }
  }

  /** Skipped (slot owned by another run), committed, or failed; see {@link ClaimedRun}. */
  public ClaimedRun.Result run(Request request) {
    return run(request, Progress.NONE);
  }

  /**
   * As {@link #run(Request)}, telling {@code progress} the snapshot bytes read from etcd, of about
   * the member's database size (the subject is the backup).
   */
  public ClaimedRun.Result run(Request request, Progress progress) {
    // The member is chosen while the repository is checked and the slot claimed: each waits on a
    // different server. A run that fails or skips before the snapshot closes the member's client.
    try (Opening<ConnectedMember> member =
        Opening.start("lifeboat-etcd-member", snapshotter::selectMember)) {
      return run(request, member, Progress.orNone(progress));
    }
  }

  private ClaimedRun.Result run(
      Request request, Opening<ConnectedMember> member, Progress progress) {
    Scope scope = Scope.cluster(request.cluster());
    repository.openForBackup(request.encoding().recipients().fingerprints());
    List<String> warnings = new ArrayList<>();
    if (!request.encoding().encrypted()) {
      warnings.add(
          "not encrypted: etcd snapshots hold every Secret; configure lifeboat.age.recipients");
      LOG.warn(
          "lifeboat.age.recipients is not set: this etcd snapshot (every Secret of the cluster) is stored unencrypted");
    }
    if (request.instead() != null) {
      warnings.add("a full snapshot instead of a delta: " + request.instead());
    }
    String slot = request.trigger().slotToClaim().map(Slot::keySegment).orElse(null);
    return new ClaimedRun(repository, request.runner(), request.deadline())
        .run(
            Kind.ETCD,
            scope,
            slot,
            pending -> {
              try (ConnectedMember connected = member.take()) {
                return snapshot(request, pending, connected, warnings, progress);
              }
            },
            EtcdBackup::summary);
  }

  private PendingBackup.Contents snapshot(
      Request request,
      PendingBackup pending,
      ConnectedMember connected,
      List<String> warnings,
      Progress progress) {
    MemberStatus member = connected.status();
    progress.started(pending.ref().toString());
    LOG.infof(
        "etcd snapshot of %s from %s (member %s, v%s, revision>=%d, db %d bytes)%s",
        pending.ref().scope(),
        member.endpoint(),
        member.memberId(),
        member.serverVersion(),
        member.revision(),
        member.dbSize(),
        pending.slot() == null ? "" : ", slot " + pending.slot());
    Encoding encoding = request.encoding();
    String name = encoding.storedName(PAYLOAD);
    Upload upload =
        request.spoolDir() == null
            ? Upload.streaming(snapshotter, connected, pending, name, encoding, progress)
            : Upload.spooled(
                snapshotter, connected, pending, name, encoding, request.spoolDir(), progress);
    EtcdSnapshotter.Result result = upload.result();
    DataObject object = pending.recorded(upload.stored(), result.size(), null);
    EtcdSource source =
        new EtcdSource(
            member.endpoint().toString(),
            member.memberId(),
            member.leader(),
            member.serverVersion(),
            member.revision(),
            member.raftIndex(),
            member.dbSize(),
            result.size(),
            result.sha256(),
            request.spoolDir() == null ? "stream" : "spool",
            result.toFirstByte() == null ? 0 : result.toFirstByte().toMillis(),
            result.duration().toMillis(),
            request.instead());
    return new PendingBackup.Contents(
        Json.tree(source),
        List.of(object),
        Encryption.COMPRESSION_ZSTD,
        Encryption.of(encoding.recipients().fingerprints()),
        null,
        warnings,
        List.of());
  }

  /** The end-of-run line: sizes, time, revision and member. */
  public static String summary(Manifest manifest) {
    DataObject object = manifest.objects().get(0);
    EtcdSource source = manifest.source(EtcdSource.class);
    Duration took = Duration.between(manifest.startedAt(), manifest.completedAt());
    return String.format(
        "etcd snapshot %s/%s: %s -> %s in %.1f s, revision>=%d, from %s",
        manifest.scope(),
        manifest.id(),
        Sizes.human(source.snapshotSize()),
        Sizes.human(object.size()),
        took.toMillis() / 1000.0,
        source.revisionLowerBound(),
        source.member());
  }
}
