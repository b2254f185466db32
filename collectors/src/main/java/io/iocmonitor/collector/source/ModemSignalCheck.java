package io.iocmonitor.collector.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 4G modem's signal, read from a command's output (e.g. {@code mmcli -m 0 --signal-get}) or from the modem's
 * HTTP status page: a JSON field, or else the first match of {@code pattern} (default: a number before
 * {@code dBm}). Up when a signal was read; a modem that answers nothing is down.
 *
 * @param command run by {@code /bin/sh -c}; null when the signal comes from {@code request}
 * @param field   dotted path of the signal in a JSON answer; null to search the text with {@code pattern}
 */
record ModemSignalCheck(@Nullable String command, @Nullable HttpRequestSpec request, @Nullable String field,
        Pattern pattern, Duration timeout, HttpClient http, JsonMapper json) implements ProbeCheck {

    static final Pattern DBM = Pattern.compile("(-?\\d+)\\s*dBm");
    private static final Logger log = LoggerFactory.getLogger(ModemSignalCheck.class);

    @Override
    public ProbeResult check() throws InterruptedException {
        try {
            String text = command != null ? runCommand(command) : fetch();
            Integer signal = text == null ? null : signal(text);
            return new ProbeResult(signal != null, "modem", null, signal);
        } catch (IOException e) {
            log.debug("Reading the modem's signal failed: {}", e.toString());
            return new ProbeResult(false, "modem", null, null);
        }
    }

    private @Nullable String fetch() throws IOException, InterruptedException {
        HttpRequestSpec spec = request;
        if (spec == null) {
            return null;
        }
        HttpResponse<String> response = http.send(spec.request(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() / 100 == 2 ? response.body() : null;
    }

    private @Nullable String runCommand(String line) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("/bin/sh", "-c", line)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return null;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? output : null;
    }

    private @Nullable Integer signal(String text) {
        String path = field;
        if (path != null) {
            JsonNode value = JsonFields.at(json.readTree(text), path);
            return value.isNumber() ? Integer.valueOf((int) Math.round(value.asDouble()))
                    : value.isString() ? parse(value.asString()) : null;
        }
        return parse(text);
    }

    private @Nullable Integer parse(String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Integer.valueOf(m.group(m.groupCount() >= 1 ? 1 : 0).strip()) : null;
    }
}
