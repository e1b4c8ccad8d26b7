package io.lifeboat.etcd.restore;

/** Told how many stored bytes have been read so far; called often, so keep it cheap. */
@FunctionalInterface
public interface DownloadProgress {
  DownloadProgress NONE = (read, total) -> {};

  void stored(long read, long total);
}
