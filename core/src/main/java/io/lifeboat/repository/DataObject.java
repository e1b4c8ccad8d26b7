package io.lifeboat.repository;

/**
 * One payload object of a backup as the manifest records it: its file name under the backup's data
 * folder, the size and SHA-256 of the bytes as stored (after compression and encryption), and, when
 * known, the size and SHA-256 of the content before encoding.
 */
public record DataObject(String name, long size, String sha256, Long rawSize, String rawSha256) {
  public DataObject {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, was '" + sha256 + "'");
    }
  }
}
