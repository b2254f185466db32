/**
 * Comparing localities (SPEC §7's comparison view): league tables with rank and rank change, and outliers. Plain
 * Java over {@link io.iocmonitor.kpi.Rate}s, so that the rules are unit-tested without a database.
 */
@NullMarked
package io.iocmonitor.comparison;

import org.jspecify.annotations.NullMarked;
