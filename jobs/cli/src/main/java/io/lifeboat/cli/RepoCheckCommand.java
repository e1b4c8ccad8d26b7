package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.repository.RepositoryCheck;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lifeboat repo check}: the descriptor, conditional writes, and the bucket's versioning and
 * Object Lock, with what a put-only identity could still do without them. Exit 0 when the
 * repository is usable, 5 when it is not, 3 with {@code --require-protection} when the bucket
 * protects nothing against overwrites.
 */
@Command(
    name = "check",
    description =
        "Report the repository descriptor, conditional writes, bucket versioning and Object Lock, and"
            + " what a put-only identity could still do. Exit 0 usable, 5 not usable (no descriptor,"
            + " no conditional writes), 3 with --require-protection when neither protection is on."
            + " Run with the admin credentials.")
public class RepoCheckCommand implements Callable<Integer> {
  @Mixin LocationOptions location;
  @Inject LifeboatConfig config;

  @Option(
      names = "--require-protection",
      description = "exit 3 unless versioning or Object Lock with a default retention is on")
  boolean requireProtection;

  @Override
  public Integer call() {
    try (ObjectStore store = location.open(config)) {
      var report = new RepositoryCheck(store, Clock.systemUTC()).check();
      report.lines().forEach(System.out::println);
      return report.exitCode(requireProtection).code();
    }
  }
}
