package io.iocmonitor.collector.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.config.ConfigException;
import io.iocmonitor.collector.source.Source;
import io.iocmonitor.collector.source.SourceContext;
import io.iocmonitor.collector.source.Sources;

/**
 * The collector agent's main: {@code java -jar ioc-collector.jar [collector.yaml]}. Reads the configuration (exit
 * code 2 with a message naming the file and field when it is wrong), then runs until stopped (SIGTERM, Ctrl-C).
 */
public final class CollectorAgent {

    private static final Logger log = LoggerFactory.getLogger(CollectorAgent.class);

    private CollectorAgent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: java -jar ioc-collector.jar [collector.yaml]   (see collectors/README.md)");
            System.exit(2);
        }
        Path file = Path.of(args.length == 1 ? args[0] : "collector.yaml");
        CollectorConfig config;
        List<Source> sources;
        SourceContext context;
        try {
            config = CollectorConfig.read(file);
            context = Collector.context(config.site(), config.queueDir(), Clock.systemUTC());
            sources = Sources.from(config.sources(), context);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("ioc-collector: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        log.info("IOC Monitor collector {} {} for {}/{}, broker {}", config.collector(), Heartbeat.VERSION,
                config.site().province(), config.site().commune(), config.broker());
        Collector collector = Collector.start(Collector.Settings.of(config), context, sources);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                collector.close();
            } catch (Exception e) {
                log.warn("Stopping the collector: {}", e.toString());
            } finally {
                stopped.countDown();
            }
        }, "ioc-collector-stop"));
        stopped.await();
    }
}
