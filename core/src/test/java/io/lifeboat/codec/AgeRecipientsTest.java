package io.lifeboat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgeRecipientsTest {
  // Public keys printed by age-keygen; their secret halves were thrown away.
  static final String FIRST = "age1c74ane2htwzeazax96lpnltgsyf9e3lmlkh5c6zsyhhe4a727dqqcypafm";
  static final String SECOND = "age1gzkqkp6p9gwlrg7vflnax9eu4eh6mesttxaugzfcyjlx6nunyems7hz92n";

  @TempDir Path dir;

  @Test
  void fingerprintsAreTheFirst16HexDigitsOfTheSha256OfTheRecipient() {
    // Expected values computed with: printf %s age1... | sha256sum | cut -c1-16
    assertThat(AgeRecipients.fingerprint(FIRST)).isEqualTo("sha256:d0270bd85f7cce63");
    assertThat(AgeRecipients.fingerprint(SECOND)).isEqualTo("sha256:9327cfefb6257c7a");
  }

  @Test
  void recipientsAreSortedDeduplicatedAndCanonical() {
    AgeRecipients recipients =
        AgeRecipients.of(List.of(SECOND, " " + FIRST + " ", FIRST.toUpperCase()));

    assertThat(recipients.recipients()).containsExactly(FIRST, SECOND);
    assertThat(recipients.fingerprints())
        .containsExactly("sha256:9327cfefb6257c7a", "sha256:d0270bd85f7cce63");
    assertThat(recipients).isEqualTo(AgeRecipients.of(List.of(FIRST, SECOND)));
  }

  @Test
  void aBadListElementIsNamedByItsIndexAndQuotedByItsFirstCharactersOnly() {
    String broken = FIRST.substring(0, FIRST.length() - 1) + "x";

    assertThatThrownBy(() -> AgeRecipients.of(List.of(FIRST, broken)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "lifeboat.age.recipients[1] is not an age X25519 recipient: '"
                + broken.substring(0, 12)
                + "...'");
  }

  @ParameterizedTest(name = "rejects ''{0}''")
  @ValueSource(
      strings = {
        "",
        "age1",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI",
        "age1C74ane2htwzeazax96lpnltgsyf9e3lmlkh5c6zsyhhe4a727dqqcypafm",
        "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"
      })
  void rejectsWhatIsNotAnX25519Recipient(String value) {
    assertThatThrownBy(() -> AgeRecipients.of(List.of(value)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("lifeboat.age.recipients[0] is not an age X25519 recipient")
        .message()
        .doesNotContain("QQQQQQQQQQQQ");
  }

  @Test
  void aRecipientsFileIgnoresCommentsAndBlankLinesLikeAgeMinusCapitalR() throws IOException {
    Path file = dir.resolve("recipients.txt");
    Files.writeString(file, "# ops team\n\n" + FIRST + "\n   \n  # backup key\n" + SECOND + "\n");

    assertThat(AgeRecipients.fromFile(file).recipients()).containsExactly(FIRST, SECOND);
  }

  @Test
  void aBadLineOfARecipientsFileIsNamedByFileAndLineNumber() throws IOException {
    Path file = dir.resolve("recipients.txt");
    Files.writeString(file, "# ops team\n" + FIRST + "\nage1notarecipientatall\n");

    assertThatThrownBy(() -> AgeRecipients.fromFile(file))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "lifeboat.age.recipients-file "
                + file
                + " line 3 is not an age X25519 recipient: 'age1notareci...'");
  }

  @Test
  void anUnreadableRecipientsFileIsNamed() {
    Path missing = dir.resolve("missing.txt");

    assertThatThrownBy(() -> AgeRecipients.fromFile(missing))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.age.recipients-file")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void configMergesTheListAndTheFile() throws IOException {
    Path file = dir.resolve("recipients.txt");
    Files.writeString(file, SECOND + "\n" + FIRST + "\n");

    AgeRecipients merged = AgeRecipients.fromConfig(List.of(FIRST), Optional.of(file));

    assertThat(merged.recipients()).containsExactly(FIRST, SECOND);
    assertThat(AgeRecipients.fromConfig(List.of(), Optional.empty()).isEmpty()).isTrue();
  }
}
