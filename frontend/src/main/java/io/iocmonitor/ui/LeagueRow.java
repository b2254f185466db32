package io.iocmonitor.ui;

import io.iocmonitor.comparison.LeagueTable;
import io.iocmonitor.kpi.DossierCounts;

/**
 * One locality (province or commune) in a league table.
 *
 * @param code     the province or commune code
 * @param standing its rank, rank change and outlier position by the table's KPI
 * @param counts   all its dossier counts for the period, for the other columns and for comparison
 */
record LeagueRow(String code, String name, LeagueTable.Standing standing, DossierCounts counts) {
}
