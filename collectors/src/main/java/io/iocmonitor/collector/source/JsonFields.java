package io.iocmonitor.collector.source;

import tools.jackson.databind.JsonNode;

/** Fields of a JSON document named by dotted paths as configured: {@code data.items}, {@code hoSo.ma}, {@code a.0}. */
final class JsonFields {

    private JsonFields() {
    }

    /** The node at {@code path} ({@code ""} = the node itself); a missing node if there is none. */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        if (path.isEmpty()) {
            return current;
        }
        for (String part : path.split("\\.")) {
            current = current.isArray() && part.matches("\\d+") ? current.path(Integer.parseInt(part))
                    : current.path(part);
        }
        return current;
    }

    /** True if the path leads to a value (not missing, not null). */
    static boolean present(JsonNode node, String path) {
        JsonNode value = at(node, path);
        return !value.isMissingNode() && !value.isNull();
    }
}
