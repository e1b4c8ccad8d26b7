package io.lifeboat.app;

import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.s3.S3ObjectStore;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settings every task shares, under {@code lifeboat.*} (env: {@code LIFEBOAT_CLUSTER}, {@code
 * LIFEBOAT_S3_ENDPOINT}, ...). Values a task requires are checked by the core value types when the
 * task starts, so the CLI's {@code --help} works without them; a value of the wrong type stops
 * start-up and the launcher exits 2 naming the property.
 */
@ConfigMapping(prefix = "lifeboat")
public interface LifeboatConfig {
  /** Required for every task: a DNS label naming the cluster, part of every key. */
  Optional<String> cluster();

  /** Where backups live: {@code s3://bucket/prefix} or {@code file:///path}. */
  @WithDefault("file:///var/lib/lifeboat/backups")
  String location();

  S3 s3();

  Age age();

  Compression compression();

  /**
   * The Job's name (downward API label {@code job-name}); its minute stamp is the schedule slot.
   */
  Optional<String> jobName();

  /** Cron schedule of this task, for slots outside Kubernetes (functions, standalone mode). */
  Optional<String> schedule();

  @WithDefault("UTC")
  String scheduleTimeZone();

  interface S3 {
    Optional<String> endpoint();

    @WithDefault(LocationSettings.DEFAULT_REGION)
    String region();

    /** Path-style addressing; {@code true} or {@code false}, strictly ({@link StrictBoolean}). */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean pathStyle();

    /** Static credentials; when unset, the AWS SDK's default chain (env, IRSA, instance role). */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    /** Multipart part size in bytes (the default is the S3 adapter's own). */
    @WithDefault("" + S3ObjectStore.DEFAULT_PART_SIZE)
    int partSize();
  }

  interface Compression {
    /**
     * zstd level, 1 (fast) to 19 (negative: zstd's {@code --fast}); unset: 1 for etcd snapshots
     * (cheap minute-level runs), 3 (zstd's own default) for namespace exports.
     */
    Optional<Integer> level();

    /** Extra zstd threads; 0 compresses on the writing thread. */
    @WithDefault("0")
    int workers();
  }

  interface Age {
    /** age X25519 recipients ({@code age1...}); encryption is on whenever any are configured. */
    Optional<List<String>> recipients();

    /** A file of recipients, one per line, as {@code age -R} reads it. */
    Optional<Path> recipientsFile();

    /** The identity (secret key) file, for restore, verify and download only. */
    Optional<Path> identityFile();
  }
}
