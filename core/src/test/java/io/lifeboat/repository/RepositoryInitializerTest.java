package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.Condition;
import io.lifeboat.testing.InMemoryObjectStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepositoryInitializerTest {

  /** A store that accepts every write whatever its condition, as some S3 clones do. */
  static final class IgnoresConditions extends InMemoryObjectStore {
    @Override
    public synchronized Optional<String> put(String key, byte[] content, Condition condition) {
      return super.put(key, content, Condition.none());
    }
  }

  @Test
  void aStoreThatIgnoresIfNoneMatchIsRefusedNamingTheCapability() {
    var store = new IgnoresConditions();
    assertThatThrownBy(() -> new RepositoryInitializer(store, Clock.systemUTC()).init(Set.of()))
        .isInstanceOf(LocationUnavailableException.class)
        .hasMessageContaining("If-None-Match");
    assertThat(store.keys()).as("nothing is left behind").isEmpty();
  }

  @Test
  void initCreatesTheDescriptorWithTheRecipientsFingerprints() {
    var store = new InMemoryObjectStore();
    var outcome =
        new RepositoryInitializer(store, Clock.systemUTC()).init(Set.of("sha256:b", "sha256:a"));
    assertThat(outcome.created()).isTrue();
    assertThat(store.keys()).containsExactly("lifeboat.json");
    Descriptor descriptor = new Repository(store, Clock.systemUTC()).descriptor();
    assertThat(descriptor.recipients()).containsExactly("sha256:a", "sha256:b");
    assertThat(descriptor.conditionalWrites()).isTrue();
  }

  @Test
  void aLocationWithoutDescriptorIsNotARepository() {
    var repository = new Repository(new InMemoryObjectStore(), Clock.systemUTC());
    assertThatThrownBy(repository::descriptor)
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.LOCATION_UNAVAILABLE))
        .hasMessageContaining("lifeboat repo init");
  }
}
