package org.rai4j.server;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read cache on a real (in-memory H2) database: writes invalidate, misses are computed once. */
class ReadCacheTest {
    private Jdbi jdbi;
    private ReadCache cache;
    private final AtomicInteger computed = new AtomicInteger();

    @BeforeEach
    void setUp() {
        jdbi = Jdbi.create("jdbc:h2:mem:readcache" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        cache = new ReadCache(jdbi);
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (v INT)"));
    }

    private String count() {
        computed.incrementAndGet();
        return Long.toString(jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one()));
    }

    @Test
    void get_withoutWrites_computesOnce() throws Exception {
        assertThat(cache.get("k", this::count)).isEqualTo("0");
        assertThat(cache.get("k", this::count)).isEqualTo("0");
        assertThat(computed).hasValue(1);
    }

    @Test
    void get_afterAWrite_recomputes() throws Exception {
        cache.get("k", this::count);
        jdbi.useHandle(h -> h.execute("INSERT INTO t VALUES (1)"));
        assertThat(cache.get("k", this::count)).isEqualTo("1");
        assertThat(computed).hasValue(2);
    }

    @Test
    void writeToATableTheBodyDoesNotRead_keepsIt_andAWriteOfUnknownTableDropsIt() throws Exception {
        jdbi.useHandle(h -> h.execute("CREATE TABLE other (v INT)"));
        cache.get("k", this::count);
        jdbi.useHandle(h -> h.execute("INSERT INTO other VALUES (1)"));
        jdbi.useTransaction(h -> h.execute("UPDATE other SET v = 2"));
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
        assertThat(cache.get("k", this::count)).isEqualTo("0");
        assertThat(computed).hasValue(1);
        jdbi.useHandle(h -> h.execute("CREATE TABLE third (v INT)"));
        cache.get("k", this::count);
        assertThat(computed).hasValue(2);
    }

    @Test
    void sqlTables_readAndWritten() {
        assertThat(ReadCache.readTables("SELECT m.id, (SELECT COALESCE(MAX(v.version), -1) FROM model_versions v WHERE "
                + "v.model_id = m.id) AS latest FROM models m JOIN bounties b ON b.model_id = m.id"))
                .containsExactlyInAnyOrder("model_versions", "models", "bounties");
        assertThat(ReadCache.writeTable("INSERT INTO submissions (id) VALUES (:id)")).isEqualTo("submissions");
        assertThat(ReadCache.writeTable("  update Submissions SET status = 'x'")).isEqualTo("submissions");
        assertThat(ReadCache.writeTable("DELETE FROM sessions WHERE id = 1")).isEqualTo("sessions");
        assertThat(ReadCache.writeTable("CREATE TABLE x (v INT)")).isNull();
        assertThat(ReadCache.isQuery(" select 1")).isTrue();
        assertThat(ReadCache.isCheckpoint("CHECKPOINT")).isTrue();
    }

    @Test
    void bodyComputedDuringAnOpenTransaction_isNotServedAfterItCommits() throws Exception {
        cache.get("k", this::count);
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO t VALUES (1)");
            // another connection reads before the commit: it sees 0 and caches it
            String during = CompletableFuture.supplyAsync(() -> {
                try {
                    return cache.get("k", this::count);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(during).isEqualTo("0");
        });
        assertThat(cache.get("k", this::count)).isEqualTo("1");
    }

    @Test
    void concurrentMisses_shareOneComputation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return cache.get("k", () -> {
                    started.countDown();
                    release.await();
                    return count();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                return cache.get("k", this::count);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("0");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("0");
        assertThat(computed).hasValue(1);
    }

    @Test
    void failures_areNotCached() throws Exception {
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw ApiException.notFound("no such thing");
        })).isInstanceOf(ApiException.class);
        assertThat(cache.get("k", this::count)).isEqualTo("0");
    }

    @Test
    void maxAge_recomputesWithoutAWrite() throws Exception {
        cache.get("k", 0, this::count);
        cache.get("k", 0, this::count);
        assertThat(computed).hasValue(2);
    }
}
