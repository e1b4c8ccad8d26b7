package io.lifeboat.functions.http;

import io.lifeboat.app.TaskResult;

/**
 * Thrown by a function whose result is not a 200 in functions/README.md's status table. Funqy
 * answers any thrown exception with 500 and no body; {@link FunctionStatuses} finds this one and
 * answers the result with its status instead. Carries no stack trace: the result says everything.
 */
public final class TaskFailedException extends RuntimeException {
  private final transient TaskResult result;

  public TaskFailedException(TaskResult result) {
    super(result.message(), null, false, false);
    this.result = result;
  }

  public TaskResult result() {
    return result;
  }

  /** The result itself when it is a 200; else this exception. */
  public static TaskResult answer(TaskResult result) {
    if (result.httpStatus() != 200) {
      throw new TaskFailedException(result);
    }
    return result;
  }
}
