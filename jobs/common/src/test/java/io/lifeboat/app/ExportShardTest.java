package io.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.export.Shard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a run's shard comes from: lifeboat.export.shard, else the Indexed Job's index. */
class ExportShardTest {

  static ExportConfig config(String shard, int shards) {
    return new ExportConfig() {
      public List<String> namespaces() {
        return List.of("*");
      }

      public Optional<List<String>> excludeNamespaces() {
        return Optional.empty();
      }

      public Optional<List<String>> resources() {
        return Optional.empty();
      }

      public Optional<List<String>> excludeResources() {
        return Optional.empty();
      }

      public Optional<String> labelSelectors() {
        return Optional.empty();
      }

      public boolean includeClusterResources() {
        return true;
      }

      public int pageSize() {
        return 500;
      }

      public Optional<String> shard() {
        return Optional.ofNullable(shard);
      }

      public int shards() {
        return shards;
      }
    };
  }

  static Shard shard(String spec, int shards, Map<String, String> env) {
    return ExportTasks.shard(config(spec, shards), env::get);
  }

  @Test
  void anIndexedJobPodExportsTheShardOfItsCompletionIndex() {
    assertThat(shard(null, 8, Map.of("JOB_COMPLETION_INDEX", "2"))).isEqualTo(new Shard(2, 8));
  }

  @Test
  void anExplicitShardWinsOverTheIndex() {
    assertThat(shard("1/4", 8, Map.of("JOB_COMPLETION_INDEX", "2"))).isEqualTo(new Shard(1, 4));
  }

  @Test
  void withoutEitherTheRunExportsEverything() {
    assertThat(shard(null, 1, Map.of())).isEqualTo(Shard.ALL);
  }

  @ParameterizedTest(name = "lifeboat.export.shard ''{0}'' is refused, naming the property")
  @ValueSource(strings = {"3/2", "-1/4", "a/b", "0/0"})
  void aBadShardIsRefusedNamingTheProperty(String spec) {
    assertThatThrownBy(() -> shard(spec, 1, Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("lifeboat.export.shard '" + spec + "': ");
  }

  @Test
  void anIndexAtOrPastTheShardCountIsRefusedNamingBoth() {
    assertThatThrownBy(() -> shard(null, 4, Map.of("JOB_COMPLETION_INDEX", "4")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "JOB_COMPLETION_INDEX with lifeboat.export.shards '4/4': the index is 0-based and"
                + " must be below the count (0..3)");
  }

  @Test
  void severalShardsWithoutAnIndexIsRefused() {
    assertThatThrownBy(() -> shard(null, 4, Map.of()))
        .hasMessageStartingWith("lifeboat.export.shards 4 needs JOB_COMPLETION_INDEX");
  }
}
