package io.iocmonitor.alerting.rules;

import java.util.Locale;
import java.util.Map;

/** Text a person reads, in Vietnamese (the default) and English. */
public record Text(String vi, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }

    /** Fills {@code {name}} placeholders, e.g. {@code {province}}, {@code {value}}. */
    public Text fill(Map<String, String> values) {
        String v = vi;
        String e = en;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = "{" + entry.getKey() + "}";
            v = v.replace(key, entry.getValue());
            e = e.replace(key, entry.getValue());
        }
        return new Text(v, e);
    }
}
