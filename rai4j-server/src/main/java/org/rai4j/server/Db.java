package org.rai4j.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;

/**
 * The platform's database: a HikariCP pool, JDBI on top, the schema migrated by Flyway on start.
 * Embedded H2 in file mode (PostgreSQL compatibility mode, every commit written through) by default,
 * PostgreSQL 15 with {@code --db jdbc:postgresql://…}.
 */
final class Db implements AutoCloseable {
    final Jdbi jdbi;
    final boolean postgres;
    final String description;
    private final HikariDataSource pool;

    private Db(HikariDataSource pool, boolean postgres, String description) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.postgres = postgres;
        this.description = description;
    }

    /** The embedded H2 URL for {@code dataDir}. */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rai4j") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
    }

    static Db open(ServerOptions o, StartupPhases phases) {
        String url = o.jdbcUrl() == null ? h2Url(o.dataDir()) : o.jdbcUrl();
        boolean pg = url.startsWith("jdbc:postgresql:");
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        if (o.dbUser() != null) {
            c.setUsername(o.dbUser());
        }
        if (o.dbPassword() != null) {
            c.setPassword(o.dbPassword());
        }
        c.setMaximumPoolSize(Math.max(8, o.workers() + 6));
        c.setPoolName("rai4j-db");
        c.setInitializationFailTimeout(10_000);
        c.setConnectionTimeout(10_000);
        String where = pg ? url.replaceAll("password=[^&]*", "password=…") : "H2 file " + o.dataDir().toAbsolutePath().resolve("rai4j.mv.db");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(c);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String hint = pg ? " (is PostgreSQL running, and do the database, user and password in --db exist?)"
                    : String.valueOf(root.getMessage()).contains("already in use") || String.valueOf(root.getMessage()).contains("locked")
                    ? " (another 'rai4j serve' is using this --data-dir; stop it or choose another folder)" : "";
            throw new IllegalStateException("cannot open the database " + where + ": " + root.getMessage() + hint, e);
        }
        phases.lap("database open");
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            ds.close();
            throw new IllegalStateException("cannot migrate the database " + where + " to the platform schema: " + e.getMessage(), e);
        }
        phases.lap("migrations");
        return new Db(ds, pg, where);
    }

    @Override
    public void close() {
        pool.close();
    }
}
