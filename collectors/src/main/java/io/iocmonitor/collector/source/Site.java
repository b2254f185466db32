package io.iocmonitor.collector.source;

/**
 * Where a collector stands: the province and commune its events belong to (SPEC §4 topic).
 *
 * @param province two-digit province code
 * @param commune  five-digit commune code, or {@code -} for a province-level collector
 */
public record Site(String province, String commune) {

    public Site {
        if (!province.matches("\\d{2}")) {
            throw new IllegalArgumentException("province \"" + province + "\" is not a two-digit code (e.g. 01)");
        }
        if (!commune.equals("-") && !commune.matches("\\d{5}")) {
            throw new IllegalArgumentException("commune \"" + commune + "\" is not a five-digit code or -");
        }
    }

    /** {@code ioc/v1/{province}/{commune}/{kind}} for this site. */
    public String topic(String kind) {
        return topic(commune, kind);
    }

    /** The topic of another commune of the same province (a provincial system reports for all its communes). */
    public String topic(String otherCommune, String kind) {
        return "ioc/v1/" + province + "/" + otherCommune + "/" + kind;
    }
}
