package io.lifeboat.app;

import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.app.observe.RunReport;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one run skeleton every job app ({@link JobRuns}) and every function ({@link TaskRuns})
 * shares: start the clock, open the store, do the task, say and observe each report, and turn a
 * failure that escapes the task into failed reports under the task's kind and scope. It never
 * throws: the answer is an {@link Outcome} with the exit code the run ends with.
 */
public final class RunPath {
  private static final Logger LOG = Logger.getLogger(RunPath.class);

  private final RunObserver observer;
  private final Clock clock;

  public RunPath(RunObserver observer, Clock clock) {
    this.observer = observer;
    this.clock = clock;
  }

  /** The clock runs are timed on, which the tasks also read. */
  public Clock clock() {
    return clock;
  }

  /** The reports of one run (each goes to the observer) and the exit code it ends with. */
  public record Outcome(List<RunReport> reports, int exitCode) {
    public Outcome {
      reports = List.copyOf(reports);
    }

    /** The exit code of the first report that is not OK (a failure's own), else 0. */
    public static Outcome of(List<RunReport> reports) {
      return new Outcome(reports, RunReport.exitCodeOf(reports).code());
    }
  }

  /** The work of one run on an open store; {@code took} is the time since the run started. */
  @FunctionalInterface
  public interface Task {
    Outcome run(ObjectStore store, Supplier<Duration> took);
  }

  /** The reports for a failure that escaped the task (the scope it was working on, as known). */
  @FunctionalInterface
  public interface Failure {
    List<RunReport> reports(RuntimeException failure, Duration took);
  }

  /** How a run tells its reports to whoever reads the log. */
  @FunctionalInterface
  public interface Voice {
    void say(RunReport report);

    /** The functions: each report logged, a failed one at ERROR with its exit code. */
    Voice LOG_EACH =
        report -> {
          if (report.outcome() == RunReport.Outcome.FAILED) {
            LOG.errorf("%s (exit %d)", report.message(), report.exitCode().code());
          } else {
            LOG.info(report.message());
          }
        };

    /**
     * A job whose task logs its own results as it goes: only a failed report is said, as the one
     * {@code lifeboat: <message>} line on stderr a job's failure always is.
     */
    Voice JOB_FAILURES =
        report -> {
          if (report.outcome() == RunReport.Outcome.FAILED) {
            System.err.println("lifeboat: " + report.message());
          }
        };

    /** A job: a failed report on stderr (as {@link #JOB_FAILURES}), any other one at INFO. */
    Voice JOB =
        report -> {
          if (report.outcome() == RunReport.Outcome.FAILED) {
            JOB_FAILURES.say(report);
          } else {
            LOG.info(report.message());
          }
        };
  }

  /**
   * Runs {@code task} on the store {@code open} gives, closing it after; every report of the
   * outcome (or of {@code failed}, when the task or the opening throws) is said by {@code voice},
   * then observed.
   */
  public Outcome run(Supplier<ObjectStore> open, Task task, Failure failed, Voice voice) {
    Instant start = clock.instant();
    Supplier<Duration> took = () -> Duration.between(start, clock.instant());
    Outcome outcome;
    try (ObjectStore store = open.get()) {
      outcome = task.run(store, took);
    } catch (RuntimeException e) {
      outcome = Outcome.of(failed.reports(e, took.get()));
    }
    for (RunReport report : outcome.reports()) {
      voice.say(report);
      observer.observe(report);
    }
    return outcome;
  }
}
