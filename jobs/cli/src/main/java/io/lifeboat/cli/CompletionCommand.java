package io.lifeboat.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    description =
        "Print the shell completion script (bash; zsh through bashcompinit):"
            + " source <(lifeboat completion bash). scripts/install.sh installs it.")
class CompletionCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "bash",
      paramLabel = "SHELL",
      description = "bash (default) or zsh")
  String shell;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new io.lifeboat.error.InvalidConfigurationException(
          "SHELL '" + shell + "': completion is generated for bash or zsh");
    }
    String script = AutoComplete.bash("lifeboat", spec.root().commandLine());
    System.out.print(
        shell.equals("zsh") ? "autoload -U +X bashcompinit && bashcompinit\n" + script : script);
    return 0;
  }
}
