package io.lifeboat.codec;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import io.lifeboat.error.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Secret age X25519 identities ({@code AGE-SECRET-KEY-1...}), loaded from files as {@code
 * age-keygen} writes them: one identity a line, blank lines and {@code #} comments ignored.
 *
 * <p>Only restores, verification and prune hold identities; backup runs never do. No message, log
 * line or {@link #toString()} of this class contains key material: a bad line is named by its file
 * and line number only.
 */
public final class AgeIdentities {
  /** The config list of identity files. */
  public static final String FILES_PROPERTY = "lifeboat.age.identity-file";

  private static final String SECRET_KEY_PREFIX = "AGE-SECRET-KEY-1";

  private final String source;
  private final List<RecipientStanzaReader> readers;

  private AgeIdentities(String source, List<RecipientStanzaReader> readers) {
    this.source = source;
    this.readers = List.copyOf(readers);
  }

  /** Loads one identity file. */
  public static AgeIdentities fromFile(Path file) {
    return fromFiles(List.of(file));
  }

  /** Loads every identity of the given files; at least one file and one identity are required. */
  public static AgeIdentities fromFiles(List<Path> files) {
    if (files.isEmpty()) {
      throw new InvalidConfigurationException(FILES_PROPERTY + " must name at least one file");
    }
    List<RecipientStanzaReader> readers = new ArrayList<>();
    for (Path file : files) {
      readers.addAll(read(file));
    }
    String source = files.stream().map(Path::toString).collect(Collectors.joining(", "));
    return new AgeIdentities(source, readers);
  }

  /** Where the identities came from (file paths): safe to print. */
  public String source() {
    return source;
  }

  /** How many identities were loaded. */
  public int size() {
    return readers.size();
  }

  List<RecipientStanzaReader> stanzaReaders() {
    return readers;
  }

  private static List<RecipientStanzaReader> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The exception names the file and the reason; it cannot contain the file's content.
      throw new InvalidConfigurationException(
          FILES_PROPERTY + ": cannot read age identity file " + file + ": " + e, e);
    }
    List<RecipientStanzaReader> readers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        readers.add(reader(line, file, i + 1));
      }
    }
    if (readers.isEmpty()) {
      throw new InvalidConfigurationException(
          FILES_PROPERTY + ": age identity file " + file + " contains no AGE-SECRET-KEY-1 line");
    }
    return readers;
  }

  private static RecipientStanzaReader reader(String line, Path file, int number) {
    String problem =
        FILES_PROPERTY
            + ": line "
            + number
            + " of age identity file "
            + file
            + " is not an age X25519 identity (AGE-SECRET-KEY-1...)";
    if (!line.startsWith(SECRET_KEY_PREFIX)) {
      throw new InvalidConfigurationException(problem);
    }
    try {
      return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(line);
    } catch (GeneralSecurityException | RuntimeException e) {
      // No cause attached: a library message about a key may quote the key.
      throw new InvalidConfigurationException(problem);
    }
  }

  @Override
  public String toString() {
    return "AgeIdentities[" + readers.size() + " from " + source + "]";
  }
}
