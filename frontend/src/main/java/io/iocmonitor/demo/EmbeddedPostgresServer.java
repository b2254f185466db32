package io.iocmonitor.demo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * A real PostgreSQL for the demo, from the binaries zonky ships on Maven Central, in a temporary folder on a free
 * port of 127.0.0.1. PostgreSQL refuses to run as root, so as root it runs as {@code nobody} (through
 * {@code runuser}); zonky's own launcher cannot, which is why this one exists.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path home;
    private final Path data;
    private final List<String> runAs;
    private final int port;

    private EmbeddedPostgresServer(Path home, Path data, List<String> runAs, int port) {
        this.home = home;
        this.data = data;
        this.runAs = runAs;
        this.port = port;
    }

    static EmbeddedPostgresServer start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("ioc-postgres-");
        Path binaries = home.resolve("pg");
        Path data = home.resolve("data");
        Path sockets = home.resolve("run");
        unpack(binaries);
        Files.createDirectories(data);
        Files.createDirectories(sockets);
        List<String> runAs = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", UNPRIVILEGED_USER + ":", home.toString()), home, "chown");
            Files.setPosixFilePermissions(home, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_EXECUTE));
            runAs = List.of("runuser", "-u", UNPRIVILEGED_USER, "--");
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, data, runAs, LocalResources.freePort());
        try {
            server.initdb(binaries);
            server.pgCtl(binaries, "start", "-w", "-t", "60", "-l", home.resolve("postgres.log").toString(), "-o",
                    "-p " + server.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + sockets
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        } catch (IOException | InterruptedException e) {
            LocalResources.deleteQuietly(home);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "ioc-postgres-stop"));
        return server;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        stopQuietly();
    }

    private synchronized void stopQuietly() {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            pgCtl(home.resolve("pg"), "stop", "-m", "fast", "-w");
        } catch (IOException | InterruptedException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.toString());
        }
        LocalResources.deleteQuietly(home);
    }

    private void initdb(Path binaries) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF-8", "--locale=C", "-D", data.toString()));
        run(command, home, "initdb");
    }

    private void pgCtl(Path binaries, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(runAs);
        command.add(binaries.resolve("bin/pg_ctl").toString());
        command.add("-D");
        command.add(data.toString());
        command.addAll(List.of(arguments));
        run(command, home, "pg_ctl " + arguments[0]);
    }

    private static void run(List<String> command, Path directory, String what)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("embedded PostgreSQL: " + what + " failed: " + output.strip());
        }
    }

    // The zonky bundle is a .txz of bin/, lib/ and share/ with symbolic links and Unix modes to keep.
    private static void unpack(Path target) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64v8" : "amd64";
        try (InputStream bundle = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new XZCompressorInputStream(new BufferedInputStream(bundle)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("unexpected path in the PostgreSQL bundle: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }


}
