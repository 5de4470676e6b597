package org.rai4j.server;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered bodies of public read routes, valid until the next database write. Every statement that is not
 * a query moves the write generation on before it runs, and again when its handle closes (after its
 * transaction committed or rolled back); a body is served from the cache only while the generation it
 * was computed under is current. So a reader never gets a body older than the last committed write:
 * a body computed while a write was in flight carries the generation of that write's start and is
 * dropped at its end.
 *
 * <p>Misses are computed once: concurrent requests for the same key wait for the one computation in
 * flight instead of each taking a database connection (200 readers missing at once after a write would
 * otherwise queue on the pool). Thread-safe.
 */
final class ReadCache {
    /** More distinct keys than this (paths are client-chosen) clears the cache instead of growing it. */
    static final int MAX_ENTRIES = 2_000;

    private record Entry(long generation, long createdNanos, CompletableFuture<String> body) {}

    /** Computes a body (may throw the route's exceptions, which are not cached). */
    interface Body {
        String compute() throws Exception;
    }

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Connection> writing = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** Invalidates on every write through {@code jdbi}. */
    ReadCache(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                if (!isQuery(ctx.getRawSql())) {
                    writing.add(ctx.getConnection());
                    generation.incrementAndGet();
                }
            }

            @Override
            public void afterExecution(PreparedStatement stmt, StatementContext ctx) {
                if (!isQuery(ctx.getRawSql())) {
                    generation.incrementAndGet();
                }
            }
        });
        jdbi.getConfig(Handles.class).addListener(new HandleListener() {
            @Override
            public void handleClosed(Handle handle) {
                if (writing.remove(handle.getConnection())) {
                    generation.incrementAndGet();
                }
            }
        });
    }

    static boolean isQuery(String sql) {
        String s = sql.stripLeading();
        return s.length() >= 6 && s.substring(0, 6).toUpperCase(Locale.ROOT).equals("SELECT");
    }

    /** The body under {@code key}: cached while no write happened since it was computed, else computed now. */
    String get(String key, Body body) throws Exception {
        return get(key, Long.MAX_VALUE, body);
    }

    /**
     * As {@link #get(String, Body)}, and recomputed when older than {@code maxAgeNanos} even without a write
     * (for bodies that say something about now, e.g. that the database answers).
     */
    String get(String key, long maxAgeNanos, Body body) throws Exception {
        while (true) {
            long g = generation.get();
            long now = System.nanoTime();
            Entry e = entries.get(key);
            if (e != null && e.generation() == g && now - e.createdNanos() <= maxAgeNanos) {
                try {
                    return e.body().get();
                } catch (ExecutionException failed) {
                    // the request computing it failed (e.g. 404): the same path fails the same way
                    throw rethrow(failed.getCause());
                }
            }
            Entry mine = new Entry(g, now, new CompletableFuture<>());
            boolean installed = e == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, e, mine);
            if (!installed) {
                continue;   // another request started the computation: wait for that one
            }
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
            try {
                String b = body.compute();
                mine.body().complete(b);
                return b;
            } catch (Exception | Error failed) {
                mine.body().completeExceptionally(failed);
                entries.remove(key, mine);
                throw failed;
            }
        }
    }

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Error err) {
            throw err;
        }
        return (Exception) cause;
    }

    /** Drops every cached body (for writes that do not go through JDBI). */
    void invalidate() {
        generation.incrementAndGet();
    }
}
