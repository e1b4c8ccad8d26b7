package io.lifeboat.app;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * Native executables only (inert on a JVM): the AWS SDK's checksum provider names the optional CRT
 * library's classes ({@code software.amazon.awssdk.crt.checksums.*}) in methods it guards with a
 * class-path check at run time. Lifeboat does not ship the CRT, and the native build links every
 * reachable type at build time, so these methods are replaced by what they do when the CRT is
 * absent: CRC32C falls back to the JDK's, CRC64NVME and xxHash fail with the SDK's own message.
 * Applied only when the CRT really is absent from the build's class path.
 */
final class AwsCrtAbsentSubstitutions {
  private AwsCrtAbsentSubstitutions() {}

  /** True when the AWS CRT is not on the class path (the only case these substitutions fit). */
  static final class CrtAbsent implements BooleanSupplier {
    @Override
    public boolean getAsBoolean() {
      try {
        Class.forName("software.amazon.awssdk.crt.CRT", false, CrtAbsent.class.getClassLoader());
        return false;
      } catch (ClassNotFoundException e) {
        return true;
      }
    }
  }

  @TargetClass(
      className = "software.amazon.awssdk.checksums.internal.ChecksumProvider",
      onlyWith = CrtAbsent.class)
  static final class ChecksumProviderWithoutCrt {
    @Substitute
    static SdkChecksum createCrtCrc32C() {
      return null;
    }

    @Substitute
    static SdkChecksum crc64NvmeCrtImplementation() {
      throw new RuntimeException(
          "Could not load software.amazon.awssdk.crt.checksums.CRC64NVME. Add dependency on"
              + " 'software.amazon.awssdk.crt:aws-crt' module to enable CRC64NVME feature.");
    }

    @Substitute
    static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
      throw new RuntimeException(
          "Could not load software.amazon.awssdk.crt.checksums.XXHash for algorithm: "
              + algorithm.algorithmId()
              + ". Add dependency on 'software.amazon.awssdk.crt:aws-crt' module.");
    }
  }
}
