package io.lifeboat.testing;

import static org.awaitility.Awaitility.await;

import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A real S3Proxy 4.1.0 ({@code jclouds.provider=filesystem}, absolute basedir, aws-v2-or-v4 auth)
 * in a child JVM on a free port of 127.0.0.1.
 *
 * <p>As a JUnit 5 extension, started before the class's tests and stopped after them:
 *
 * <pre>{@code
 * @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
 * ... S3.createBucket() ... S3.client() ... S3.locationSettings(bucket, "prefix")
 * }</pre>
 *
 * <p>Or by hand: {@code try (S3ProxyServer s3 = S3ProxyServer.started()) {...}}. {@link #stop()}
 * and {@link #restart()} (same port, same data) let a test take the server away mid-operation.
 *
 * <p>The jar is {@code -Dlifeboat.s3proxy.jar} (core's pom sets it to {@code
 * target/servers/s3proxy.jar}, copied there in generate-test-resources), else {@code
 * target/servers/s3proxy.jar}, else the local Maven repository's copy. Other modules add the same
 * dependency-plugin execution or rely on the repository fallback. The process is stopped by its PID
 * in {@link #stop()}, and by a shutdown hook should a test JVM exit without stopping it.
 */
public final class S3ProxyServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  public static final String ACCESS_KEY = "lifeboat-test-identity";
  public static final String SECRET_KEY = "lifeboat-test-credential";
  private static final String VERSION = "4.1.0";
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private Path directory;
  private int port;
  private Process process;
  private Thread shutdownHook;

  /** Starts a server now; close it (or call {@link #stop()}) when done. */
  public static S3ProxyServer started() {
    S3ProxyServer server = new S3ProxyServer();
    server.start();
    return server;
  }

  /** Starts the server on a fresh free port with an empty data directory. Idempotent. */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    try {
      directory = Files.createTempDirectory("lifeboat-s3proxy-").toAbsolutePath();
      Files.createDirectories(directory.resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int attempt = 1; ; attempt++) {
      port = Ports.free();
      try {
        launch();
        return;
      } catch (IllegalStateException e) {
        if (attempt == 3) {
          throw e; // the port was taken between picking and binding three times: give up
        }
      }
    }
  }

  /**
   * Where the filesystem backend keeps {@code bucket}'s objects (one file per key). Benchmarks fill
   * it directly, which is much faster than PutObject; the server lists what it finds there.
   */
  public Path bucketDirectory(String bucket) {
    return directory.resolve("data").resolve(bucket);
  }

  /** Stops the server by PID and waits for it to exit. Data and port are kept for restart(). */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    Process stopping = process;
    process = null;
    stopping.destroy();
    try {
      if (!stopping.waitFor(10, TimeUnit.SECONDS)) {
        stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      stopping.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway and finds the process gone
    }
  }

  /** Stops and starts again on the same port with the same buckets and objects. */
  public synchronized void restart() {
    stop();
    launch();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  /** Creates a bucket with a unique name and returns the name. */
  public String createBucket() {
    return createBucket(
        "lifeboat-test-" + ProcessHandle.current().pid() + "-" + BUCKETS.getAndIncrement());
  }

  /** Creates {@code name} and returns it. */
  public String createBucket(String name) {
    try (S3Client client = client()) {
      client.createBucket(r -> r.bucket(name));
    }
    return name;
  }

  /** A new client (caller closes it): path-style, us-east-1, the test credentials. */
  public S3Client client() {
    return clientBuilder().build();
  }

  /**
   * A client builder preset like {@link #client()}: the jobs' own ({@link
   * Locations#s3ClientBuilder}, so tests exercise the production transport, checksum and signing
   * settings), to change e.g. the credentials. A test adding an interceptor through {@code
   * overrideConfiguration} replaces the whole override configuration, so it sets the retry strategy
   * again.
   */
  public S3ClientBuilder clientBuilder() {
    return Locations.s3ClientBuilder(locationSettings("any", ""));
  }

  /** Settings for {@code s3://bucket/prefix} on this server, as a job would be configured. */
  public LocationSettings locationSettings(String bucket, String prefix) {
    return new LocationSettings(
        "s3://" + bucket + "/" + prefix,
        endpoint().toString(),
        "us-east-1",
        true,
        ACCESS_KEY,
        SECRET_KEY,
        0);
  }

  /** The server's output so far (for failure messages). */
  public String log() {
    try {
      return Files.readString(directory.resolve("s3proxy.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public synchronized void close() {
    stop();
    if (directory != null) {
      deleteRecursively(directory);
      directory = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void launch() {
    try {
      Path properties = directory.resolve("s3proxy.properties");
      Files.writeString(properties, properties());
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      List<String> command =
          List.of(
              java.toString(),
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-jar",
              jar().toString(),
              "--properties",
              properties.toString());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start S3Proxy", e);
    }
    Process started = process;
    shutdownHook = new Thread(started::destroyForcibly, "stop-s3proxy-" + started.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                if (!started.isAlive()) {
                  throw new IllegalStateException("S3Proxy exited:\n" + log());
                }
                return answers();
              });
    } catch (RuntimeException e) {
      stop();
      throw new IllegalStateException(
          "S3Proxy did not start on port " + port + ": " + e.getMessage() + "\n" + log(), e);
    }
  }

  private String properties() {
    return String.join(
        "\n",
        "s3proxy.endpoint=" + endpoint(),
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem",
        "jclouds.identity=" + ACCESS_KEY,
        "jclouds.credential=" + SECRET_KEY,
        // S3Proxy silently breaks LIST and multipart completion with a relative basedir.
        "jclouds.filesystem.basedir=" + directory.resolve("data").toAbsolutePath(),
        "");
  }

  /** True once the server answers HTTP at all (an anonymous request gets 403, which is fine). */
  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  static Path jar() {
    String configured = System.getProperty("lifeboat.s3proxy.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath();
    }
    Path local = Path.of("target", "servers", "s3proxy.jar");
    if (Files.isRegularFile(local)) {
      return local.toAbsolutePath();
    }
    Path repository =
        Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy")
            .resolve(VERSION)
            .resolve("s3proxy-" + VERSION + "-jar-with-dependencies.jar");
    if (Files.isRegularFile(repository)) {
      return repository;
    }
    throw new IllegalStateException(
        "S3Proxy jar not found: set -Dlifeboat.s3proxy.jar (was '"
            + configured
            + "'), or copy org.gaul:s3proxy:"
            + VERSION
            + ":jar:jar-with-dependencies to target/servers/s3proxy.jar");
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
