package io.lifeboat.check;

import io.lifeboat.error.ExitCode;
import java.util.List;
import java.util.Objects;

/**
 * One finding of {@code repo check}: what was checked, how it went, one sentence saying what was
 * seen, and the exit code it gives when it failed.
 */
public record CheckLine(String name, Status status, String detail, ExitCode whenFailed) {
  /** SKIP: nothing configured to check (no etcd endpoints, no kubeconfig); not a failure. */
  public enum Status {
    OK,
    WARN,
    FAIL,
    SKIP
  }

  /** Failures in the order their exit codes win: the store first, then etcd and the API server. */
  private static final List<ExitCode> PRECEDENCE =
      List.of(ExitCode.LOCATION_UNAVAILABLE, ExitCode.SOURCE_UNAVAILABLE, ExitCode.PARTIAL);

  public CheckLine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if (status == Status.FAIL && (whenFailed == null || whenFailed == ExitCode.OK)) {
      throw new IllegalArgumentException("a failed line needs its exit code, was " + whenFailed);
    }
  }

  public static CheckLine ok(String name, String detail) {
    return new CheckLine(name, Status.OK, detail, null);
  }

  public static CheckLine warn(String name, String detail) {
    return new CheckLine(name, Status.WARN, detail, null);
  }

  public static CheckLine skip(String name, String detail) {
    return new CheckLine(name, Status.SKIP, detail, null);
  }

  public static CheckLine fail(String name, String detail, ExitCode code) {
    return new CheckLine(name, Status.FAIL, detail, code);
  }

  /**
   * 0 when no line failed; else the failed lines' code that wins: the store's (5) over etcd's and
   * the API server's (4) over a required protection's (3). WARN and SKIP never fail a check.
   */
  public static ExitCode exitCode(List<CheckLine> lines) {
    List<ExitCode> failed =
        lines.stream().filter(l -> l.status() == Status.FAIL).map(CheckLine::whenFailed).toList();
    if (failed.isEmpty()) {
      return ExitCode.OK;
    }
    return PRECEDENCE.stream().filter(failed::contains).findFirst().orElse(failed.get(0));
  }
}
