/** Writing telemetry to PostgreSQL: idempotent by event id, dossier life-cycles merged, dead letters kept. */
@NullMarked
package io.iocmonitor.store;

import org.jspecify.annotations.NullMarked;
