package io.iocmonitor.collector.simulator;

import java.util.List;

/**
 * A province as the simulator sees it.
 *
 * @param code     two-digit province code
 * @param communes its commune codes (five digits)
 */
public record SimulatedProvince(String code, List<String> communes) {
}
