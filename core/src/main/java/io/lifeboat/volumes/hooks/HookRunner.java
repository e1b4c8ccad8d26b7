package io.lifeboat.volumes.hooks;

/**
 * Runs one hook and reports how it ended. Implementations never throw for a failing command, a
 * timeout or a missing pod: those are {@link Result#failed} results the caller weighs by {@link
 * PodHook#onError()}.
 */
public interface HookRunner {
  Result run(PodHook hook);

  /** How a hook ended: {@code ok}, or why not (exit code, timeout, API error). */
  record Result(boolean ok, String detail) {
    public static Result succeeded() {
      return new Result(true, "exit 0");
    }

    public static Result failed(String detail) {
      return new Result(false, detail);
    }
  }
}
