package io.lifeboat.progress;

/**
 * How far a long piece of work has got: a use-case tells it counts as it goes (bytes read from
 * etcd, objects written to an archive or to the cluster, keys deleted), and a caller that has a
 * person watching draws them; everyone else passes {@link #NONE}. Core knows nothing of terminals:
 * what a count means (bytes or objects) is the caller's to know, since it chose the use-case.
 *
 * <p>Contract: called on the working thread, often (after every chunk or batch), so it must be
 * cheap and must not throw. Within one subject {@code done} never decreases. {@code total} is
 * {@link #UNKNOWN} when the work cannot know it, or an estimate that {@code done} may pass (etcd's
 * reported database size); an implementation must cope with both.
 */
@FunctionalInterface
public interface Progress {
  /** No total is known (an export cannot know how many objects the API will list). */
  long UNKNOWN = -1;

  /** Tells nobody. */
  Progress NONE = (done, total) -> {};

  /**
   * Work on {@code subject} (a backup or scope, as its summary line names it) begins; counts start
   * again from zero. Work that is one piece may never call it.
   */
  default void started(String subject) {}

  /** {@code done} units so far of {@code total} ({@link #UNKNOWN} when not known). */
  void advanced(long done, long total);

  /** {@code progress}, or {@link #NONE} for null (the use-cases' parameters are nullable). */
  static Progress orNone(Progress progress) {
    return progress == null ? NONE : progress;
  }
}
