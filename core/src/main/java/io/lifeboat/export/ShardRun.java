package io.lifeboat.export;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.ClaimedRun;
import java.util.List;

/**
 * What one shard of a namespace export did: which shard, how many namespaces the whole selection
 * held (every shard lists them all), and one result per namespace it owns (committed, skipped
 * because another run owns or committed the slot, or failed).
 */
public record ShardRun(Shard shard, int selected, List<ClaimedRun.Result> results) {
  public ShardRun {
    results = List.copyOf(results);
  }

  public long committed() {
    return results.stream().filter(r -> r instanceof ClaimedRun.Result.Committed).count();
  }

  public long skipped() {
    return results.stream().filter(r -> r instanceof ClaimedRun.Result.Skipped).count();
  }

  public long failed() {
    return results.stream().filter(r -> r instanceof ClaimedRun.Result.Failed).count();
  }

  public long partial() {
    return results.stream().filter(r -> r.exitCode() == ExitCode.PARTIAL).count();
  }

  /** The shard's closing line, e.g. {@code shard 2/8: 250 of 2000 namespaces: 248 committed...}. */
  public String summary() {
    return "namespace export shard "
        + shard
        + ": "
        + results.size()
        + " of "
        + selected
        + " selected namespaces: "
        + committed()
        + " committed ("
        + partial()
        + " partial), "
        + skipped()
        + " skipped, "
        + failed()
        + " failed";
  }

  /**
   * 0 when every namespace committed or was skipped, 3 when any is partial, the first failed
   * namespace's own code when one failed.
   */
  public ExitCode exitCode() {
    return results.stream()
        .filter(r -> r instanceof ClaimedRun.Result.Failed)
        .map(ClaimedRun.Result::exitCode)
        .findFirst()
        .orElse(partial() > 0 ? ExitCode.PARTIAL : ExitCode.OK);
  }
}
