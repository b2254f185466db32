package io.iocmonitor.collector.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.iocmonitor.collector.config.ConfigNode;

/** Sources made from YAML text, as the agent makes them from its file. */
final class TestConfig {

    private TestConfig() {
    }

    static ConfigNode yaml(Path dir, String text) throws IOException {
        Path file = dir.resolve("collector.yaml");
        Files.writeString(file, text);
        return ConfigNode.read(file);
    }

    static Source source(Path dir, String yaml) throws IOException {
        return Sources.from(yaml(dir, yaml).children("sources"), context(dir)).getFirst();
    }

    static SourceContext context(Path dir) {
        return SourceContext.of(new Site("01", "00004"), Clock.systemUTC(), dir.resolve("state"));
    }
}
