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
  @Option(names = "--cluster", description = "the cluster whose backup to read (lifeboat.cluster)")
  String cluster;

  @Option(
      names = "--identity",
      paramLabel = "FILE",
      description = "age identity file to decrypt with (lifeboat.age.identity-file)")
  Path identity;

  ClusterName cluster(LifeboatConfig config) {
    return cluster != null ? new ClusterName(cluster) : Tasks.cluster(config);
  }

  Decoding decoding(LifeboatConfig config) {
    return EtcdRestoreTasks.decoding(config, identity);
  }
}
