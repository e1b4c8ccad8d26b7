package io.lifeboat.export;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Manifest;

/**
 * What one manual namespace export committed (fully or partially), with its manifest. Scheduled
 * exports answer with {@link io.lifeboat.repository.ClaimedRun.Result}, which also says skipped.
 */
public record ExportReport(Outcome outcome, BackupRef backup, Manifest manifest) {

  public enum Outcome {
    COMPLETED,
    PARTIAL
  }

  static ExportReport committed(Manifest manifest) {
    return new ExportReport(
        manifest.partial() ? Outcome.PARTIAL : Outcome.COMPLETED, manifest.ref(), manifest);
  }

  /** The manifest's namespace facts. */
  public ExportSource source() {
    return manifest == null ? null : manifest.source(ExportSource.class);
  }

  /** 0 when completed, 3 when committed with failed items. */
  public ExitCode exitCode() {
    return outcome == Outcome.PARTIAL ? ExitCode.PARTIAL : ExitCode.OK;
  }
}
