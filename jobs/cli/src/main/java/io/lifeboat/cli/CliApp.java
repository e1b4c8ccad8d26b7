package io.lifeboat.cli;

import io.lifeboat.app.Launcher;
import io.lifeboat.error.ExitCode;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the picocli command tree; failures become one line and DESIGN.md's exit code. */
public class CliApp implements QuarkusApplication {
  @Inject CommandLine.IFactory factory;

  @Override
  public int run(String... args) {
    return new CommandLine(LifeboatCommand.class, factory)
        .setExecutionExceptionHandler((failure, line, parsed) -> Launcher.report(failure))
        .setParameterExceptionHandler(
            (failure, args1) -> {
              System.err.println("lifeboat: " + failure.getMessage());
              return ExitCode.INVALID_CONFIGURATION.code();
            })
        .execute(args);
  }
}
