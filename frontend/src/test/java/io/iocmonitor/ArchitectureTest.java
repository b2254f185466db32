package io.iocmonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The boundaries of ARCHITECTURE.md, stated as tests over the whole application's classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.iocmonitor");

    @Test
    void thereAreNoCyclesBetweenFeaturePackages() {
        slices().matching("io.iocmonitor.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theWireContractIsPlainJava() {
        noClasses().that().resideInAPackage("io.iocmonitor.telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.eclipse.paho..")
                .check(CLASSES);
    }

    @Test
    void viewsAndTheApiReadThroughServicesNeverSql() {
        noClasses().that().resideInAnyPackage("io.iocmonitor.ui..", "io.iocmonitor.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "io.iocmonitor.store..")
                .check(CLASSES);
    }

    @Test
    void theChartComponentKnowsNothingOfTheProduct() {
        noClasses().that().resideInAPackage("io.iocmonitor.echarts..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.iocmonitor.echarts..", "java..",
                        "com.vaadin..", "tools.jackson..", "org.jspecify..")
                .check(CLASSES);
    }

    @Test
    void alertRulesAndTheirPoliciesArePlainJava() {
        // so that ./ioc test-rules runs the server's own evaluation code without a server
        noClasses().that().resideInAPackage("io.iocmonitor.alerting.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "io.iocmonitor.store..", "io.iocmonitor.kpi..", "io.iocmonitor.outage..")
                .check(CLASSES);
    }

    @Test
    void rankingAndOutliersArePlainJava() {
        noClasses().that().resideInAPackage("io.iocmonitor.comparison..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "io.iocmonitor.store..")
                .check(CLASSES);
    }

    @Test
    void collectorsDoNotDependOnTheServer() {
        noClasses().that().resideInAPackage("io.iocmonitor.collector..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iocmonitor.ingest..", "io.iocmonitor.store..",
                        "io.iocmonitor.kpi..", "io.iocmonitor.reference..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theCollectorsQueueAndSourcesKnowNeitherTheAgentNorMqtt() {
        noClasses().that().resideInAnyPackage("io.iocmonitor.collector.queue..", "io.iocmonitor.collector.source..",
                        "io.iocmonitor.collector.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iocmonitor.collector.agent..",
                        "io.iocmonitor.collector.simulator..", "org.eclipse.paho..")
                .check(CLASSES);
    }
}
