package io.lifeboat.app;

import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.etcd.delta.DeltaFormat;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.etcd.restore.EtcdRestoreReport;
import io.lifeboat.export.ExportSource;
import io.lifeboat.repository.Claim;
import io.lifeboat.repository.Descriptor;
import io.lifeboat.repository.LeaseRecord;
import io.lifeboat.repository.Manifest;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.volumes.PayloadManifest;
import io.lifeboat.volumes.VolumeRestoreReport;
import io.lifeboat.volumes.VolumesSource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The repository documents Jackson maps by reflection ({@code io.lifeboat.repository.Json}), kept
 * for native executables: a native image holds only the constructors, accessors and record
 * components registered at build time, and core cannot say so itself (it has no Quarkus). The full
 * hierarchy brings the nested records ({@code DataObject}, {@code Encryption}, {@code ItemFailure},
 * {@code VolumesSource.Volume}, ...). A new document type belongs here too: without it the JVM
 * works and the native executable fails to read or write the type.
 */
@RegisterForReflection(
    registerFullHierarchy = true,
    targets = {
      StrictBoolean.class,
      Claim.class,
      Descriptor.class,
      LeaseRecord.class,
      Manifest.class,
      EtcdSource.class,
      DeltaSource.class,
      DeltaFormat.Header.class,
      DeltaFormat.Event.class,
      DeltaFormat.KeyValue.class,
      DeltaFormat.Trailer.class,
      ExportSource.class,
      VolumesSource.class,
      PayloadManifest.class,
      EtcdRestoreReport.class,
      VolumeRestoreReport.class,
      RestoreReport.class,
      TaskResult.class
    })
final class NativeReflection {
  private NativeReflection() {}
}
