package io.iocmonitor.collector.simulator;

import java.util.Random;

/**
 * How digitally mature a province is, which drives every probability of its dossiers. Derived from the province
 * code alone, so that a province keeps its character across restarts: full-process online rates land between
 * about 13 % and 60 % (SPEC §5's magnitudes), and about 7.5 % of dossiers finish late.
 *
 * @param maturity in [0.1, 0.65]
 */
record ProvinceProfile(double maturity) {

    static final double LATE_SHARE = 0.075;
    static final double CANCELLED_SHARE = 0.02;

    static ProvinceProfile of(String provinceCode) {
        double u = new Random(31L * provinceCode.hashCode() + 7).nextDouble();
        return new ProvinceProfile(0.10 + 0.55 * u);
    }

    double onlineShare() {
        return Math.min(0.97, maturity + 0.30);
    }

    /** P(fullProcess | online): so that P(online and full process) = maturity + 0.05. */
    double fullProcessGivenOnline() {
        return Math.min(1.0, (maturity + 0.05) / onlineShare());
    }

    double digitizedShare() {
        return 0.5 + 0.45 * maturity;
    }
}
