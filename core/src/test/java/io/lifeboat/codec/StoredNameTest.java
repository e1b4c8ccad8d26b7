package io.lifeboat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoredNameTest {
  @Test
  void theSuffixesNameTheToolsThatReadThePayloadBack() {
    assertThat(StoredName.of("snapshot.db", false)).isEqualTo("snapshot.db.zst");
    assertThat(StoredName.of("snapshot.db", true)).isEqualTo("snapshot.db.zst.age");
    assertThat(Encoding.of(AgeRecipients.none()).storedName("resources.tar"))
        .isEqualTo("resources.tar.zst");
    assertThat(Encoding.of(AgeRecipients.of(List.of(AgeRecipientsTest.FIRST))).suffix())
        .isEqualTo(".zst.age");
  }

  @Test
  void aStoredNameGivesBackItsPayloadNameAndWhetherItIsEncrypted() {
    assertThat(StoredName.payloadOf("data/etcd/c1/x/snapshot.db.zst.age"))
        .isEqualTo("data/etcd/c1/x/snapshot.db");
    assertThat(StoredName.isEncrypted("snapshot.db.zst.age")).isTrue();
    assertThat(StoredName.isEncrypted("snapshot.db.zst")).isFalse();
    assertThatThrownBy(() -> StoredName.payloadOf("snapshot.db"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredName.of("a/b", false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
