package io.lifeboat.store;

import java.time.Instant;

/** An upload that was started and neither completed nor aborted (S3 multipart, file temp file). */
public record IncompleteUpload(String key, String uploadId, Instant initiated) {}
