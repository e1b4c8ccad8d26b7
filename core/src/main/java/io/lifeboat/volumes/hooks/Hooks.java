package io.lifeboat.volumes.hooks;

import io.fabric8.kubernetes.api.model.Pod;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.ItemFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hooks of one namespace and the order they run in: every pre hook, pod by pod in name order,
 * stopping at the first failure of a {@code Fail} hook; then (after the snapshots, whatever
 * happened to them) every post hook of a pod whose pre hook was attempted or that has no pre hook.
 * A pod whose pre hook never ran because an earlier one aborted gets no post hook: there is nothing
 * to undo. Only running pods get hooks; others are warned about.
 *
 * <p>Not thread-safe: one namespace run calls {@link #runPre} once, then {@link #runPost} once.
 */
public final class Hooks {
  private final List<PodHook> pre = new ArrayList<>();
  private final List<PodHook> post = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<ItemFailure> invalidPre = new ArrayList<>();
  private final List<ItemFailure> invalidPost = new ArrayList<>();
  private final Set<String> skippedPods = new HashSet<>();

  private Hooks() {}

  /** The hooks the annotations of {@code pods} ask for. */
  public static Hooks of(List<Pod> pods) {
    Hooks hooks = new Hooks();
    pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).forEach(hooks::add);
    return hooks;
  }

  public static Hooks none() {
    return new Hooks();
  }

  public boolean isEmpty() {
    return pre.isEmpty() && post.isEmpty() && invalidPre.isEmpty() && invalidPost.isEmpty();
  }

  private void add(Pod pod) {
    String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    Optional<PodHook> preHook = parse(pod, PodHook.Phase.PRE, name, invalidPre);
    Optional<PodHook> postHook = parse(pod, PodHook.Phase.POST, name, invalidPost);
    if (preHook.isEmpty() && postHook.isEmpty()) {
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (!"Running".equals(phase)) {
      warnings.add("pod " + name + " has hooks but is " + phase + ": its hooks were not run");
      return;
    }
    preHook.ifPresent(pre::add);
    postHook.ifPresent(post::add);
  }

  private static Optional<PodHook> parse(
      Pod pod, PodHook.Phase phase, String name, List<ItemFailure> invalid) {
    try {
      return HookAnnotations.of(pod, phase);
    } catch (InvalidConfigurationException e) {
      invalid.add(new ItemFailure("pod/" + name, e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Runs the pre hooks. {@link Report#aborted()} means the snapshots must not be taken: a {@code
   * Fail} hook failed, or some pod's pre hook annotations are invalid.
   */
  public Report runPre(HookRunner runner) {
    List<String> warned = new ArrayList<>(warnings);
    List<ItemFailure> failures = new ArrayList<>(invalidPre);
    if (!invalidPre.isEmpty()) {
      pre.forEach(h -> skippedPods.add(h.pod()));
      return new Report(true, warned, failures);
    }
    for (int i = 0; i < pre.size(); i++) {
      PodHook hook = pre.get(i);
      if (!weigh(hook, runner.run(hook), warned, failures)) {
        pre.subList(i + 1, pre.size()).forEach(h -> skippedPods.add(h.pod()));
        return new Report(true, warned, failures);
      }
    }
    return new Report(false, warned, failures);
  }

  /** Runs the post hooks; each failure counts by its own {@code on-error}. Never aborts. */
  public Report runPost(HookRunner runner) {
    List<String> warned = new ArrayList<>();
    List<ItemFailure> failures = new ArrayList<>(invalidPost);
    for (PodHook hook : post) {
      if (skippedPods.contains(hook.pod())) {
        warned.add(hook.describe() + " not run: its pre hook did not run");
      } else {
        weigh(hook, runner.run(hook), warned, failures);
      }
    }
    return new Report(false, warned, failures);
  }

  /** Records a hook's result; false when it failed and its policy is {@code Fail}. */
  private static boolean weigh(
      PodHook hook, HookRunner.Result result, List<String> warned, List<ItemFailure> failures) {
    if (result.ok()) {
      return true;
    }
    String reason = hook.describe() + " failed: " + result.detail();
    if (hook.onError() == PodHook.OnError.CONTINUE) {
      warned.add(reason + " (on-error Continue)");
      return true;
    }
    failures.add(new ItemFailure("pod/" + hook.namespace() + "/" + hook.pod(), reason));
    return false;
  }

  /** What one phase did: whether it aborts the snapshots, its warnings and failures. */
  public record Report(boolean aborted, List<String> warnings, List<ItemFailure> failures) {
    public Report {
      warnings = List.copyOf(warnings);
      failures = List.copyOf(failures);
    }
  }
}
