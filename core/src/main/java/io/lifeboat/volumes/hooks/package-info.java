/**
 * Application-consistency hooks for volume snapshots: commands read from pod annotations ({@code
 * pre.hook.lifeboat.io/*}, {@code post.hook.lifeboat.io/*}) and run through the pod {@code exec}
 * subresource. {@link io.lifeboat.volumes.hooks.Hooks} owns the order and the {@code on-error}
 * policy; {@link io.lifeboat.volumes.hooks.HookRunner} is the port that runs one command, so the
 * policy is testable without a cluster. Post hooks always run once pre hooks ran. A hook must never
 * throw out of a run: every failure is a result the policy weighs.
 */
package io.lifeboat.volumes.hooks;
