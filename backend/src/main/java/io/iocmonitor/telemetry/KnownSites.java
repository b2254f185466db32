package io.iocmonitor.telemetry;

/** The registry a topic's province and commune are checked against. */
public interface KnownSites {

    boolean isProvince(String provinceCode);

    boolean isCommuneOf(String provinceCode, String communeCode);
}
