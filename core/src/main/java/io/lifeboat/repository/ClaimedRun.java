package io.lifeboat.repository;

import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LocationUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one path every backup (etcd, namespace, volumes; job, CLI or function) takes: claim the slot
 * -> write the data -> mark the claim {@code committing} -> commit the catalog entry -> mark it
 * {@code done}. Returns {@link Result.Skipped}, {@link Result.Committed} or {@link Result.Failed};
 * it throws only for programming errors.
 *
 * <ul>
 *   <li>One deadline bounds the whole run (source read, spool, upload, commit): work still running
 *       at the deadline is abandoned (interrupted) and nothing is committed. The claim lives the
 *       deadline plus {@link #CLAIM_MARGIN}, and is renewed every third of that while work runs.
 *   <li>The claim is checked (renewed to {@code committing}) right before the commit, so a run
 *       whose claim was taken over never commits.
 *   <li>A committed slot is final: failing to mark the claim {@code done} afterwards is a warning
 *       in a {@code Committed} result (exit 0); the claim then says {@code committing}, and a retry
 *       finds the catalog entry and skips.
 *   <li>A claim lost to another pod of the same Job and index (a second copy of this pod, see
 *       {@link ClaimLostException}) is {@code Skipped}: that copy commits the slot. A claim lost
 *       because this run outlived it is {@code Failed} (exit 11).
 *   <li>{@code failed} is written only when no commit was attempted, and a failure to write it
 *       never hides the run's own error (it is added as suppressed).
 * </ul>
 */
public final class ClaimedRun {
  private static final Logger LOG = Logger.getLogger(ClaimedRun.class);

  /** How long a claim outlives its run's deadline, for clock skew and the final writes. */
  public static final Duration CLAIM_MARGIN = Duration.ofMinutes(5);

  private final Repository repository;
  private final String runner;
  private final Duration deadline;

  /**
   * @param deadline how long the whole run may take, from the claim to the commit
   */
  public ClaimedRun(Repository repository, String runner, Duration deadline) {
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a run's deadline must be positive, was " + deadline);
    }
    this.repository = repository;
    this.runner = runner == null ? "lifeboat" : runner;
    this.deadline = deadline;
  }

  /** Writes a backup's data and says what its manifest records. */
  @FunctionalInterface
  public interface Work {
    PendingBackup.Contents write(PendingBackup pending);
  }

  /** How one claimed run ended. */
  public sealed interface Result {
    Kind kind();

    Scope scope();

    /** One line for the log and the report. */
    String summary();

    ExitCode exitCode();

    /** The committed backup's manifest; empty when skipped or failed. */
    default java.util.Optional<Manifest> committed() {
      return this instanceof Committed c
          ? java.util.Optional.of(c.manifest())
          : java.util.Optional.empty();
    }

    /** This result, or the failure thrown (for a caller that reports failures by exception). */
    default Result orThrow() {
      if (this instanceof Failed failed) {
        throw failed.failure();
      }
      return this;
    }

    /** Another run owns the slot (live, done or committed): nothing written, exit 0. */
    record Skipped(Kind kind, Scope scope, String slot, String reason) implements Result {
      @Override
      public String summary() {
        return kind + " backup of " + scope + ": slot " + slot + " " + reason + "; skipped";
      }

      @Override
      public ExitCode exitCode() {
        return ExitCode.OK;
      }
    }

    /** The catalog entry exists; {@code warnings} are about the claim, not the backup. */
    record Committed(Manifest manifest, String summary, List<String> warnings) implements Result {
      public Committed {
        warnings = List.copyOf(warnings);
      }

      @Override
      public Kind kind() {
        return manifest.kind();
      }

      @Override
      public Scope scope() {
        return Scope.parse(manifest.scope());
      }

      @Override
      public ExitCode exitCode() {
        return manifest.partial() ? ExitCode.PARTIAL : ExitCode.OK;
      }
    }

    /** Nothing was committed (or, when the commit's outcome is unknown, the claim says so). */
    record Failed(Kind kind, Scope scope, String slot, RuntimeException failure) implements Result {
      @Override
      public String summary() {
        return kind + " backup of " + scope + " failed: " + failure.getMessage();
      }

      @Override
      public ExitCode exitCode() {
        return ExitCode.of(failure);
      }
    }
  }

  /** The claim's lifetime: the deadline plus {@link #CLAIM_MARGIN}. */
  public Duration claimTtl() {
    return deadline.plus(CLAIM_MARGIN);
  }

  /**
   * Runs {@code work} for {@code slot} (null: a manual run, which claims nothing) and commits it;
   * {@code summary} turns the committed manifest into the result's line.
   */
  public Result run(
      Kind kind, Scope scope, String slot, Work work, Function<Manifest, String> summary) {
    String nonce = Nonce.next();
    PendingBackup pending = repository.begin(kind, scope, slot, nonce);
    Instant deadlineAt = repository.clock().instant().plus(deadline);
    ClaimTicket ticket = null;
    try {
      if (slot != null) {
        ClaimAttempt attempt =
            repository.claim(kind, scope, slot, runner, claimTtl(), pending.ref().id(), nonce);
        if (attempt.ticket() == null) {
          return new Result.Skipped(kind, scope, slot, attempt.refusal());
        }
        ticket = attempt.ticket();
      }
    } catch (RuntimeException e) {
      return new Result.Failed(kind, scope, slot, e);
    }
    PendingBackup.Contents contents;
    try {
      contents = withinDeadline(pending, work, ticket, deadlineAt);
      if (!repository.clock().instant().isBefore(deadlineAt)) {
        throw pastDeadline(pending);
      }
      if (ticket != null) {
        ticket.committing(claimTtl());
      }
    } catch (ClaimLostException lost) {
      return lost.takenByACopyOfThisPod()
          ? new Result.Skipped(kind, scope, slot, lost.copyWon())
          : new Result.Failed(kind, scope, slot, lost);
    } catch (RuntimeException e) {
      if (ticket != null && !(e instanceof AlreadyLockedException)) {
        markFailed(ticket, e);
      }
      return new Result.Failed(kind, scope, slot, e);
    }
    return commit(pending, contents, ticket, summary);
  }

  private Result commit(
      PendingBackup pending,
      PendingBackup.Contents contents,
      ClaimTicket ticket,
      Function<Manifest, String> summary) {
    BackupRef ref = pending.ref();
    Manifest manifest;
    try {
      manifest = pending.commit(contents);
    } catch (RuntimeException e) {
      // Whether the entry landed is unknown: the claim keeps saying 'committing', so a retry of
      // the slot looks for the entry before running again.
      return new Result.Failed(ref.kind(), ref.scope(), pending.slot(), e);
    }
    List<String> warnings = new ArrayList<>();
    if (ticket != null) {
      try {
        ticket.done(ref.id());
      } catch (RuntimeException e) {
        String warning =
            "backup "
                + ref
                + " is committed, but its claim '"
                + ticket.key()
                + "' could not be marked done ("
                + e.getMessage()
                + "); a retry of slot "
                + ticket.slot()
                + " finds the backup and skips";
        LOG.warn(warning);
        warnings.add(warning);
      }
    }
    String line = summary.apply(manifest);
    return new Result.Committed(
        manifest, warnings.isEmpty() ? line : line + " (warning: claim not marked done)", warnings);
  }

  /** Runs the work on its own thread, renewing the claim, and abandons it at the deadline. */
  private PendingBackup.Contents withinDeadline(
      PendingBackup pending, Work work, ClaimTicket ticket, Instant deadlineAt) {
    CompletableFuture<PendingBackup.Contents> running = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                running.complete(work.write(pending));
              } catch (Throwable t) {
                running.completeExceptionally(t);
              }
            },
            "lifeboat-run-" + pending.ref().id());
    worker.setDaemon(true);
    worker.start();
    try {
      return await(running, ticket, deadlineAt, pending);
    } finally {
      if (!running.isDone()) {
        // Past the deadline, or the claim was lost: the work must not go on writing.
        worker.interrupt();
      }
    }
  }

  private PendingBackup.Contents await(
      CompletableFuture<PendingBackup.Contents> running,
      ClaimTicket ticket,
      Instant deadlineAt,
      PendingBackup pending) {
    long renewEvery = Math.max(1, claimTtl().toMillis() / 3);
    while (true) {
      long left = Duration.between(repository.clock().instant(), deadlineAt).toMillis();
      if (left <= 0) {
        throw pastDeadline(pending);
      }
      try {
        return running.get(Math.min(left, renewEvery), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        if (ticket != null && left > renewEvery) {
          ticket.renew(claimTtl());
        }
      } catch (ExecutionException e) {
        throw rethrown(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while backing up " + pending.ref(), e);
      }
    }
  }

  private LocationUnavailableException pastDeadline(PendingBackup pending) {
    return new LocationUnavailableException(
        "backup "
            + pending.ref()
            + " did not finish within its deadline of "
            + deadline
            + "; nothing was committed");
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  private static void markFailed(ClaimTicket ticket, RuntimeException original) {
    try {
      ticket.failed();
    } catch (RuntimeException e) {
      original.addSuppressed(e);
      LOG.debugf(
          "could not mark claim of slot %s failed (it expires anyway): %s",
          ticket.slot(), e.getMessage());
    }
  }
}
