package io.iocmonitor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real services integration tests run against: the machine's PostgreSQL on 127.0.0.1:5432 and Mosquitto on
 * 127.0.0.1:1883 when they are up (each test run in a fresh database of its own), else the application's embedded
 * PostgreSQL and MQTT broker.
 */
public final class TestServices {

    public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private TestServices() {
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Command-line arguments for the application: the machine's services where present, without the simulator, so
     * that tests count only what they publish.
     */
    public static List<String> applicationArguments(String databaseName) throws IOException, SQLException {
        List<String> args = new ArrayList<>();
        args.add("--ioc.simulator.enabled=false");
        args.add("--ioc.demo.users=true");
        if (isListening(5432)) {
            args.add("--spring.datasource.url=" + createDatabase(databaseName));
            args.add("--spring.datasource.username=postgres");
        }
        if (isListening(1883)) {
            args.add("--ioc.mqtt.url=tcp://127.0.0.1:1883");
            args.add("--ioc.mqtt.session-expiry=60s");
        } else {
            args.add("--ioc.mqtt.embedded.port=" + freePort());
        }
        args.add("--ioc.mqtt.client-id=ioc-it-" + UUID.randomUUID());
        return args;
    }

    /** Creates an empty database on the machine's PostgreSQL and returns its JDBC URL. */
    public static String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    public static void dropDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
