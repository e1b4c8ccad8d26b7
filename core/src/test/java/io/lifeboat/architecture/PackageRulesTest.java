package io.lifeboat.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.lifeboat.error.ExitCode;
import io.lifeboat.volumes.internal.ReadinessWait;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package map's two rules, checked on core's compiled classes: an {@code internal} package is
 * its feature's alone, and no two packages depend on each other, directly or round a loop.
 */
class PackageRulesTest {
  private static final JavaClasses CORE = new ClassFileImporter().importPath(mainClasses());

  private static final ArchRule INTERNALS_STAY_HOME =
      ArchRuleDefinition.classes()
          .should(useNoOtherFeaturesInternals())
          .because("internal packages are public only so their own feature can reach them");

  @Test
  void anInternalPackageIsUsedOnlyByItsOwnFeature() {
    INTERNALS_STAY_HOME.check(CORE);
  }

  @Test
  void theInternalsRuleCatchesAForeignCaller() {
    JavaClasses foreign = new ClassFileImporter().importClasses(ForeignCaller.class);

    assertThatThrownBy(() -> INTERNALS_STAY_HOME.check(foreign))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ReadinessWait");
  }

  /** Outside volumes, reaching into volumes.internal: what the rule is for. */
  static final class ForeignCaller {
    Object reach() {
      return ReadinessWait.Ready.class;
    }
  }

  @Test
  void noPackagesDependOnEachOtherInACycle() {
    slices()
        .assignedFrom(packagesWithTheirInternals())
        .should()
        .beFreeOfCycles()
        .because("a feature and its internal package are one unit; any other loop is a tangle")
        .check(CORE);
  }

  /** Core's own compiled classes (target/classes), not every jar on the test class path. */
  private static Path mainClasses() {
    try {
      return Path.of(ExitCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One slice per package, except that {@code x.internal} (and below) belongs to {@code x}: the
   * use-case calls its internals and they use its value types, by design.
   */
  private static SliceAssignment packagesWithTheirInternals() {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith("io.lifeboat.")) {
          return SliceIdentifier.ignore();
        }
        int internal = name.indexOf(".internal");
        return SliceIdentifier.of(internal < 0 ? name : name.substring(0, internal));
      }

      @Override
      public String getDescription() {
        return "packages of io.lifeboat, each with its internal sub-package";
      }
    };
  }

  private static ArchCondition<JavaClass> useNoOtherFeaturesInternals() {
    return new ArchCondition<>("use no other feature's internal package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          int internal = target.indexOf(".internal");
          if (!target.startsWith("io.lifeboat.") || internal < 0) {
            continue;
          }
          String feature = target.substring(0, internal);
          String from = origin.getPackageName();
          boolean allowed = from.equals(feature) || from.startsWith(feature + ".");
          events.add(new SimpleConditionEvent(origin, allowed, dependency.getDescription()));
        }
      }
    };
  }
}
