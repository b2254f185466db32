package io.iocmonitor.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.RuleSet;
import io.iocmonitor.alerting.rules.RuleSetLoader;

/**
 * The rules in force. Loaded at start-up and reloaded when a file of the folder changes (polled every 2 s, which
 * also works on network and container file systems where file-change events do not arrive). An invalid folder is
 * refused whole: the last good rules stay in force and the problems are kept for the health endpoint and the UI.
 */
@Component
public class AlertRules {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRules.class);

    private final @Nullable Path dir;
    private volatile RuleSet inForce = new RuleSet(List.of(), List.of());
    private volatile List<String> problems = List.of();
    private volatile Map<String, String> lastRead = Map.of();

    AlertRules(AlertRulesProperties properties) {
        Path configured = properties.dir();
        if (configured == null && Files.isDirectory(Path.of("alert-rules"))) {
            configured = Path.of("alert-rules");
        }
        this.dir = configured == null ? null : configured.toAbsolutePath().normalize();
        reload();
    }

    /** The last good rules. */
    public RuleSet inForce() {
        return inForce;
    }

    /** Why the current files were refused; empty when they are in force. */
    public List<String> problems() {
        return problems;
    }

    /** Where the rules come from: a folder, or the copy bundled in the jar. */
    public String source() {
        return dir == null ? "classpath:alert-rules/" : dir.toString();
    }

    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT2S")
    public synchronized void reload() {
        Map<String, String> files;
        try {
            files = dir == null ? bundled() : RuleSetLoader.read(dir);
        } catch (UncheckedIOException e) {
            problems = List.of(e.getMessage());
            // the next good read must be parsed, even if its files are the last ones read, to clear this problem
            lastRead = Map.of();
            return;
        }
        if (files.equals(lastRead)) {
            return;
        }
        lastRead = files;
        RuleSet loaded = RuleSetLoader.parse((dir == null ? "alert-rules" : dir.getFileName()) + "/", files);
        if (loaded.isValid()) {
            inForce = loaded;
            problems = List.of();
            LOG.info("Alert rules loaded from {}: {} rules", source(), loaded.rules().size());
        } else {
            problems = loaded.errors();
            LOG.error("Alert rules in {} refused, the last good rules ({}) stay in force:\n  {}", source(),
                    inForce.rules().size(), String.join("\n  ", loaded.errors()));
        }
    }

    private static Map<String, String> bundled() {
        Map<String, String> files = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:alert-rules/*.y*ml")) {
                files.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled alert rules: " + e.getMessage(), e);
        }
        return files;
    }
}
