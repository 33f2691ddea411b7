package gongxin.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Keeps work to one node of a cluster with a PostgreSQL session advisory lock, so that several instances behind a
 * load balancer can run the same scheduled jobs and start-up tasks safely. The lock dies with its connection, so a
 * crashed node never leaves it held.
 */
@Component
public class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final DataSource dataSource;
    private final String nodeId = java.util.UUID.randomUUID().toString();
    private Connection lifeline;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * This node, for work that must be found again if the node dies (a batch being stored): a new id at every start,
     * whose lock {@code node:<id>} this node holds on a connection of its own for its whole life.
     */
    public synchronized String nodeId() {
        if (lifeline == null) {
            try {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                acquire(connection, "node:" + nodeId, true);
                lifeline = connection;
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("node lifeline", e);
            }
        }
        return nodeId;
    }

    /**
     * Whether the node {@code id} is running: its lifeline lock is held. PostgreSQL releases it when the node's
     * connection ends, so a killed node is known dead as soon as its connection is gone.
     */
    public boolean alive(String id) {
        if (id.equals(nodeId)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                if (acquire(connection, "node:" + id, false)) {
                    release(connection, "node:" + id);
                    return false;
                }
                return true;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("node liveness " + id, e);
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() throws SQLException {
        if (lifeline != null) {
            lifeline.close();
            lifeline = null;
        }
    }

    /**
     * Runs {@code work} if no other node (or thread) holds the lock {@code name}; returns whether it ran. Scheduled
     * jobs use this: a job skipped here runs again at its next trigger, so jobs must be idempotent.
     */
    public boolean runIfFree(String name, Runnable work) {
        return withLock(name, false, () -> {
            work.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Waits for the lock {@code name} and runs {@code work} while holding it (for start-up tasks such as seeding). */
    public <T> T runExclusively(String name, Supplier<T> work) {
        return withLock(name, true, work);
    }

    private <T> T withLock(String name, boolean wait, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                if (!acquire(connection, name, wait)) {
                    log.debug("Lock {} is held elsewhere; skipping", name);
                    return null;
                }
                try {
                    return work.get();
                } finally {
                    release(connection, name);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cluster lock " + name, e);
        }
    }

    private static boolean acquire(Connection connection, String name, boolean wait) throws SQLException {
        String sql = wait ? "select pg_advisory_lock(hashtextextended(?, 0)), true"
                : "select pg_try_advisory_lock(hashtextextended(?, 0))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "gongxin:" + name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return wait || rs.getBoolean(1);
            }
        }
    }

    private static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
            statement.setString(1, "gongxin:" + name);
            statement.execute();
        } catch (SQLException e) {
            // never hand a pooled connection back still holding a lock
            try (PreparedStatement all = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                all.execute();
            }
            throw e;
        }
    }
}
