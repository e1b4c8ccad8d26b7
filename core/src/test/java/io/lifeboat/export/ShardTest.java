package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

  @ParameterizedTest(name = "''{0}'' is refused, naming the flag and the value")
  @ValueSource(strings = {"3/2", "2/2", "-1/4", "a/b", "0/0", "1", "1/", "/4", " "})
  void aBadSpecIsAOneLineErrorNamingWhereItCameFrom(String spec) {
    assertThatThrownBy(() -> Shard.parse(spec, "--shard"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("--shard '" + spec + "': ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void theIndexIsZeroBasedAndBelowTheCount() {
    assertThat(Shard.parse("2/8", "--shard")).isEqualTo(new Shard(2, 8));
    assertThat(Shard.parse("0/1", "--shard")).isEqualTo(Shard.ALL);
    assertThatThrownBy(() -> Shard.parse("8/8", "--shard"))
        .hasMessage("--shard '8/8': the index is 0-based and must be below the count (0..7)");
  }

  /** Golden values: SHA-256 of the name, first 8 bytes big-endian, unsigned, mod N. */
  @ParameterizedTest(name = "{0} falls in shard {1} of 8 and {2} of 3")
  @CsvSource({"payments, 0, 0", "shop, 5, 1", "kube-system, 1, 1", "team-a, 4, 0"})
  void aNamespaceFallsInTheShardOfItsSha256ReadUnsigned(String namespace, int of8, int of3) {
    assertThat(IntStream.range(0, 8).filter(i -> new Shard(i, 8).owns(namespace)))
        .containsExactly(of8);
    assertThat(IntStream.range(0, 3).filter(i -> new Shard(i, 3).owns(namespace)))
        .containsExactly(of3);
  }

  @Test
  void everyNamespaceFallsInExactlyOneShardAndTheShardsAreEven() {
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int n = 0; n < 2000; n++) {
      String namespace = "team-" + n;
      var owners = IntStream.range(0, 4).filter(i -> new Shard(i, 4).owns(namespace)).toArray();
      assertThat(owners).hasSize(1);
      sizes.merge(owners[0], 1, Integer::sum);
    }
    assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(430, 570));
  }

  @Test
  void theWholeSetOwnsEveryNamespace() {
    assertThat(Shard.ALL.owns("anything")).isTrue();
    assertThat(Shard.ALL.sharded()).isFalse();
    assertThat(new Shard(1, 2)).hasToString("1/2");
  }
}
