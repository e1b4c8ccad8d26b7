package io.lifeboat.app.observe;

import io.lifeboat.app.observe.RunReport.Outcome;
import io.lifeboat.repository.Kind;
import io.lifeboat.restore.namespace.RestoreReport;
import java.time.Duration;
import java.util.List;

/**
 * A namespace restore's {@link RunReport}: scope is the target ({@code <cluster>/<namespace>}), the
 * lease's and the restore report's scope; the backup restored goes in {@code backups}.
 */
public final class RestoreRunReports {
  private RestoreRunReports() {}

  public static RunReport of(RestoreReport report, Duration took) {
    boolean partial = report.exitCode().code() != 0;
    return new RunReport(
        RunReport.Task.RESTORE,
        Kind.NAMESPACE,
        report.target(),
        partial ? Outcome.PARTIAL : Outcome.DONE,
        report.exitCode(),
        took,
        0,
        List.of(report.backup()),
        report.summary());
  }

  /** A restore that failed before or while restoring; {@code scope} as far as it is known. */
  public static RunReport failed(String scope, Throwable failure, Duration took) {
    return RunReports.failed(Kind.NAMESPACE, scope, failure, took).as(RunReport.Task.RESTORE);
  }
}
