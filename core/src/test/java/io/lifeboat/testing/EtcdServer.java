package io.lifeboat.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real etcd (Debian's etcd-server) on 127.0.0.1 with free ports and its own data dir, started by
 * a test and stopped by PID. With {@link Tls} it serves https and requires client certificates.
 */
public final class EtcdServer implements AutoCloseable {
  private final Path dataDir;
  private final Tls tls;
  private final int clientPort;
  private final int peerPort;
  private Process process;

  /** TLS material for a server: its CA, its own certificate and key (PEM files). */
  public record Tls(Path caFile, Path serverCert, Path serverKey) {}

  private EtcdServer(Path dataDir, Tls tls) {
    this.dataDir = dataDir;
    this.tls = tls;
    this.clientPort = Ports.free();
    this.peerPort = Ports.free();
  }

  public static EtcdServer start(Path dataDir) {
    return start(dataDir, null);
  }

  public static EtcdServer start(Path dataDir, Tls tls) {
    EtcdServer server = new EtcdServer(dataDir, tls);
    server.launch();
    return server;
  }

  public URI endpoint() {
    return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + clientPort);
  }

  public Path dataDir() {
    return dataDir;
  }

  public long pid() {
    return process.pid();
  }

  private void launch() {
    String client = endpoint().toString();
    String peer = "http://127.0.0.1:" + peerPort;
    List<String> command =
        new ArrayList<>(
            List.of(
                "etcd",
                "--name",
                "test",
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
                "test=" + peer,
                "--quota-backend-bytes",
                "8589934592",
                "--log-level",
                "warn"));
    if (tls != null) {
      command.addAll(
          List.of(
              "--cert-file",
              tls.serverCert().toString(),
              "--key-file",
              tls.serverKey().toString(),
              "--trusted-ca-file",
              tls.caFile().toString(),
              "--client-cert-auth"));
    }
    try {
      Files.createDirectories(dataDir.getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start etcd (apt-get install etcd-server): " + e.getMessage(), e);
    }
    await("etcd on port " + clientPort)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> listening() || !process.isAlive());
    if (!process.isAlive()) {
      throw new IllegalStateException("etcd exited at start with code " + process.exitValue());
    }
  }

  private boolean listening() {
    try (Socket ignored = new Socket("127.0.0.1", clientPort)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs etcdctl against this server (v3 API, with the given client certificate when TLS). */
  public String etcdctl(String... args) {
    List<String> command = new ArrayList<>(List.of("etcdctl", "--endpoints=" + endpoint()));
    command.addAll(List.of(args));
    return Cli.run(List.of("ETCDCTL_API=3"), command);
  }

  /** Kills etcd at once (SIGKILL), as a crashed member or a cut network would look. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  /**
   * Writes {@code count} keys of {@code valueSize} bytes through etcdctl's fast path (txn batches).
   */
  public void fill(String prefix, int count, int valueSize) {
    try (var kv = io.etcd.jetcd.Client.builder().endpoints(endpoint()).build()) {
      java.util.Random random = new java.util.Random(42);
      List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] value = new byte[valueSize];
        random.nextBytes(value);
        inFlight.add(
            kv.getKVClient()
                .put(
                    io.etcd.jetcd.ByteSequence.from(prefix + i, StandardCharsets.UTF_8),
                    io.etcd.jetcd.ByteSequence.from(value)));
        if (inFlight.size() == 256) {
          inFlight.forEach(java.util.concurrent.CompletableFuture::join);
          inFlight.clear();
        }
      }
      inFlight.forEach(java.util.concurrent.CompletableFuture::join);
    }
  }
}
