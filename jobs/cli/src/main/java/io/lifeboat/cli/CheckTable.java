package io.lifeboat.cli;

import io.lifeboat.check.CheckLine;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code repo check}'s table: CHECK, STATUS (OK, WARN, FAIL, SKIP), DETAIL, one line per finding.
 */
final class CheckTable {
  private CheckTable() {}

  static void print(List<CheckLine> lines, PrintStream out) {
    int width = "CHECK".length();
    for (CheckLine line : lines) {
      width = Math.max(width, line.name().length());
    }
    String format = "%-" + width + "s  %-6s  %s%n";
    out.printf(format, "CHECK", "STATUS", "DETAIL");
    for (CheckLine line : lines) {
      out.printf(format, line.name(), line.status(), line.detail());
    }
  }
}
