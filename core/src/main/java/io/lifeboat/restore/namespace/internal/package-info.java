/** Restore internals: archive streaming, per-kind cleaning detail, API writes, one run's steps. */
package io.lifeboat.restore.namespace.internal;
