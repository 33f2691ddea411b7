package gongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReplicaLagTest {

    private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

    @Nested
    class CaughtUp {

        @Test
        void a_replica_that_has_replayed_what_the_primary_had_max_lag_ago_serves_though_the_primary_moved_on() {
            ReplicaLag lag = new ReplicaLag(Duration.ofSeconds(10));
            lag.caughtUp(T, 1_000, 1_000L);
            lag.caughtUp(T.plusSeconds(5), 2_000, 1_500L);
            assertThat(lag.caughtUp(T.plusSeconds(10), 3_000, 1_000L)).as("at the primary's position of 10 s ago").isTrue();
            assertThat(lag.caughtUp(T.plusSeconds(15), 4_000, 1_999L)).as("short of the position of 10 s ago").isFalse();
            assertThat(lag.caughtUp(T.plusSeconds(16), 4_000, 2_000L)).isTrue();
        }

        @Test
        void an_idle_primary_does_not_make_a_caught_up_replica_old() {
            ReplicaLag lag = new ReplicaLag(Duration.ofSeconds(10));
            for (int s = 0; s <= 600; s += 60) {
                assertThat(lag.caughtUp(T.plusSeconds(s), 5_000, 5_000L)).isTrue();
            }
        }

        @Test
        void until_an_observation_is_max_lag_old_the_replica_must_reach_the_first_one() {
            ReplicaLag lag = new ReplicaLag(Duration.ofHours(1));
            assertThat(lag.caughtUp(T, 1_000, 999L)).isFalse();
            assertThat(lag.caughtUp(T.plusSeconds(1), 9_000, 1_000L)).isTrue();
        }
    }

    @Nested
    class NotAStandby {

        @Test
        void a_database_that_reports_no_replay_position_never_serves() {
            assertThat(new ReplicaLag(Duration.ofSeconds(10)).caughtUp(T, 1_000, null)).isFalse();
        }
    }

    @Test
    void positions_read_as_pg_lsn_text() {
        assertThat(ReplicaLag.lsn("0/0")).isZero();
        assertThat(ReplicaLag.lsn("16/B374D848")).isEqualTo(0x16_B374D848L);
        assertThat(ReplicaLag.lsn("1/0")).isGreaterThan(ReplicaLag.lsn("0/FFFFFFFF"));
    }
}
