package io.lifeboat.cli;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Scope;

/**
 * Parses a value the user typed and, when it is wrong, says so naming the flag or argument, the
 * value and what would be valid, instead of the value type's own wording.
 */
final class Flags {
  private Flags() {}

  static Kind kind(String flag, String text) {
    try {
      return Kind.parse(text.strip());
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException(
          flag + " '" + text + "': the kind is etcd, namespace or volumes");
    }
  }

  static Scope scope(String flag, String text) {
    try {
      return Scope.parse(text.strip());
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException(
          flag
              + " '"
              + text
              + "': a scope is <cluster> or <cluster>/<namespace>, lower-case DNS labels (prod,"
              + " prod/payments)");
    }
  }

  static BackupId backupId(String text) {
    try {
      return BackupId.parse(text.strip());
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException(
          "BACKUP '"
              + text
              + "': a backup is 'latest' or an id such as 20261125T181500Z-3f9a (see lifeboat"
              + " backups list)");
    }
  }

  /** A backup argument as the use-cases take it: 'latest' or a checked id. */
  static String backup(String text) {
    return "latest".equals(text) ? text : backupId(text).toString();
  }
}
