package io.lifeboat.cli;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the picocli command tree: one duration syntax for every flag, a bare noun prints its verbs,
 * and every failure becomes one line and its exit code (the README's table) ({@link UsageErrors}).
 */
public class CliApp implements QuarkusApplication {
  @Inject CommandLine.IFactory factory;

  @Override
  public int run(String... args) {
    return commandLine(factory).execute(args);
  }

  static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(LifeboatCommand.class, factory);
    cli.registerConverter(Duration.class, new Durations());
    cli.setExecutionStrategy(CliApp::runOrShowVerbs);
    cli.setExecutionExceptionHandler(
        (failure, line, parsed) -> Launcher.report(failure, TaskFlags.matchedProperties(parsed)));
    cli.setParameterExceptionHandler(UsageErrors::report);
    return cli;
  }

  /** {@code lifeboat backups} alone lists its verbs, as kubectl and velero do for a bare noun. */
  private static int runOrShowVerbs(ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine last = chain.get(chain.size() - 1);
    if (!(last.getCommand() instanceof Callable<?>)
        && !last.isUsageHelpRequested()
        && !last.isVersionHelpRequested()
        && !parsed.isUsageHelpRequested()
        && !parsed.isVersionHelpRequested()) {
      last.usage(System.out);
      return 0;
    }
    return new CommandLine.RunLast().execute(parsed);
  }
}
