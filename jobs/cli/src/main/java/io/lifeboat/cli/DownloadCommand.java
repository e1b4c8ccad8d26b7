package io.lifeboat.cli;

import io.lifeboat.app.EtcdRestoreTasks;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "download",
    description =
        "Fetch an etcd backup, verify every byte against its manifest, decrypt and decompress it:"
            + " the file (mode 0600) is byte-identical to 'etcdctl snapshot save' output.")
class DownloadCommand implements Callable<Integer> {
  @Mixin LocationOptions location;
  @Mixin ReadOptions read;

  @Parameters(index = "0", paramLabel = "BACKUP", description = "backup id or 'latest'")
  String backup;

  @Option(
      names = "--output-file",
      required = true,
      paramLabel = "FILE",
      description = "where to write the snapshot (must not exist)")
  Path outputFile;

  @Option(names = "--kind", defaultValue = "etcd", description = "backup kind (only etcd so far)")
  String kind;

  @Inject LifeboatConfig config;

  @Override
  public Integer call() {
    if (Flags.kind("--kind", kind) != Kind.ETCD) {
      throw new InvalidConfigurationException(
          "--kind '" + kind + "': only etcd backups can be downloaded so far");
    }
    String wanted = Flags.backup(backup);
    Clock clock = Clock.systemUTC();
    try (ObjectStore store = location.open(config)) {
      var ref =
          new Repository(store, clock)
              .resolve(Kind.ETCD, Scope.cluster(read.cluster(config)), wanted);
      var downloaded =
          EtcdRestoreTasks.downloader(store, read.decoding(config), clock)
              .download(ref, outputFile, TerminalProgress.forConsole("downloading"));
      System.out.printf(
          "downloaded %s to %s: %s, etcd %s, revision>=%d%n"
              + "etcd integrity hash (sha256 of all but the last 32 bytes): %s%n",
          ref,
          downloaded.file(),
          Human.size(downloaded.size()),
          downloaded.source().serverVersion(),
          downloaded.source().revisionLowerBound(),
          downloaded.sha256());
      System.out.printf("sha256 (file, as sha256sum prints it): %s%n", FileHash.sha256(outputFile));
      return 0;
    }
  }
}
