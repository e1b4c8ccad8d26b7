/**
 * The etcd-snapshot CronJob image: a {@code @QuarkusMain} that starts through {@code Launcher} (so
 * a configuration error exits 2 with one line and {@code --help} needs no configuration) and an app
 * that runs the etcd snapshot through {@code io.lifeboat.app} and returns its exit code.
 *
 * <p>It must never hold logic of its own: what the job does, the function and the CLI do too, by
 * calling the same core method.
 */
package io.lifeboat.jobs.etcd;
