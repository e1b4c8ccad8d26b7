package io.lifeboat.jobs.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged prune job: what it says, and the exit code, on the run path the functions share. */
class PruneJobIT {
  @TempDir static Path dir;
  static Path repo;

  @BeforeAll
  static void initRepository() {
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
  }

  static Map<String, String> env(String location) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", location);
    env.put("LIFEBOAT_PRUNE_KINDS", "etcd");
    return env;
  }

  @Test
  void aRepositoryWithNothingToPruneExitsZeroAfterNamingTheKindsAndTheLocation() {
    var result = JobProcess.run(env("file://" + repo));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("prune starting: kinds [etcd], location file://" + repo);
    assertThat(result.output()).doesNotContain("lifeboat: ");
  }

  @Test
  void aLocationThatDoesNotExistExitsFiveInOneLineNamingIt() {
    var result = JobProcess.run(env("file://" + dir.resolve("not-a-repository")));

    String error =
        result.output().lines().filter(l -> l.startsWith("lifeboat: ")).findFirst().orElse("");
    assertThat(result.exitCode()).as(result.output()).isEqualTo(5);
    assertThat(error).as(result.output()).contains("not-a-repository");
    assertThat(result.output()).doesNotContain("\tat ");
  }
}
