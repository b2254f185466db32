package io.iocmonitor.collector.config;

/** The configuration is wrong; the message names the file, the field and what is wrong with it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
