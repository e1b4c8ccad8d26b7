/**
 * The {@code s3://bucket/prefix} object store over the AWS SDK v2 sync client: AWS S3 or any
 * S3-compatible server (MinIO, Ceph RGW, R2, S3Proxy) that honours If-None-Match and If-Match on
 * PutObject and If-Match on DeleteObject.
 *
 * <p>It streams large objects as multipart uploads holding about one part in memory, aborts them
 * when a write is discarded, deletes in batches of 1,000 and reports per-key refusals (Object Lock,
 * AccessDenied) as values. Every SDK failure is mapped in {@code S3Failures}.
 *
 * <p>This package must never log or put into a message any credential (the secret key above all),
 * never retry on its own (the SDK's standard retry mode does), and never hold a whole large object
 * in memory.
 */
package io.lifeboat.store.s3;
