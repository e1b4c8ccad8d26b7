package io.lifeboat.codec;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import io.lifeboat.error.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The age X25519 recipients ({@code age1...}) a backup is encrypted to: a sorted set of canonical
 * (lower-case) recipient strings. Empty means "do not encrypt". Recipients are public keys, so
 * quoting them is safe; messages still print only the first characters of a bad value, because a
 * secret key pasted into the wrong field must not end up in a log.
 */
public final class AgeRecipients {
  /** The config list of recipients; elements are named {@code lifeboat.age.recipients[i]}. */
  public static final String PROPERTY = "lifeboat.age.recipients";

  /** The config path of a recipients file, one recipient a line, as {@code age -R} reads. */
  public static final String FILE_PROPERTY = "lifeboat.age.recipients-file";

  private static final int QUOTED_CHARS = 12;

  private final SortedSet<String> recipients;

  private AgeRecipients(SortedSet<String> recipients) {
    this.recipients = Collections.unmodifiableSortedSet(recipients);
  }

  /** No recipients: payloads are compressed but not encrypted. */
  public static AgeRecipients none() {
    return new AgeRecipients(new TreeSet<>());
  }

  /** The recipients of the config list and, when present, of the recipients file, merged. */
  public static AgeRecipients fromConfig(List<String> values, Optional<Path> file) {
    SortedSet<String> all = new TreeSet<>(of(values).recipients);
    file.ifPresent(path -> all.addAll(fromFile(path).recipients));
    return new AgeRecipients(all);
  }

  /** Parses a config list; a bad element is named {@code lifeboat.age.recipients[i]}. */
  public static AgeRecipients of(List<String> values) {
    SortedSet<String> all = new TreeSet<>();
    for (int i = 0; i < values.size(); i++) {
      all.add(canonical(values.get(i), PROPERTY + "[" + i + "]"));
    }
    return new AgeRecipients(all);
  }

  /** Parses a recipients file: one recipient a line, blank lines and {@code #} comments ignored. */
  public static AgeRecipients fromFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          FILE_PROPERTY + ": cannot read age recipients file " + file + ": " + e, e);
    }
    SortedSet<String> all = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        all.add(canonical(line, FILE_PROPERTY + " " + file + " line " + (i + 1)));
      }
    }
    return new AgeRecipients(all);
  }

  /** The canonical recipient strings, sorted, without duplicates. */
  public SortedSet<String> recipients() {
    return recipients;
  }

  public boolean isEmpty() {
    return recipients.isEmpty();
  }

  /** The fingerprints of all recipients, sorted: what the repository descriptor records. */
  public SortedSet<String> fingerprints() {
    SortedSet<String> fingerprints = new TreeSet<>();
    recipients.forEach(recipient -> fingerprints.add(fingerprint(recipient)));
    return Collections.unmodifiableSortedSet(fingerprints);
  }

  /**
   * {@code "sha256:"} and the first 16 hex digits of the SHA-256 of the canonical recipient: short
   * enough to read, long enough that two configured keys never collide by accident.
   */
  public static String fingerprint(String recipient) {
    String canonical = canonical(recipient, "recipient");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fresh stanza writers; each encryption draws new ephemeral keys from them. */
  List<RecipientStanzaWriter> stanzaWriters() throws GeneralSecurityException {
    List<RecipientStanzaWriter> writers = new ArrayList<>();
    for (String recipient : recipients) {
      writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient));
    }
    return writers;
  }

  private static String canonical(String value, String field) {
    String text = value == null ? "" : value.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    // Bech32 is case-insensitive but forbids mixed case; age prints recipients in lower case.
    boolean singleCase = text.equals(lower) || text.equals(text.toUpperCase(Locale.ROOT));
    if (!singleCase || !lower.startsWith("age1") || !acceptedByJagged(lower)) {
      throw new InvalidConfigurationException(
          field + " is not an age X25519 recipient: '" + quote(text) + "'");
    }
    return lower;
  }

  private static boolean acceptedByJagged(String recipient) {
    try {
      X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static String quote(String text) {
    return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "...";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgeRecipients that && recipients.equals(that.recipients);
  }

  @Override
  public int hashCode() {
    return recipients.hashCode();
  }

  @Override
  public String toString() {
    return "AgeRecipients" + fingerprints();
  }
}
