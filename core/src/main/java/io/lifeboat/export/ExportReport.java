package io.lifeboat.export;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Manifest;

/**
 * What one namespace export did: committed (fully or partially) with its manifest, or skipped
 * because another run had already claimed the schedule slot.
 */
public record ExportReport(Outcome outcome, BackupRef backup, Manifest manifest) {

  public enum Outcome {
    COMPLETED,
    PARTIAL,
    SKIPPED
  }

  static ExportReport committed(Manifest manifest) {
    return new ExportReport(
        manifest.partial() ? Outcome.PARTIAL : Outcome.COMPLETED, manifest.ref(), manifest);
  }

  static ExportReport skipped(BackupRef notWritten) {
    return new ExportReport(Outcome.SKIPPED, notWritten, null);
  }

  /** The manifest's namespace facts; null when skipped. */
  public ExportSource source() {
    return manifest == null ? null : manifest.source(ExportSource.class);
  }

  /** 0 when completed or skipped, 3 when committed with failed items. */
  public ExitCode exitCode() {
    return outcome == Outcome.PARTIAL ? ExitCode.PARTIAL : ExitCode.OK;
  }
}
