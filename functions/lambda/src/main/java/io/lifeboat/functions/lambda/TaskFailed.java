package io.lifeboat.functions.lambda;

import io.lifeboat.app.TaskResult;

/**
 * A failed run, thrown so Lambda reports a function error (and EventBridge Scheduler retries it or
 * sends it to its dead-letter queue). The message leads with the exit code.
 */
public final class TaskFailed extends RuntimeException {
  private final transient TaskResult result;

  TaskFailed(TaskResult result) {
    super("exit " + result.exitCode() + ": " + result.message(), null, false, false);
    this.result = result;
  }

  public TaskResult result() {
    return result;
  }
}
