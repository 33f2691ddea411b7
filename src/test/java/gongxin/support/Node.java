package gongxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application in a JVM of its own (main classes only), on the test JVM's database. */
public final class Node implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    public final int port;
    private final Path log;

    private Node(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public String log() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A node whose connections name themselves {@code name} in pg_stat_activity; {@code extra} are more arguments. */
    public static Node start(Path dir, String name, String... extra) throws Exception {
        return start(dir, name, Path.of(TestDatabase.keyFile()), extra);
    }

    /** A node given its own key file (the test JVM's is shared by every other node). */
    public static Node start(Path dir, String name, Path keyFile, String... extra) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classpath = String.join(File.pathSeparator, Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).toList());
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-cp", classpath, "gongxin.GongxinApplication",
                "--server.port=0",
                "--server.shutdown=immediate",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl() + "?ApplicationName=" + name,
                "--spring.datasource.username=gongxin_app",
                "--spring.flyway.user=postgres",
                "--gongxin.keys.file=" + keyFile,
                "--gongxin.audit.checkpoint-file=" + dir.resolve("checkpoints.log"),
                "--gongxin.audit.checkpoint-cron=-",
                "--gongxin.data-dir=" + dir.resolve("data"),
                "--gongxin.demo.enabled=false",
                "--gongxin.collection.sync-max-size=1KB",
                "--gongxin.portal.warm-up-searches=0"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path log = dir.resolve("node.log");
        CompletableFuture<Integer> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Integer port = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = out.readLine()) != null) {
                    copy.println(line);
                    Matcher m = PORT.matcher(line);
                    if (m.find()) {
                        port = Integer.valueOf(m.group(1));
                    }
                    if (line.contains("Started GongxinApplication") && port != null) {
                        started.complete(port);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("the node stopped before it started"));
        }, "killed-node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Node(process, started.get(3, TimeUnit.MINUTES), log);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the node did not start; its output:\n"
                    + (Files.exists(log) ? Files.readString(log) : ""), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGKILL: no shutdown hook, no rollback sent; PostgreSQL finds the connections gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }
}
