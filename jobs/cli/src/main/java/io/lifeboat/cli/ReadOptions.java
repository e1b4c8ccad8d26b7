package io.lifeboat.cli;

import io.lifeboat.app.EtcdRestoreTasks;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Tasks;
import io.lifeboat.codec.Decoding;
import io.lifeboat.repository.ClusterName;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What commands that read a backup back need besides the location: the cluster and the key. */
public class ReadOptions {
  @Option(
      names = "--cluster",
      paramLabel = "CLUSTER",
      description = "the cluster whose backup to read (LIFEBOAT_CLUSTER)")
  String cluster;

  @Option(
      names = {"--age-identity-file", "--identity"},
      paramLabel = "FILE",
      description = "age identity file to decrypt with (LIFEBOAT_AGE_IDENTITY_FILE)")
  Path identity;

  ClusterName cluster(LifeboatConfig config) {
    return cluster != null ? new ClusterName(cluster) : Tasks.cluster(config);
  }

  Decoding decoding(LifeboatConfig config) {
    return EtcdRestoreTasks.decoding(config, identity);
  }
}
