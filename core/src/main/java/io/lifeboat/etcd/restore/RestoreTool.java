package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LifeboatException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's etcd restore binary: {@code etcdutl} when it is on the PATH, else {@code etcdctl}
 * (3.4 has no etcdutl; 3.6 removed {@code etcdctl snapshot restore}). What it can do is read from
 * its own {@code version} and {@code snapshot restore --help}, not guessed from a version table, so
 * a backported flag is used and a distribution's patched build is believed.
 *
 * <p>The PATH is a parameter, never the JVM's environment mutated, so tests put a stub first.
 */
public final class RestoreTool {
  private static final Pattern VERSION =
      Pattern.compile("(?m)version:\\s*v?(\\d+)\\.(\\d+)\\.\\d+");
  private static final long TIMEOUT_MINUTES = 60;

  private final Path executable;
  private final String path;
  private final String version;
  private final boolean bumpRevision;

  private RestoreTool(Path executable, String path, String version, boolean bumpRevision) {
    this.executable = executable;
    this.path = path;
    this.version = version;
    this.bumpRevision = bumpRevision;
  }

  /** Finds etcdutl, else etcdctl, on {@code path} (a PATH string) and asks it what it supports. */
  public static RestoreTool detect(String path) {
    Path executable =
        which("etcdutl", path)
            .or(() -> which("etcdctl", path))
            .orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        "neither etcdutl nor etcdctl is on PATH ("
                            + path
                            + "): install etcd's client tools of the snapshot's version"));
    String versionOutput = run(executable, path, List.of("version")).output();
    Matcher m = VERSION.matcher(versionOutput);
    String version = m.find() ? m.group(0).replaceFirst("version:\\s*v?", "") : "unknown";
    String help = run(executable, path, List.of("snapshot", "restore", "--help")).output();
    boolean bump = help.contains("--bump-revision") && help.contains("--mark-compacted");
    return new RestoreTool(executable, path, version, bump);
  }

  /** The first executable file called {@code name} in the directories of {@code path}. */
  public static Optional<Path> which(String name, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code etcdutl} or {@code etcdctl}. */
  public String name() {
    return executable.getFileName().toString();
  }

  public Path executable() {
    return executable;
  }

  /** The PATH the tool was found on; the drill finds {@code etcd} there too. */
  public String path() {
    return path;
  }

  /** {@code 3.4.23}, or {@code unknown} when {@code version} printed nothing we could read. */
  public String version() {
    return version;
  }

  /** {@code 3.4}, or empty when the version is unknown. */
  public Optional<String> minor() {
    return minorOf(version);
  }

  static Optional<String> minorOf(String version) {
    Matcher m = Pattern.compile("^v?(\\d+)\\.(\\d+)").matcher(version == null ? "" : version);
    return m.find() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
  }

  /**
   * True when {@code snapshot restore} takes {@code --bump-revision} and {@code --mark-compacted}.
   */
  public boolean supportsBumpRevision() {
    return bumpRevision;
  }

  /** What {@link #restore} ran and printed. */
  public record Run(List<String> arguments, int exitCode, String output) {}

  /**
   * Runs {@code snapshot restore}. {@code bumpRevision} 0 passes no bump flags; above 0 it passes
   * {@code --bump-revision N --mark-compacted}, which the caller checks are supported.
   */
  public Run restore(Path snapshot, RestoreSpec spec, Path dataDir, long bumpRevision) {
    List<String> args = new ArrayList<>(List.of("snapshot", "restore", snapshot.toString()));
    args.addAll(List.of("--data-dir", dataDir.toString()));
    args.addAll(List.of("--name", spec.name()));
    args.addAll(List.of("--initial-cluster", spec.initialCluster()));
    args.addAll(List.of("--initial-advertise-peer-urls", spec.initialAdvertisePeerUrls()));
    args.addAll(List.of("--initial-cluster-token", spec.initialClusterToken()));
    if (bumpRevision > 0) {
      args.addAll(List.of("--bump-revision", Long.toString(bumpRevision), "--mark-compacted"));
    }
    return run(executable, path, args);
  }

  static Run run(Path executable, String path, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PATH", path);
    env.put("ETCDCTL_API", "3");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ToolFailedException(String.join(" ", command) + " did not finish", null);
      }
      return new Run(
          List.copyOf(args), process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ToolFailedException("cannot run " + executable + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolFailedException("interrupted while running " + executable, e);
    }
  }

  /** The restore tool could not be run or failed (exit 1: nothing Lifeboat can classify). */
  public static final class ToolFailedException extends LifeboatException {
    ToolFailedException(String message, Throwable cause) {
      super(io.lifeboat.error.ExitCode.UNEXPECTED, message, cause);
    }
  }

  @Override
  public String toString() {
    return name() + " " + version + " (" + executable + ")";
  }
}
