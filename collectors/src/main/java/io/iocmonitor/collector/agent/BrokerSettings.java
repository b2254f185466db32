package io.iocmonitor.collector.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.jspecify.annotations.Nullable;

import io.iocmonitor.collector.config.ConfigNode;

/**
 * How the collector reaches the broker ({@code broker:} in the configuration).
 *
 * @param url          {@code tcp://host:1883}, or {@code ssl://host:8883} for TLS
 * @param caFile       PEM file of the certificate authorities the broker's certificate is checked against; null for
 *                     the JVM's default trust store
 * @param keyStore     PKCS#12 file with the collector's own certificate and key, for brokers that ask for one
 */
public record BrokerSettings(String url, String clientId, @Nullable String username, @Nullable String password,
        @Nullable Path caFile, @Nullable Path keyStore, @Nullable String keyStorePassword) {

    static BrokerSettings from(ConfigNode node, String collector) {
        node.allowOnly(Set.of("url", "clientId", "username", "password", "tls"));
        String url = node.string("url");
        if (!url.matches("(tcp|ssl|ws|wss)://.+")) {
            throw node.error("url", "\"" + url + "\" is not a broker URL (tcp://host:1883 or ssl://host:8883)");
        }
        ConfigNode tls = node.optionalChild("tls");
        Path ca = null;
        Path keyStore = null;
        String keyStorePassword = null;
        if (tls != null) {
            tls.allowOnly(Set.of("caFile", "keyStore", "keyStorePassword"));
            ca = readable(tls, "caFile");
            keyStore = readable(tls, "keyStore");
            keyStorePassword = tls.optionalString("keyStorePassword");
            if (!url.startsWith("ssl://") && !url.startsWith("wss://")) {
                throw node.error("url", "tls is configured, so the URL must start with ssl:// (or wss://)");
            }
        }
        return new BrokerSettings(url, node.string("clientId", "ioc-collector-" + collector),
                node.optionalString("username"), node.optionalString("password"), ca, keyStore, keyStorePassword);
    }

    /** The broker settings of a collector that runs inside the server (the demo's simulator). */
    public static BrokerSettings plain(String url, String clientId, @Nullable String username,
            @Nullable String password) {
        return new BrokerSettings(url, clientId, username, password, null, null, null);
    }

    MqttConnectionOptions connectionOptions() throws IOException, GeneralSecurityException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        // The disk queue is the session: whatever was not acknowledged is published again after a reconnect.
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(15);
        options.setKeepAliveInterval(30);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        if (caFile != null || keyStore != null) {
            options.setSocketFactory(socketFactory());
        }
        return options;
    }

    private SSLSocketFactory socketFactory() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile != null) {
            KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
            authorities.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                List<? extends Certificate> certificates = List.copyOf(
                        CertificateFactory.getInstance("X.509").generateCertificates(in));
                for (int i = 0; i < certificates.size(); i++) {
                    authorities.setCertificateEntry("ca-" + i, certificates.get(i));
                }
            }
            trust.init(authorities);
        } else {
            trust.init((KeyStore) null);
        }
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            char[] secret = keyStorePassword == null ? new char[0] : keyStorePassword.toCharArray();
            KeyStore own = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                own.load(in, secret);
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, secret);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static @Nullable Path readable(ConfigNode node, String key) {
        String value = node.optionalString(key);
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw node.error(key, "\"" + value + "\" is not a readable file");
        }
        return path;
    }

    @Override
    public String toString() {
        return url + " as " + clientId + (username == null ? "" : " (user " + username + ")");
    }
}
