package io.lifeboat.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountTest {
  @ParameterizedTest(name = "{0} {1} reads ''{2}''")
  @CsvSource({
    "0, backup, 0 backups",
    "1, backup, 1 backup",
    "2, backup, 2 backups",
    "1, entry, 1 entry",
    "3, entry, 3 entries",
    "2, key, 2 keys",
    "1, PVC, 1 PVC",
    "4, PVC, 4 PVCs",
    "2, data folder, 2 data folders",
    "2, class, 2 classes",
    "1, namespace, 1 namespace",
    "7, namespace, 7 namespaces"
  })
  void aCountTakesItsNounInTheRightNumber(long n, String noun, String expected) {
    assertThat(Count.of(n, noun)).isEqualTo(expected);
  }
}
