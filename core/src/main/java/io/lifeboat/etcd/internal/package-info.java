/**
 * The etcd backup's machinery, public only so {@code io.lifeboat.etcd} and {@code etcd.restore} can
 * reach it: one jetcd client per endpoint, the bounded chunk hand-off from the gRPC thread, the
 * streaming snapshot check (bbolt magic, trailing SHA-256), and the probes that turn a gRPC timeout
 * into the one-line reason (nothing listening, TLS refused). Only the {@code etcd} feature may
 * depend on it.
 *
 * <p>It must never buffer a whole snapshot or log certificate or key material.
 */
package io.lifeboat.etcd.internal;
