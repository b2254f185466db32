package io.iocmonitor.collector.source;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.collector.config.ConfigNode;

/** Makes the sources of a collector's configuration ({@code sources:} items, each with a {@code type}). */
public final class Sources {

    static final List<String> TYPES = List.of("dossier-api", "vneid-login", "probe", "sync");
    private static final Set<String> COMMON = Set.of("type", "name", "interval");

    private Sources() {
    }

    /** One source per item; names must be unique (they name the cursor files and the metrics). */
    public static List<Source> from(List<ConfigNode> items, SourceContext context) {
        Set<String> names = new HashSet<>();
        return items.stream().map(item -> {
            Source source = from(item, context);
            if (!names.add(source.name())) {
                throw item.error("name", "\"" + source.name() + "\" is used by another source");
            }
            return source;
        }).toList();
    }

    static Source from(ConfigNode node, SourceContext context) {
        String type = node.choice("type", TYPES, null);
        String name = node.string("name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw node.error("name", "\"" + name + "\" may only hold letters, digits, '.', '_' and '-'");
        }
        Duration interval = positive(node, "interval", null);
        return switch (type) {
            case "dossier-api" -> dossierApi(node, name, interval, context);
            case "vneid-login" -> {
                node.allowOnly(union(COMMON, HttpRequestSpec.FIELDS, HttpCheck.FIELDS));
                yield new VneidLoginProbe(name, interval, HttpCheck.from(node, Duration.ofSeconds(15)), context);
            }
            case "probe" -> probe(node, name, interval, context);
            default -> sync(node, name, interval, context);
        };
    }

    private static Source dossierApi(ConfigNode node, String name, Duration interval, SourceContext context) {
        node.allowOnly(union(COMMON, HttpRequestSpec.FIELDS, Set.of("cursor", "pageSize", "pageSizeParam",
                "maxPages", "records", "fields", "values", "timeZone")));
        ConfigNode cursor = node.child("cursor");
        cursor.allowOnly(Set.of("param", "field", "start", "inclusive"));
        int pageSize = node.integer("pageSize", 500);
        if (pageSize < 1) {
            throw node.error("pageSize", "must be at least 1");
        }
        DossierApiSource.Api api = new DossierApiSource.Api(HttpRequestSpec.from(node, Duration.ofSeconds(30)),
                cursor.string("param"), cursor.string("field"), cursor.string("start", ""),
                cursor.bool("inclusive", false), node.string("pageSizeParam", "limit"), pageSize, node.integer("maxPages", 100),
                node.string("records", ""));
        return new DossierApiSource(name, interval, api, DossierMapping.from(node, name, context),
                new CursorStore(context.stateDir().resolve(name + ".cursor")), context);
    }

    private static Source probe(ConfigNode node, String name, Duration interval, SourceContext context) {
        String method = node.choice("method", ProbeSource.METHODS, null);
        Duration timeout = node.duration("timeout", Duration.ofSeconds(10));
        Set<String> common = union(COMMON, Set.of("method", "target", "targetType", "timeout"));
        ProbeCheck check = switch (method) {
            case "tcp" -> {
                node.allowOnly(union(common, Set.of("host", "port")));
                yield new TcpCheck(node.string("host"), port(node, "port"), timeout);
            }
            case "icmp" -> {
                node.allowOnly(union(common, Set.of("host", "fallbackPort")));
                String host = node.string("host");
                yield new IcmpCheck(host, timeout,
                        node.has("fallbackPort") ? new TcpCheck(host, port(node, "fallbackPort"), timeout) : null);
            }
            case "dns" -> {
                node.allowOnly(union(common, Set.of("hostname")));
                yield new DnsCheck(node.string("hostname"));
            }
            case "http" -> {
                node.allowOnly(union(common, HttpRequestSpec.FIELDS, HttpCheck.FIELDS));
                yield new HttpProbeCheck(HttpCheck.from(node, timeout), context.http());
            }
            default -> modem(node, common, timeout, context);
        };
        String target = node.string("target");
        String targetType = node.choice("targetType", ProbeSource.TARGET_TYPES, null);
        return new ProbeSource(name, interval, target, targetType, check, context);
    }

    private static ProbeCheck modem(ConfigNode node, Set<String> common, Duration timeout, SourceContext context) {
        node.allowOnly(union(common, HttpRequestSpec.FIELDS, Set.of("command", "field", "pattern")));
        String command = node.optionalString("command");
        if ((command == null) == !node.has("url")) {
            throw node.error("command", "a modem probe needs either command or url (not both)");
        }
        Pattern pattern = ModemSignalCheck.DBM;
        String regex = node.optionalString("pattern");
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw node.error("pattern", "is not a regular expression: " + e.getDescription());
            }
        }
        @Nullable HttpRequestSpec request = command == null ? HttpRequestSpec.from(node, timeout) : null;
        return new ModemSignalCheck(command, request, node.optionalString("field"), pattern, timeout, context.http(),
                context.json());
    }

    private static Source sync(ConfigNode node, String name, Duration interval, SourceContext context) {
        String from = node.choice("from", List.of("http", "sql"), null);
        String system = node.string("system");
        Set<String> common = union(COMMON, Set.of("from", "system"));
        SyncReader reader;
        if (from.equals("http")) {
            node.allowOnly(union(common, HttpRequestSpec.FIELDS, Set.of("fields")));
            ConfigNode fields = node.optionalChild("fields");
            if (fields != null) {
                fields.allowOnly(Set.of("pending", "failed", "lagSeconds"));
            }
            reader = new HttpSyncReader(HttpRequestSpec.from(node, Duration.ofSeconds(30)), node.stringMap("fields"),
                    context.http(), context.json());
        } else {
            node.allowOnly(union(common, Set.of("jdbcUrl", "username", "password", "query", "connectTimeout",
                    "queryTimeout")));
            String url = node.string("jdbcUrl");
            if (!url.startsWith("jdbc:")) {
                throw node.error("jdbcUrl", "\"" + url + "\" is not a JDBC URL (jdbc:postgresql://host/db, ...)");
            }
            reader = new SqlSyncReader(url, node.optionalString("username"), node.optionalString("password"),
                    node.string("query"), positive(node, "connectTimeout", Duration.ofSeconds(10)),
                    positive(node, "queryTimeout", Duration.ofSeconds(10)));
        }
        return new SyncSource(name, interval, system, reader, context);
    }

    private static Duration positive(ConfigNode node, String key, @Nullable Duration otherwise) {
        Duration duration = node.duration(key, otherwise);
        if (duration.isZero()) {
            throw node.error(key, "must be longer than 0");
        }
        return duration;
    }

    private static int port(ConfigNode node, String key) {
        int port = node.integer(key, -1);
        if (port < 1 || port > 65535) {
            throw node.error(key, "is required: a TCP port from 1 to 65535");
        }
        return port;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
