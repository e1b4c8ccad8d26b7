package io.lifeboat.cli;

import io.lifeboat.app.EtcdRestoreTasks;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify",
    description =
        "The restore drill: download a backup checking every hash, restore it into a scratch dir,"
            + " boot a throwaway etcd on 127.0.0.1 and report its key count, revision and hashkv."
            + " When BACKUP is a delta, or latest and the newest etcd backup is a delta, the whole"
            + " chain is drilled: its full snapshot and every delta verified and replayed to its"
            + " last revision, each event checked against the state before it."
            + " Exit 6 on any integrity failure.")
class VerifyCommand implements Callable<Integer> {
  @Mixin LocationOptions location;
  @Mixin ReadOptions read;

  @Parameters(
      index = "0",
      paramLabel = "BACKUP",
      description = "backup id (a full snapshot or a delta) or 'latest'")
  String backup;

  @Option(names = "--kind", defaultValue = "etcd", description = "backup kind (only etcd so far)")
  String kind;

  @Option(
      names = "--scratch-dir",
      paramLabel = "DIR",
      description = "where the throwaway data dir goes (default: java.io.tmpdir)")
  Path scratchDir;

  @Option(
      names = "--start-timeout",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description = "how long the throwaway etcd may take to serve (default ${DEFAULT-VALUE})")
  Duration startTimeout;

  @Inject LifeboatConfig config;

  @Override
  public Integer call() {
    if (Flags.kind("--kind", kind) != Kind.ETCD) {
      throw new InvalidConfigurationException(
          "--kind '" + kind + "': only etcd backups can be verified so far");
    }
    String wanted = Flags.backup(backup);
    Clock clock = Clock.systemUTC();
    Path scratch = scratchDir != null ? scratchDir : Path.of(System.getProperty("java.io.tmpdir"));
    try (ObjectStore store = location.open(config)) {
      var result =
          EtcdRestoreTasks.drill(store, read.decoding(config), scratch, startTimeout, clock)
              .verify(read.cluster(config), wanted, TerminalProgress.forConsole("downloading"));
      System.out.println(result.summary());
      return 0;
    }
  }
}
