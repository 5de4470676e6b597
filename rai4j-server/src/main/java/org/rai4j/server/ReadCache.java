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
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rendered bodies of public read routes, valid until a database write to a table they read. While a body
 * is computed, the tables named in the FROM and JOIN clauses of its queries are recorded as its
 * dependencies. Every write statement moves its table's generation on before it runs and again when its
 * handle closes (after its transaction committed or rolled back); a write whose table cannot be read from
 * its SQL moves every table on. A body is served only while the generations of its tables are still those
 * taken before it was computed. So a reader never gets a body older than the last committed write to a
 * table it reads: a body computed while such a write was in flight carries the generation of that write's
 * start and is dropped at its end.
 *
 * <p>Misses are computed once, by the request that finds the body out of date; it waits for its own
 * computation, so a client that reads after its write sees it. Requests arriving while that computation
 * runs get the previous body (stale by at most the writes since it, and only for as long as one
 * computation takes) when there is one, else wait for the computation. Without this, 200 readers
 * missing at once after each write would queue on the database pool and then on each other; on a loaded
 * machine the one computing thread gets little CPU and the readers' latency became the recompute's.
 * Thread-safe.
 */
final class ReadCache {
    /** More distinct keys than this (paths are client-chosen) clears the cache instead of growing it. */
    static final int MAX_ENTRIES = 2_000;

    private static final Pattern READ_TABLE = Pattern.compile("(?i)\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE_TABLE = Pattern.compile(
            "(?i)^\\s*(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([a-z_][a-z0-9_]*)");

    /** A computed body with the tables it read and their generations (summed) before it was computed. */
    private record Done(String body, Set<String> tables, long stamp, long createdNanos) {}

    /**
     * A key's body, being computed or done; {@code writesAtStart} is {@link #writes} when it started;
     * {@code previous} the last body computed before it (served to other readers while this one computes).
     */
    private record Entry(long writesAtStart, CompletableFuture<Done> done, Done previous) {}

    /** Computes a body (may throw the route's exceptions, which are not cached). */
    interface Body {
        String compute() throws Exception;
    }

    /** Every write statement moves this on (a waiter only joins a computation that no write overtook). */
    private final AtomicLong writes = new AtomicLong();
    /** Writes whose table is unknown: part of every stamp. */
    private final AtomicLong unknownWrites = new AtomicLong();
    private final Map<String, AtomicLong> tables = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Tables each open handle wrote, moved on again when the handle closes. */
    private final Map<Connection, Set<String>> writing = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The tables read by the computation running on this thread, or null. */
    private final ThreadLocal<Set<String>> reading = new ThreadLocal<>();

    /** Invalidates on every write through {@code jdbi} and records what computations read. */
    ReadCache(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                String sql = ctx.getRawSql();
                if (isQuery(sql)) {
                    Set<String> r = reading.get();
                    if (r != null) {
                        r.addAll(readTables(sql));
                    }
                } else if (!isCheckpoint(sql)) {
                    String table = writeTable(sql);
                    writing.computeIfAbsent(ctx.getConnection(), c -> Collections.synchronizedSet(new HashSet<>())).add(
                            table == null ? "" : table);
                    moveOn(table);
                }
            }

            @Override
            public void afterExecution(PreparedStatement stmt, StatementContext ctx) {
                String sql = ctx.getRawSql();
                if (!isQuery(sql) && !isCheckpoint(sql)) {
                    moveOn(writeTable(sql));
                }
            }
        });
        jdbi.getConfig(Handles.class).addListener(new HandleListener() {
            @Override
            public void handleClosed(Handle handle) {
                Set<String> wrote = writing.remove(handle.getConnection());
                if (wrote != null) {
                    synchronized (wrote) {
                        wrote.forEach(t -> moveOn(t.isEmpty() ? null : t));
                    }
                }
            }
        });
    }

    private void moveOn(String table) {
        if (table == null) {
            unknownWrites.incrementAndGet();
        } else {
            tables.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
        }
        writes.incrementAndGet();
    }

    static boolean isQuery(String sql) {
        String s = sql.stripLeading();
        return s.regionMatches(true, 0, "SELECT", 0, 6) || s.regionMatches(true, 0, "WITH", 0, 4);
    }

    static boolean isCheckpoint(String sql) {
        return sql.stripLeading().regionMatches(true, 0, "CHECKPOINT", 0, 10);
    }

    /** The tables a query reads (FROM and JOIN clauses, subqueries included), lower case. */
    static Set<String> readTables(String sql) {
        Set<String> t = new HashSet<>();
        Matcher m = READ_TABLE.matcher(sql);
        while (m.find()) {
            t.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return t;
    }

    /** The table an INSERT, UPDATE, DELETE or MERGE writes, lower case; null when the SQL does not say plainly. */
    static String writeTable(String sql) {
        Matcher m = WRITE_TABLE.matcher(sql);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The summed generations of {@code deps}: from {@code snapshot}, or now when it is null. */
    private long tableSum(Set<String> deps, Map<String, Long> snapshot) {
        long s = 0;
        for (String t : deps) {
            if (snapshot != null) {
                s += snapshot.getOrDefault(t, 0L);
            } else {
                AtomicLong now = tables.get(t);
                s += now == null ? 0 : now.get();
            }
        }
        return s;
    }

    /** The body under {@code key}: cached while no table it read was written since it was computed, else computed now. */
    String get(String key, Body body) throws Exception {
        return get(key, Long.MAX_VALUE, body);
    }

    /**
     * As {@link #get(String, Body)}, and recomputed when older than {@code maxAgeNanos} even without a write
     * (for bodies that say something about now, e.g. that the database answers).
     */
    String get(String key, long maxAgeNanos, Body body) throws Exception {
        while (true) {
            long writesNow = writes.get();
            Entry e = entries.get(key);
            Done previous = null;
            if (e != null) {
                if (!e.done().isDone()) {
                    if (e.previous() != null) {
                        return e.previous().body();   // another request is computing a newer body
                    }
                    if (e.writesAtStart() == writesNow) {
                        return await(e).body();   // first computation of this key, no write since it started
                    }
                    previous = null;
                } else if (!e.done().isCompletedExceptionally()) {
                    Done d = e.done().join();
                    if (unknownWrites.get() + tableSum(d.tables(), null) == d.stamp() && System.nanoTime() - d.createdNanos() <= maxAgeNanos) {
                        return d.body();
                    }
                    previous = d;
                }
            }
            Entry mine = new Entry(writesNow, new CompletableFuture<>(), previous);
            boolean installed = e == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, e, mine);
            if (!installed) {
                continue;   // another request changed the entry meanwhile: look again
            }
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
            return compute(key, mine, body).body();
        }
    }

    private Done compute(String key, Entry mine, Body body) throws Exception {
        Map<String, Long> snapshot = new HashMap<>();
        long unknown = unknownWrites.get();
        tables.forEach((t, g) -> snapshot.put(t, g.get()));
        long created = System.nanoTime();
        Set<String> read = new HashSet<>();
        reading.set(read);
        try {
            String b = body.compute();
            Done d = new Done(b, Set.copyOf(read), unknown + tableSum(read, snapshot), created);
            mine.done().complete(d);
            return d;
        } catch (Exception | Error failed) {
            mine.done().completeExceptionally(failed);
            entries.remove(key, mine);
            throw failed;
        } finally {
            reading.remove();
        }
    }

    private static Done await(Entry e) throws Exception {
        try {
            return e.done().get();
        } catch (ExecutionException failed) {
            // the request computing it failed (e.g. 404): the same path fails the same way
            Throwable cause = failed.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw (Exception) cause;
        }
    }

    /** Drops every cached body (for writes that do not go through JDBI). */
    void invalidate() {
        moveOn(null);
    }
}
