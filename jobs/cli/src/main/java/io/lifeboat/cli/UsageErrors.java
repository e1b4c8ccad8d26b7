package io.lifeboat.cli;

import io.lifeboat.error.ExitCode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not parse, as one line naming what the user typed, and exit 2.
 * Commands that moved when the grammar became {@code noun verb BACKUP} (docs/cli.md) are answered
 * with their new spelling instead of "unmatched argument".
 */
final class UsageErrors {
  static final Map<String, String> MOVED =
      Map.of(
          "lifeboat etcd download", "lifeboat backups download BACKUP --output-file FILE",
          "lifeboat etcd restore", "lifeboat restore etcd BACKUP --data-dir DIR ...",
          "lifeboat namespace restore", "lifeboat restore namespace BACKUP --namespace NS",
          "lifeboat volumes restore", "lifeboat restore volumes BACKUP --namespace NS",
          "lifeboat verify", "lifeboat backups verify BACKUP");

  private UsageErrors() {}

  static int report(ParameterException failure, String[] args) {
    String command = failure.getCommandLine().getCommandSpec().qualifiedName();
    boolean oldBackupFlag = List.of(args).stream().anyMatch(a -> a.startsWith("--backup"));
    System.err.println(
        "lifeboat: "
            + (oldBackupFlag && !MOVED.containsKey(movedKey(failure))
                ? noBackupFlag(command)
                : line(failure)));
    return ExitCode.INVALID_CONFIGURATION.code();
  }

  private static String movedKey(ParameterException failure) {
    if (failure instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      return failure.getCommandLine().getCommandSpec().qualifiedName()
          + " "
          + unmatched.getUnmatched().get(0);
    }
    return "";
  }

  private static String noBackupFlag(String command) {
    return "--backup is gone: the backup is the positional BACKUP, an id or 'latest' ('"
        + command
        + " BACKUP', docs/cli.md)";
  }

  static String line(ParameterException failure) {
    CommandLine at = failure.getCommandLine();
    String command = at.getCommandSpec().qualifiedName();
    if (failure instanceof UnmatchedArgumentException unmatched) {
      List<String> rest = unmatched.getUnmatched();
      String first = rest.isEmpty() ? "" : rest.get(0);
      String moved = MOVED.get(command + " " + first);
      if (moved != null) {
        return "'" + command + " " + first + "' is now '" + moved + "' (docs/cli.md)";
      }
      if (first.startsWith("-")) {
        return "unknown flag '" + first + "' for '" + command + "' (see " + command + " --help)";
      }
      return at.getSubcommands().isEmpty()
          ? "unexpected argument '" + first + "' for '" + command + "' (see " + command + " --help)"
          : "unknown command '"
              + first
              + "' for '"
              + command
              + "': one of "
              + String.join(", ", at.getSubcommands().keySet());
    }
    if (failure instanceof CommandLine.MissingParameterException missing) {
      return "missing "
          + String.join(
              ", ",
              missing.getMissing().stream()
                  .map(
                      arg ->
                          arg instanceof CommandLine.Model.OptionSpec option
                              ? option.longestName() + " " + option.paramLabel()
                              : arg.paramLabel())
                  .toList())
          + " (see "
          + command
          + " --help)";
    }
    String message = String.valueOf(failure.getMessage()).strip().split("\\R", 2)[0];
    return message.replaceFirst("^Invalid value for option '([^']+)': ", "$1 ")
        + " ("
        + command
        + " --help)";
  }
}
