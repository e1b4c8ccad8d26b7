package io.lifeboat.testing;

import io.lifeboat.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/** A {@link Progress} that keeps every call, to compare what a use-case said with what it did. */
public final class RecordingProgress implements Progress {
  /** One {@code advanced} call, under the subject that was current. */
  public record Step(String subject, long done, long total) {}

  private final List<String> subjects = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();

  @Override
  public synchronized void started(String subject) {
    subjects.add(subject);
  }

  @Override
  public synchronized void advanced(long done, long total) {
    steps.add(new Step(subjects.isEmpty() ? null : subjects.get(subjects.size() - 1), done, total));
  }

  public synchronized List<String> subjects() {
    return List.copyOf(subjects);
  }

  public synchronized List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The last count told under {@code subject}; -1 if none was. */
  public synchronized long lastDone(String subject) {
    long last = -1;
    for (Step step : steps) {
      if (subject.equals(step.subject())) {
        last = step.done();
      }
    }
    return last;
  }

  /** True when, under each subject, the counts never went down. */
  public synchronized boolean neverWentBack() {
    for (int i = 1; i < steps.size(); i++) {
      Step before = steps.get(i - 1);
      Step now = steps.get(i);
      if (java.util.Objects.equals(before.subject(), now.subject()) && now.done() < before.done()) {
        return false;
      }
    }
    return true;
  }
}
