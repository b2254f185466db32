package io.iocmonitor.kpi;

import java.util.List;

/**
 * The dossiers behind a period's SLA breach counts, most overdue first, cut at a limit.
 *
 * @param total how many there are in all, of which {@code rows} are the first
 */
public record SlaBreaches(List<SlaBreach> rows, long total) {
}
