package io.iocmonitor.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

/** Observation labels from a grouped row's keys, leaving out the empty ones of coarser grains. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> of(String province, String commune) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (!province.isEmpty()) {
            labels.put("province", province);
        }
        if (!commune.isEmpty()) {
            labels.put("commune", commune);
        }
        return labels;
    }
}
