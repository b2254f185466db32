/**
 * Outages (SPEC §5): a probe target down for 3 or more consecutive results, and a collector silent for 5 minutes
 * or gone with its last will. The rules are pure functions over time-ordered observations; queries feed them.
 */
@NullMarked
package io.iocmonitor.outage;

import org.jspecify.annotations.NullMarked;
