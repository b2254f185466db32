package io.iocmonitor.collector.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One mapping of a YAML configuration file, with typed getters whose errors name the file and the field's path, e.g.
 * {@code collector.yaml: sources[2].timeout: "5 minutes" is not a duration (e.g. 500ms, 30s, 5m, 2h)}. String values
 * may refer to environment variables as {@code ${NAME}} (passwords stay out of the file).
 */
public final class ConfigNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB)?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String file;
    private final String path;
    private final Map<String, Object> values;
    private final Function<String, @Nullable String> environment;

    private ConfigNode(String file, String path, Map<String, Object> values,
            Function<String, @Nullable String> environment) {
        this.file = file;
        this.path = path;
        this.values = values;
        this.environment = environment;
    }

    /** Reads a YAML file whose top level is a mapping; {@code ${NAME}} takes the process's environment. */
    public static ConfigNode read(Path file) {
        return read(file, System::getenv);
    }

    public static ConfigNode read(Path file, Function<String, @Nullable String> environment) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name + ": no such file");
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new ConfigException(name + ": not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(name + ": the top level must be a mapping (site:, broker:, queue:, sources:)");
        }
        return new ConfigNode(name, "", stringKeys(name, "", map), environment);
    }

    /** An error about {@code key} of this node. */
    public ConfigException error(String key, String problem) {
        return new ConfigException(file + ": " + qualified(key) + ": " + problem);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** Fails on keys that are not in {@code known} (a typo would otherwise be ignored silently). */
    public void allowOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw error(key, "unknown field (known here: " + String.join(", ", known.stream().sorted().toList())
                        + ")");
            }
        }
    }

    public String string(String key) {
        String value = optionalString(key);
        if (value == null || value.isBlank()) {
            throw error(key, "is required");
        }
        return value;
    }

    public String string(String key, String otherwise) {
        String value = optionalString(key);
        return value == null ? otherwise : value;
    }

    public @Nullable String optionalString(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw error(key, "must be a single value, not a " + (value instanceof Map ? "mapping" : "list"));
        }
        return substitute(key, String.valueOf(value));
    }

    /** One of {@code allowed}. */
    public String choice(String key, List<String> allowed, @Nullable String otherwise) {
        String value = otherwise == null ? string(key) : string(key, otherwise);
        if (!allowed.contains(value)) {
            throw error(key, "\"" + value + "\" is not one of " + allowed);
        }
        return value;
    }

    public int integer(String key, int otherwise) {
        String value = optionalString(key);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw error(key, "\"" + value + "\" is not a whole number");
        }
    }

    public boolean bool(String key, boolean otherwise) {
        String value = optionalString(key);
        if (value == null) {
            return otherwise;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "\"" + value + "\" is not true or false");
        };
    }

    /** A duration written as 500ms, 30s, 5m, 2h or 1d. */
    public Duration duration(String key, @Nullable Duration otherwise) {
        String value = optionalString(key);
        if (value == null) {
            if (otherwise == null) {
                throw error(key, "is required (a duration, e.g. 30s)");
            }
            return otherwise;
        }
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw error(key, "\"" + value + "\" is not a duration (e.g. 500ms, 30s, 5m, 2h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A size in bytes written as a number or with a unit: 512MiB, 2GiB, 100MB. */
    public long bytes(String key, long otherwise) {
        String value = optionalString(key);
        if (value == null) {
            return otherwise;
        }
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw error(key, "\"" + value + "\" is not a size (e.g. 536870912, 512MiB, 2GiB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return n * switch (unit) {
            case "KiB" -> 1024L;
            case "MiB" -> 1024L * 1024;
            case "GiB" -> 1024L * 1024 * 1024;
            case "KB" -> 1000L;
            case "MB" -> 1000L * 1000;
            case "GB" -> 1000L * 1000 * 1000;
            default -> 1L;
        };
    }

    public ConfigNode child(String key) {
        ConfigNode child = optionalChild(key);
        if (child == null) {
            throw error(key, "is required");
        }
        return child;
    }

    public @Nullable ConfigNode optionalChild(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "must be a mapping (key: value lines indented below it)");
        }
        return new ConfigNode(file, qualified(key), stringKeys(file, qualified(key), map), environment);
    }

    /** The mappings of a list ({@code - key: value} items); empty if absent. */
    public List<ConfigNode> children(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "must be a list (items starting with \"- \")");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = qualified(key) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new ConfigException(file + ": " + itemPath + ": must be a mapping");
            }
            out.add(new ConfigNode(file, itemPath, stringKeys(file, itemPath, map), environment));
        }
        return out;
    }

    /** A mapping of strings to strings (e.g. HTTP headers); empty if absent. */
    public Map<String, String> stringMap(String key) {
        ConfigNode child = optionalChild(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (child != null) {
            for (String k : child.values.keySet()) {
                out.put(k, child.string(k));
            }
        }
        return out;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String substitute(String key, String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = environment.apply(m.group(1));
            if (replacement == null) {
                throw error(key, "refers to the environment variable " + m.group(1) + ", which is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> stringKeys(String file, String path, Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new ConfigException(file + ": " + (path.isEmpty() ? "" : path + ": ") + "key " + e.getKey()
                        + " must be a name");
            }
            if (e.getValue() != null) {
                out.put(k, e.getValue());
            }
        }
        return out;
    }
}
