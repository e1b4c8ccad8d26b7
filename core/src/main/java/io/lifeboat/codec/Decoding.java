package io.lifeboat.codec;

import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.github.luben.zstd.ZstdInputStream;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * How payloads are read back: age decryption with the configured identities (when the stored name
 * ends in {@code .age}), then zstd decompression. Corrupt or truncated bytes surface as {@link
 * IntegrityException}; an identity that opens none of the recipients as {@link
 * InvalidConfigurationException} naming the identity files; failures of the source stream itself
 * stay {@link IOException}s.
 */
public final class Decoding {
  private final Optional<AgeIdentities> identities;

  private Decoding(Optional<AgeIdentities> identities) {
    this.identities = identities;
  }

  /** Decodes compressed and encrypted payloads. */
  public static Decoding with(AgeIdentities identities) {
    return new Decoding(Optional.of(identities));
  }

  /** Decodes compressed payloads; encrypted ones are refused as a configuration error. */
  public static Decoding withoutIdentities() {
    return new Decoding(Optional.empty());
  }

  /**
   * A stream of the payload stored in {@code stored}, decoded as it is read.
   *
   * <p>Ownership: closing the returned stream closes {@code stored}.
   *
   * @param storedName the object's name or key; its suffix says how it was encoded, and it names
   *     the object in error messages
   */
  public InputStream decode(InputStream stored, String storedName) throws IOException {
    if (!StoredName.isEncoded(storedName)) {
      throw new IllegalArgumentException(
          "'" + storedName + "' is not an encoded payload (no .zst or .zst.age suffix)");
    }
    SourceInputStream source = new SourceInputStream(stored);
    InputStream compressed = source;
    if (StoredName.isEncrypted(storedName)) {
      compressed = Channels.newInputStream(decrypting(source, storedName));
    }
    try {
      return new IntegrityCheckedInputStream(new ZstdInputStream(compressed), storedName);
    } catch (IOException e) {
      compressed.close();
      throw IntegrityCheckedInputStream.translate(e, storedName);
    }
  }

  private ReadableByteChannel decrypting(SourceInputStream source, String storedName)
      throws IOException {
    AgeIdentities keys =
        identities.orElseThrow(
            () ->
                new InvalidConfigurationException(
                    "'"
                        + storedName
                        + "' is age-encrypted but no age identity is configured ("
                        + AgeIdentities.FILES_PROPERTY
                        + ")"));
    try {
      return new StandardDecryptingChannelFactory()
          .newDecryptingChannel(Channels.newChannel(source), keys.stanzaReaders());
    } catch (UnsupportedRecipientStanzaException e) {
      // jagged tried every identity on every X25519 stanza and none unwrapped the file key. A
      // damaged stanza looks the same; age itself cannot tell the two apart either.
      source.close();
      throw new InvalidConfigurationException(
          "age identity in "
              + keys.source()
              + " does not match any recipient of this backup ('"
              + storedName
              + "')");
    } catch (GeneralSecurityException e) {
      source.close();
      throw new IntegrityException(
          "'" + storedName + "' does not start with a valid age header: " + e.getMessage(), e);
    } catch (IOException e) {
      source.close();
      throw IntegrityCheckedInputStream.translate(e, storedName);
    }
  }
}
