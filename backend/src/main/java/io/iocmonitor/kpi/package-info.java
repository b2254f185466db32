/**
 * Dossier KPIs of SPEC §5: the formulas (pure Java, unit-tested) and the queries that count them per scope and
 * period in the ICT calendar.
 */
@NullMarked
package io.iocmonitor.kpi;

import org.jspecify.annotations.NullMarked;
