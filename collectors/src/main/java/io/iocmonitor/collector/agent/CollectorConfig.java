package io.iocmonitor.collector.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.iocmonitor.collector.config.ConfigNode;
import io.iocmonitor.collector.source.Site;

/**
 * A collector's configuration file (collectors/README.md documents every field).
 *
 * @param collector         this collector's name in heartbeats (default: the host name)
 * @param heartbeatInterval how often a heartbeat is sent (SPEC: 30 s); zero for none
 * @param metricsPort       port of the Prometheus text endpoint {@code /metrics}; 0 for none
 * @param metricsLog        how often the metrics are logged; zero for never
 * @param sources           the {@code sources:} items, made into sources by the agent
 */
public record CollectorConfig(String collector, Site site, BrokerSettings broker, Path queueDir, long queueMaxBytes,
        Duration heartbeatInterval, String metricsHost, int metricsPort, Duration metricsLog,
        List<ConfigNode> sources) {

    /** Default disk cap of the queue: 1 GiB holds about three million events, weeks of a commune's telemetry. */
    public static final long DEFAULT_QUEUE_BYTES = 1L << 30;

    public static CollectorConfig read(Path file) {
        return from(ConfigNode.read(file));
    }

    static CollectorConfig from(ConfigNode root) {
        root.allowOnly(Set.of("site", "broker", "queue", "heartbeat", "metrics", "sources"));
        ConfigNode siteNode = root.child("site");
        siteNode.allowOnly(Set.of("province", "commune", "collector"));
        String province = siteNode.string("province");
        if (!province.matches("\\d{2}")) {
            throw siteNode.error("province", "\"" + province + "\" is not a two-digit province code (e.g. \"01\";"
                    + " quote it in YAML)");
        }
        String commune = siteNode.string("commune", "-");
        if (!commune.equals("-") && !commune.matches("\\d{5}")) {
            throw siteNode.error("commune", "\"" + commune + "\" is not a five-digit commune code (quote it in YAML),"
                    + " or - for a province-level collector");
        }
        String collector = siteNode.string("collector", hostName());
        ConfigNode queue = root.child("queue");
        queue.allowOnly(Set.of("dir", "maxBytes"));
        long maxBytes = queue.bytes("maxBytes", DEFAULT_QUEUE_BYTES);
        if (maxBytes < 1 << 20) {
            throw queue.error("maxBytes", maxBytes + " bytes is too small: give at least 1MiB");
        }
        Duration heartbeat = Duration.ofSeconds(30);
        ConfigNode heartbeatNode = root.optionalChild("heartbeat");
        if (heartbeatNode != null) {
            heartbeatNode.allowOnly(Set.of("interval"));
            heartbeat = heartbeatNode.duration("interval", heartbeat);
        }
        String metricsHost = "127.0.0.1";
        int metricsPort = 0;
        Duration metricsLog = Duration.ofMinutes(1);
        ConfigNode metrics = root.optionalChild("metrics");
        if (metrics != null) {
            metrics.allowOnly(Set.of("host", "port", "logInterval"));
            metricsHost = metrics.string("host", metricsHost);
            metricsPort = metrics.integer("port", 0);
            if (metricsPort < 0 || metricsPort > 65535) {
                throw metrics.error("port", metricsPort + " is not a TCP port (0 for no endpoint)");
            }
            metricsLog = metrics.duration("logInterval", metricsLog);
        }
        List<ConfigNode> sources = root.children("sources");
        return new CollectorConfig(collector, new Site(province, commune),
                BrokerSettings.from(root.child("broker"), collector), Path.of(queue.string("dir")), maxBytes,
                heartbeat, metricsHost, metricsPort, metricsLog, sources);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "collector";
        }
    }
}
