package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.testing.Cli;
import io.lifeboat.testing.EtcdServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code lifeboat} CLI run as a process, as an operator runs it: snapshot a real etcd
 * 3.4.23, then {@code etcd download}, {@code etcd restore} and {@code verify}, and their exit
 * codes.
 */
class EtcdRestoreCliIT {
  static final String PATH = "/usr/bin:/bin";

  @TempDir static Path dir;
  @TempDir Path work;
  static EtcdServer etcd;
  static Path identity;
  static List<String> env;

  @BeforeAll
  static void snapshotARealEtcdThroughTheCli() {
    etcd = EtcdServer.start(dir.resolve("source"));
    etcd.fill("/registry/secrets/default/s-", 200, 256);
    identity = dir.resolve("identity.txt");
    Cli.run(List.of(), List.of("age-keygen", "-o", identity.toString()));
    String recipient = Cli.run(List.of(), List.of("age-keygen", "-y", identity.toString())).strip();
    env =
        List.of(
            "LIFEBOAT_CLUSTER=prod",
            "LIFEBOAT_LOCATION=file://" + dir.resolve("repo"),
            "LIFEBOAT_AGE_RECIPIENTS=" + recipient,
            "LIFEBOAT_ETCD_ENDPOINTS=" + etcd.endpoint(),
            "PATH=" + PATH);
    assertThat(lifeboat(env, "repo", "init").exitCode()).isZero();
    Cli.Result snapshot = lifeboat(env, "etcd", "snapshot");
    assertThat(snapshot.exitCode()).as(snapshot.output()).isZero();
    // Not a terminal: no progress line, only the summary.
    assertThat(snapshot.output()).doesNotContain("\r").contains("etcd snapshot prod/");
    Cli.Result prune = lifeboat(env, "prune", "--kind", "etcd");
    assertThat(prune.exitCode()).as(prune.output()).isZero();
    assertThat(prune.output())
        .doesNotContain("\r")
        .contains("1 backup: 1 kept, 0 removed")
        .contains("0 backups removed, 0 objects deleted");
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  @Test
  void downloadWritesTheSnapshotEtcdctlReads() throws IOException {
    Path out = work.resolve("snapshot.db");
    Cli.Result result =
        lifeboat(env, "backups", "download", "latest", "--output-file", out.toString(), identity());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(
            Cli.run(
                List.of("ETCDCTL_API=3"),
                List.of("etcdctl", "snapshot", "status", out.toString(), "-w", "json")))
        .contains("\"totalKey\"");
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String sha256sum = Cli.run(List.of(), List.of("sha256sum", out.toString())).split(" ")[0];
    assertThat(result.output())
        .contains("sha256 (file, as sha256sum prints it): " + sha256sum)
        .contains("etcd integrity hash (sha256 of all but the last 32 bytes): ")
        .doesNotContain("integrity hash (sha256 of all but the last 32 bytes): " + sha256sum);
  }

  @Test
  void everyFileInTheFileRepositoryIsOwnerOnly() throws IOException {
    try (Stream<Path> all = Files.walk(dir.resolve("repo"))) {
      all.forEach(
          p -> {
            try {
              assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                  .as(p.toString())
                  .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
  }

  @Test
  void restoreWithAStubEtcdutlPassesTheBumpFlagsAndTheRealEtcdctlWarns() throws IOException {
    Path record = work.resolve("args.txt");
    Path bin = stubEtcdutl(record);
    List<String> stubbed = new ArrayList<>(env);
    stubbed.set(stubbed.size() - 1, "PATH=" + bin + ":" + PATH);
    Cli.Result stub = lifeboat(stubbed, restore(work.resolve("stub-data")));
    assertThat(stub.exitCode()).as(stub.output()).isZero();
    assertThat(Files.readString(record)).contains("--bump-revision 1000000000 --mark-compacted");

    Cli.Result real = lifeboat(env, restore(work.resolve("real-data")));
    assertThat(real.exitCode()).as(real.output()).isZero();
    assertThat(real.output()).contains("3.5.10+").contains("revision not bumped");
    assertThat(work.resolve("real-data/member/snap/db")).exists();
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("real-data"))))
        .isEqualTo("rwx------");
  }

  @Test
  void verifyPassesOnAGoodBackupAndFailsWithSixOnAFlippedByteAsRestoreDoes() throws IOException {
    Cli.Result good = lifeboat(env, "backups", "verify", "latest", identity());
    assertThat(good.exitCode()).as(good.output()).isZero();
    assertThat(good.output()).contains("hashkv").contains("200 keys");

    Path damagedRepo = copy(dir.resolve("repo"), work.resolve("damaged"));
    Path object;
    try (Stream<Path> files = Files.walk(damagedRepo.resolve("data"))) {
      object = files.filter(p -> p.toString().endsWith(".zst.age")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(object);
    bytes[bytes.length - 40] ^= 0x10;
    Files.write(object, bytes);
    List<String> damaged = new ArrayList<>(env);
    damaged.set(1, "LIFEBOAT_LOCATION=file://" + damagedRepo);
    assertThat(lifeboat(damaged, "backups", "verify", "latest", identity()).exitCode())
        .isEqualTo(6);
    Path dataDir = work.resolve("never");
    assertThat(lifeboat(damaged, restore(dataDir)).exitCode()).isEqualTo(6);
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void aWrongIdentityExitsTwoNamingItAndAnUnknownIdExitsSeven() {
    Path other = work.resolve("other.txt");
    Cli.run(List.of(), List.of("age-keygen", "-o", other.toString()));
    Cli.Result wrong = lifeboat(env, "backups", "verify", "latest", "--identity", other.toString());
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.output()).contains(other.toString());
    assertThat(lifeboat(env, "backups", "verify", "20200101T000000Z-0000", identity()).exitCode())
        .isEqualTo(7);
  }

  static String identity() {
    return "--identity=" + identity;
  }

  static String[] restore(Path dataDir) {
    return new String[] {
      "restore",
      "etcd",
      "latest",
      identity(),
      "--data-dir",
      dataDir.toString(),
      "--name",
      "m1",
      "--initial-cluster",
      "m1=http://127.0.0.1:2380",
      "--initial-advertise-peer-urls",
      "http://127.0.0.1:2380"
    };
  }

  static Cli.Result lifeboat(List<String> environment, String... args) {
    List<String> command = new ArrayList<>();
    if (CliProcess.EXECUTABLE.isEmpty()) {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(CliProcess.JAR.toString());
    } else {
      command.add(CliProcess.EXECUTABLE);
    }
    command.addAll(List.of(args));
    return Cli.exec(environment, command, null);
  }

  Path stubEtcdutl(Path record) throws IOException {
    Path bin = Files.createDirectories(work.resolve("stub-bin"));
    Path script = bin.resolve("etcdutl");
    Files.writeString(
        script,
        String.join(
            "\n",
            "#!/bin/sh",
            "if [ \"$1\" = version ]; then echo 'etcdutl version: 3.4.99'; exit 0; fi",
            "if [ \"$3\" = --help ]; then echo '--bump-revision uint --mark-compacted'; exit 0; fi",
            "echo \"$@\" >> '" + record + "'",
            "while [ $# -gt 0 ]; do",
            "  if [ \"$1\" = --data-dir ]; then mkdir -p \"$2/member\"; fi",
            "  shift",
            "done",
            ""),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
