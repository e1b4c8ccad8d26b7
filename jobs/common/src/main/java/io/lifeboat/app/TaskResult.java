package io.lifeboat.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.lifeboat.app.observe.RunReport;
import io.lifeboat.error.ExitCode;
import java.util.Arrays;
import java.util.List;

/**
 * What a function answers for one task call: {@code status} is {@code done}, {@code skipped},
 * {@code partial} or {@code failed}; {@code exitCode} is the code the same run exits with as a Job;
 * {@code backups} the ids committed; {@code message} one line. The HTTP status follows {@link
 * ExitCode}'s table, as functions/README.md lists it ({@link #httpStatus()}).
 */
public record TaskResult(String status, int exitCode, List<String> backups, String message) {

  public TaskResult {
    backups = backups == null ? List.of() : List.copyOf(backups);
  }

  /** A run covering several scopes (a namespace export): the worst outcome wins. */
  public static TaskResult of(List<RunReport> reports, String emptyMessage) {
    if (reports.isEmpty()) {
      return new TaskResult("done", 0, List.of(), emptyMessage);
    }
    RunReport.Outcome worst =
        reports.stream().map(RunReport::outcome).max(TaskResult::severity).orElseThrow();
    ExitCode code = RunReport.exitCodeOf(reports);
    List<String> ids = reports.stream().flatMap(r -> r.backups().stream()).toList();
    String message =
        reports.size() == 1
            ? reports.get(0).message()
            : String.join("; ", reports.stream().map(RunReport::message).toList());
    return new TaskResult(worst.label(), code.code(), ids, message);
  }

  public static TaskResult of(RunReport report) {
    return of(List.of(report), "");
  }

  /** A call that failed before any run: the failure's exit code and one line. */
  public static TaskResult failed(Throwable failure) {
    StartupFailure described = StartupFailure.of(failure);
    return new TaskResult("failed", described.exitCode().code(), List.of(), described.message());
  }

  /** 200 for done, skipped and partial; else the exit code's status ({@link ExitCode}). */
  @JsonIgnore
  public int httpStatus() {
    return Arrays.stream(ExitCode.values())
        .filter(c -> c.code() == exitCode)
        .findFirst()
        .orElse(ExitCode.UNEXPECTED)
        .httpStatus();
  }

  private static int severity(RunReport.Outcome a, RunReport.Outcome b) {
    return Integer.compare(rank(a), rank(b));
  }

  private static int rank(RunReport.Outcome outcome) {
    switch (outcome) {
      case SKIPPED:
        return 0;
      case DONE:
        return 1;
      case PARTIAL:
        return 2;
      default:
        return 3;
    }
  }
}
