package io.lifeboat.cli;

import io.lifeboat.app.EtcdRestoreTasks;
import io.lifeboat.app.LifeboatConfig;
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

@Command(
    name = "download",
    description =
        "Fetch an etcd backup, verify every byte against its manifest, decrypt and decompress it:"
            + " the file is byte-identical to 'etcdctl snapshot save' output.")
class EtcdDownloadCommand implements Callable<Integer> {
  @Mixin LocationOptions location;
  @Mixin ReadOptions read;

  @Option(names = "--backup", required = true, description = "backup id or 'latest'")
  String backup;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "where to write the snapshot (must not exist)")
  Path output;

  @Inject LifeboatConfig config;

  @Override
  public Integer call() {
    Clock clock = Clock.systemUTC();
    try (ObjectStore store = location.open(config)) {
      var ref =
          new Repository(store, clock)
              .resolve(Kind.ETCD, Scope.cluster(read.cluster(config)), backup);
      var downloaded =
          EtcdRestoreTasks.downloader(store, read.decoding(config), clock)
              .download(ref, output, TerminalProgress.forConsole());
      System.out.printf(
          "downloaded %s to %s: %d bytes, snapshot sha256 %s, etcd %s, revision>=%d%n",
          ref,
          downloaded.file(),
          downloaded.size(),
          downloaded.sha256(),
          downloaded.source().serverVersion(),
          downloaded.source().revisionLowerBound());
      return 0;
    }
  }
}
