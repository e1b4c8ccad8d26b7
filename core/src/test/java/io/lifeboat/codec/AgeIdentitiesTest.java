package io.lifeboat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgeIdentitiesTest {
  @TempDir Path dir;

  @Test
  void loadsIdentityFilesAsAgeKeygenWritesThem() throws Exception {
    Path first = Cli.keygen(dir, "first.txt");
    Path second = Cli.keygen(dir, "second.txt");

    AgeIdentities identities = AgeIdentities.fromFiles(List.of(first, second));

    assertThat(Files.readString(first)).startsWith("# created: ");
    assertThat(identities.size()).isEqualTo(2);
    assertThat(identities.source()).isEqualTo(first + ", " + second);
  }

  @Test
  void aDamagedKeyIsNamedByFileAndLineWithoutQuotingIt() throws Exception {
    Path key = Cli.keygen(dir, "key.txt");
    List<String> lines = Files.readAllLines(key);
    String secret = lines.get(2);
    String damaged = secret.substring(0, secret.length() - 2) + "QQ";
    Path file = dir.resolve("damaged.txt");
    Files.write(file, List.of(lines.get(0), lines.get(1), damaged));

    assertThatThrownBy(() -> AgeIdentities.fromFile(file))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "lifeboat.age.identity-file: line 3 of age identity file "
                + file
                + " is not an age X25519 identity (AGE-SECRET-KEY-1...)")
        .hasNoCause();
  }

  @Test
  void anythingButAnIdentityLineIsRefusedWithoutQuotingIt() throws Exception {
    Path file = dir.resolve("wrong.txt");
    Files.writeString(file, "# a recipient is not an identity\nage1c74ane2htwzeazax96lpnl\n");

    assertThatThrownBy(() -> AgeIdentities.fromFile(file))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("line 2 of age identity file " + file)
        .message()
        .doesNotContain("age1c74");
  }

  @Test
  void aFileWithoutIdentitiesOrUnreadableIsNamed() throws Exception {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing here\n\n");
    Path missing = dir.resolve("missing.txt");

    assertThatThrownBy(() -> AgeIdentities.fromFile(empty))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(empty + " contains no AGE-SECRET-KEY-1 line");
    assertThatThrownBy(() -> AgeIdentities.fromFile(missing))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void toStringNamesOnlyTheSource() throws Exception {
    Path key = Cli.keygen(dir, "key.txt");

    assertThat(AgeIdentities.fromFile(key).toString())
        .isEqualTo("AgeIdentities[1 from " + key + "]")
        .doesNotContain("AGE-SECRET-KEY");
  }
}
