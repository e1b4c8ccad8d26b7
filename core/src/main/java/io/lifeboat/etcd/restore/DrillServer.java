package io.lifeboat.etcd.restore;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.kube.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A throwaway etcd on 127.0.0.1 serving a restored data dir; stopped by its PID on close. */
final class DrillServer implements AutoCloseable {
  private static final byte[] ALL_KEYS = {0};
  private static final Duration PAUSE = Duration.ofMillis(50);

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private DrillServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  URI endpoint() {
    return endpoint;
  }

  /** What the server answered. */
  record Served(long keys, long revision, long hashKv) {}

  static DrillServer start(
      String path,
      Path dataDir,
      String name,
      int peerPort,
      int clientPort,
      Path logDir,
      Duration timeout)
      throws IOException {
    return start(
        RestoreDrill.etcdBinary(path), path, dataDir, name, peerPort, clientPort, logDir, timeout);
  }

  /** As above with the etcd server binary named ({@code --etcd-binary}). */
  static DrillServer start(
      Path etcd,
      String path,
      Path dataDir,
      String name,
      int peerPort,
      int clientPort,
      Path logDir,
      Duration timeout)
      throws IOException {
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    Path log = logDir.resolve("etcd.log");
    List<String> command =
        List.of(
            etcd.toString(),
            "--name",
            name,
            "--data-dir",
            dataDir.toString(),
            "--listen-client-urls",
            client,
            "--advertise-client-urls",
            client,
            "--listen-peer-urls",
            peer,
            "--initial-advertise-peer-urls",
            peer,
            "--initial-cluster",
            name + "=" + peer,
            "--quota-backend-bytes",
            "8589934592");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PATH", path);
    DrillServer server = new DrillServer(builder.start(), URI.create(client), log);
    try {
      server.awaitListening(clientPort, timeout);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitListening(int port, Duration timeout) {
    boolean listening =
        Poll.realTime()
            .until(() -> listening(port), timeout, PAUSE, "etcd to serve the restored data");
    if (!listening) {
      throw new IntegrityException(
          "etcd did not serve the restored data within "
              + timeout.toSeconds()
              + "s (--start-timeout): "
              + logTail());
    }
  }

  private boolean listening(int port) {
    if (!process.isAlive()) {
      throw new IntegrityException(
          "etcd exited " + process.exitValue() + " on the restored data: " + logTail());
    }
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  Served inspect() {
    try {
      return read(endpoint);
    } catch (ExecutionException | TimeoutException e) {
      throw new IntegrityException(
          "the etcd serving the restored data did not answer: " + e + "; " + logTail(), e);
    }
  }

  /** Key count and revision from one count-only range over every key, and hashkv there. */
  static Served read(URI endpoint) throws ExecutionException, TimeoutException {
    try (Client client = Client.builder().endpoints(endpoint).build()) {
      GetResponse count =
          client
              .getKVClient()
              .get(
                  ByteSequence.from(ALL_KEYS),
                  GetOption.builder()
                      .withRange(ByteSequence.from(ALL_KEYS))
                      .withCountOnly(true)
                      .build())
              .get(60, TimeUnit.SECONDS);
      long revision = count.getHeader().getRevision();
      long hash =
          Integer.toUnsignedLong(
              client
                  .getMaintenanceClient()
                  .hashKV(endpoint.toString(), revision)
                  .get(300, TimeUnit.SECONDS)
                  .getHash());
      return new Served(count.getCount(), revision, hash);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String logTail() {
    try {
      return EtcdRestorer.tail(Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
