package io.lifeboat.app;

import io.lifeboat.etcd.EtcdSnapshotter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code lifeboat.etcd.*}: how the etcd snapshot reaches etcd. Defaults fit a kubeadm node. */
@ConfigMapping(prefix = "lifeboat.etcd")
public interface EtcdConfig {
  /** Client URLs of the members, e.g. {@code https://127.0.0.1:2379}. */
  Optional<List<URI>> endpoints();

  /** Pin the snapshot to this endpoint instead of choosing the most up-to-date member. */
  Optional<URI> member();

  /** kubeadm: /etc/kubernetes/pki/etcd/ca.crt */
  Optional<Path> caFile();

  /** kubeadm: /etc/kubernetes/pki/etcd/healthcheck-client.crt */
  Optional<Path> certFile();

  /** kubeadm: /etc/kubernetes/pki/etcd/healthcheck-client.key (PKCS#1 or PKCS#8) */
  Optional<Path> keyFile();

  Optional<String> user();

  Optional<String> password();

  @WithDefault("5s")
  Duration connectTimeout();

  /** The whole snapshot (and, when streaming, its upload) must finish within this. */
  @WithDefault("15m")
  Duration deadline();

  /** Snapshot to this directory first, then upload (for slow stores); unset streams directly. */
  Optional<Path> spoolDir();

  /** Chunks of about 32 KiB buffered between etcd and the upload (EtcdSnapshotter says why 32). */
  @WithDefault("" + EtcdSnapshotter.DEFAULT_BUFFER_CHUNKS)
  int bufferChunks();

  /**
   * What the etcd job takes: {@code full} (a snapshot) or {@code delta} (the events since the
   * newest committed full snapshot or delta; issue 17). The delta CronJob sets {@code delta}.
   */
  @WithDefault("full")
  String backup();

  /** {@code lifeboat.etcd.delta.*}: see {@link io.lifeboat.etcd.delta.DeltaSettings}. */
  Delta delta();

  interface Delta {
    /**
     * A compacted start revision or a missing base: {@code full} snapshot instead, or {@code fail}
     * (exit 4).
     */
    @WithDefault("full")
    String onGap();

    /** Deltas after a full snapshot before a run takes a full one. */
    @WithDefault("120")
    int maxChain();

    /** Stored bytes of a chain's deltas before a run takes a full snapshot. */
    @WithDefault("4294967296")
    long maxChainBytes();
  }
}
