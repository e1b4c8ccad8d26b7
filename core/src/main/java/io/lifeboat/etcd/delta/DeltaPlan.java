package io.lifeboat.etcd.delta;

/** What a delta run will do, decided before it claims its slot ({@link DeltaDecision}). */
public sealed interface DeltaPlan {

  /** Store revisions {@code from..to} on {@code base}; empty when {@code to < from}. */
  record Delta(ChainLink base, long from, long to) implements DeltaPlan {}

  /**
   * Take a full snapshot instead. {@code gap} is true when the chain cannot continue (the run fails
   * instead under {@code on-gap=fail}); false when the chain is simply long enough.
   */
  record Full(String reason, boolean gap) implements DeltaPlan {}
}
