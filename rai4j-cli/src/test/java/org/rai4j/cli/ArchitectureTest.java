package org.rai4j.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The thin front ends of issue 10, enforced: the command line (and the server, {@code org.rai4j.server},
 * whenever its classes are on the class path) parse, call one library use case and render through
 * rai4j-report; they hold no algorithm, and no library depends on them.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    /** Front ends: where no algorithm may live. */
    private static final String[] FRONT_ENDS = {"org.rai4j.cli..", "org.rai4j.server.."};

    /**
     * Algorithm internals a front end must not call itself: randomness, training, bootstrap and the bounty
     * hunter belong to library use cases (TrainingRun, BountySimulation, GermanCreditModel, HouseHunt,
     * BountyBenchmark, Auditor, …). Library benchmark runners that return a result record (AuditBenchmark,
     * DpBenchmark, FederatedBenchmark, SpeechScoringBenchmark) are such use cases, and allowed.
     */
    private static final Set<String> ALGORITHMS = Set.of(
            "java.util.Random", "java.util.SplittableRandom", "org.rai4j.learn.LogisticRegression",
            "org.rai4j.learn.Sgd", "org.rai4j.learn.DenseNetwork", "org.rai4j.learn.EmbeddingBagClassifier",
            "org.rai4j.privacy.DpTraining", "org.rai4j.privacy.DpSgd", "org.rai4j.core.Sampling",
            "org.rai4j.bounty.CostSensitiveHunter");

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rai4j");
    }

    @Test
    void libraries_dependOnNoFrontEnd() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(FRONT_ENDS)
                .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
                .because("libraries are shared by the command line and the server, never the other way round");
        rule.check(classes);
    }

    /** No front-end class calls an algorithm internal. No exception list: every front-end class is held to it. */
    private static ArchRule holdNoAlgorithm() {
        return noClasses().that().resideInAnyPackage(FRONT_ENDS)
                .should().dependOnClassesThat(DescribedPredicate.describe("are algorithm internals " + ALGORITHMS,
                        (JavaClass c) -> ALGORITHMS.contains(c.getName())))
                .allowEmptyShould(true)
                .because("front ends parse, call one library use case and render (issue 10)");
    }

    @Test
    void frontEnds_holdNoAlgorithm() {
        holdNoAlgorithm().check(classes);
    }

    /** A front-end class that draws its own random numbers, as the demo's split once did. */
    static final class BrokenCommand {
        int roll() {
            return new java.util.Random(1).nextInt(6);
        }
    }

    @Test
    void frontEnds_holdNoAlgorithm_rejectsADeliberatelyBrokenCommand() {
        JavaClasses broken = new ClassFileImporter().importClasses(BrokenCommand.class);
        assertThatThrownBy(() -> holdNoAlgorithm().check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("BrokenCommand.roll()").hasMessageContaining("java.util.Random");
    }

    @Test
    void frontEnds_useNoInternalPackage() {
        ArchRule rule = noClasses().that().resideInAnyPackage(FRONT_ENDS)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.rai4j..internal.."),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages(FRONT_ENDS)))
                .allowEmptyShould(true)
                .because("a module's public API is its root package");
        rule.check(classes);
    }
}
