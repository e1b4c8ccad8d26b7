/**
 * What a finished run tells the outside world: a {@link io.lifeboat.app.observe.RunReport} per
 * backup scope, pushed as metrics to a Prometheus Pushgateway and recorded as a Kubernetes Event on
 * the run's pod. Everything here is best effort: a metrics or event failure is logged once at WARN
 * and never changes a run's exit code or result.
 */
package io.lifeboat.app.observe;
