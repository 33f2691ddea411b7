package gongxin.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link EmbeddedPostgresRestartTest}: starts the embedded server, writes a row, says READY and
 * waits to be killed with SIGKILL, leaving the postmaster behind as a real crash would.
 */
public final class OrphanMaker {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]),
                new GongxinProperties.EmbeddedDb(0, Duration.ofSeconds(60), "gongxin", "128MB", true));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('written before the crash')");
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
