package io.lifeboat.cli;

import static io.lifeboat.cli.EtcdRestoreCliIT.lifeboat;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.lifeboat.testing.Cli;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.Ports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifeboat etcd delta} and {@code lifeboat restore etcd --to-revision} as an operator runs
 * them, against a real etcd: the restored data dir serves the source's keys at that revision.
 */
class EtcdDeltaCliIT {
  static final Pattern RANGE = Pattern.compile("revisions (\\d+)\\.\\.(\\d+), (\\d+) events?");
  @TempDir Path dir;

  /**
   * A repository at {@code dir/repo} encrypted to a new age identity ({@code dir/identity.txt}),
   * and the environment the CLI runs with against {@code etcd}.
   */
  private List<String> initRepository(EtcdServer etcd) throws Exception {
    Path identity = dir.resolve("identity.txt");
    Cli.run(List.of(), List.of("age-keygen", "-o", identity.toString()));
    String recipient = Cli.run(List.of(), List.of("age-keygen", "-y", identity.toString())).strip();
    List<String> env =
        List.of(
            "LIFEBOAT_CLUSTER=prod",
            "LIFEBOAT_LOCATION=file://" + dir.resolve("repo"),
            "LIFEBOAT_AGE_RECIPIENTS=" + recipient,
            "LIFEBOAT_ETCD_ENDPOINTS=" + etcd.endpoint(),
            "PATH=" + EtcdRestoreCliIT.PATH);
    assertThat(lifeboat(env, "repo", "init").exitCode()).isZero();
    return env;
  }

  @Test
  void aDeltaThenARestoreToItsRevisionServesTheSourcesKeysThere() throws Exception {
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("source"))) {
      List<String> env = initRepository(etcd);
      Path identity = dir.resolve("identity.txt");
      etcd.fill("/registry/secrets/default/s-", 50, 64);
      assertThat(lifeboat(env, "etcd", "snapshot").exitCode()).isZero();
      etcd.fill("/registry/secrets/default/s-", 20, 32);
      etcd.etcdctl("del", "--prefix", "/registry/secrets/default/s-4");
      Cli.Result delta = lifeboat(env, "etcd", "delta");
      assertThat(delta.exitCode()).as(delta.output()).isZero();
      Matcher range = RANGE.matcher(delta.output());
      assertThat(range.find()).as(delta.output()).isTrue();
      long revision = Long.parseLong(range.group(2));
      Map<String, String> expected = keyValues(etcd.endpoint(), revision);
      etcd.fill("/registry/secrets/default/later-", 5, 32);

      int peer = Ports.free();
      Path data = dir.resolve("restored");
      Cli.Result restore =
          lifeboat(
              env,
              "restore",
              "etcd",
              "latest",
              "--identity=" + identity,
              "--to-revision",
              Long.toString(revision),
              "--data-dir",
              data.toString(),
              "--name",
              "test",
              "--initial-cluster",
              "test=http://127.0.0.1:" + peer,
              "--initial-advertise-peer-urls",
              "http://127.0.0.1:" + peer);
      assertThat(restore.exitCode()).as(restore.output()).isZero();
      assertThat(restore.output()).contains("at revision " + revision).contains("+ 1 delta,");
      try (EtcdServer restored = EtcdServer.start(data)) {
        assertThat(keyValues(restored.endpoint(), 0)).isEqualTo(expected);
      }

      Cli.Result beyond =
          lifeboat(
              env,
              "restore",
              "etcd",
              "latest",
              "--identity=" + identity,
              "--to-revision",
              Long.toString(revision + 1000),
              "--data-dir",
              dir.resolve("never").toString(),
              "--name",
              "test",
              "--initial-cluster",
              "test=http://127.0.0.1:" + peer,
              "--initial-advertise-peer-urls",
              "http://127.0.0.1:" + peer);
      assertThat(beyond.exitCode()).as(beyond.output()).isEqualTo(7);
      assertThat(beyond.output()).contains("revision " + (revision + 1000));
    }
  }

  @Test
  void toTimeRestoresTheNewestDeltaWrittenByThenAndRefusesBadTimesNamingTheFlag() throws Exception {
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("source"))) {
      List<String> env = initRepository(etcd);
      Path identity = dir.resolve("identity.txt");
      etcd.fill("/registry/secrets/default/s-", 30, 64);
      assertThat(lifeboat(env, "etcd", "snapshot").exitCode()).isZero();
      etcd.fill("/registry/secrets/default/s-", 10, 32);
      Cli.Result delta = lifeboat(env, "etcd", "delta");
      assertThat(delta.exitCode()).as(delta.output()).isZero();
      Matcher range = RANGE.matcher(delta.output());
      assertThat(range.find()).as(delta.output()).isTrue();
      Map<String, String> expected = keyValues(etcd.endpoint(), Long.parseLong(range.group(2)));
      String now = java.time.Instant.now().toString();
      etcd.fill("/registry/secrets/default/later-", 5, 32);

      Path data = dir.resolve("restored");
      Cli.Result restore = lifeboat(env, toTime(identity, data, "--to-time", now));
      assertThat(restore.exitCode()).as(restore.output()).isZero();
      assertThat(restore.output()).contains("as of " + now).contains("precision: one delta run");
      try (EtcdServer restored = EtcdServer.start(data)) {
        assertThat(keyValues(restored.endpoint(), 0)).isEqualTo(expected);
      }

      Cli.Result bad = lifeboat(env, toTime(identity, dir.resolve("n1"), "--to-time", "noon"));
      assertThat(bad.exitCode()).as(bad.output()).isEqualTo(2);
      assertThat(bad.output().strip())
          .contains("--to-time")
          .contains("'noon'")
          .doesNotContain("\n");
      Cli.Result both =
          lifeboat(
              env, toTime(identity, dir.resolve("n2"), "--to-time", now, "--to-revision", "5"));
      assertThat(both.exitCode()).as(both.output()).isEqualTo(2);
      assertThat(both.output()).contains("--to-time").contains("--to-revision");
      Cli.Result before =
          lifeboat(env, toTime(identity, dir.resolve("n3"), "--to-time", "2000-01-01T00:00:00Z"));
      assertThat(before.exitCode()).as(before.output()).isEqualTo(7);
      assertThat(before.output()).contains("earliest restorable time");
    }
  }

  static String[] toTime(Path identity, Path data, String... target) {
    int peer = Ports.free();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "restore",
                "etcd",
                "latest",
                "--identity=" + identity,
                "--data-dir",
                data.toString(),
                "--name",
                "test",
                "--initial-cluster",
                "test=http://127.0.0.1:" + peer,
                "--initial-advertise-peer-urls",
                "http://127.0.0.1:" + peer));
    args.addAll(List.of(target));
    return args.toArray(String[]::new);
  }

  static Map<String, String> keyValues(java.net.URI endpoint, long revision) {
    try (Client client = Client.builder().endpoints(endpoint).build()) {
      ByteSequence all = ByteSequence.from(new byte[] {0});
      GetOption.Builder option = GetOption.builder().withRange(all);
      if (revision > 0) {
        option.withRevision(revision);
      }
      Map<String, String> values = new TreeMap<>();
      client
          .getKVClient()
          .get(all, option.build())
          .join()
          .getKvs()
          .forEach(
              kv ->
                  values.put(
                      kv.getKey().toString(StandardCharsets.UTF_8),
                      kv.getValue().toString(StandardCharsets.ISO_8859_1)));
      return values;
    }
  }
}
