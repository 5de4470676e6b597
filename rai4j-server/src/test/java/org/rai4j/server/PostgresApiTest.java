package org.rai4j.server;

import java.nio.file.Path;

/** The same API suite on a real PostgreSQL 15 (a private cluster started by the tests; see {@link PostgresCluster}). */
class PostgresApiTest extends ApiSuite {
    private String url;

    @Override
    ServerOptions options(Path dataDir) throws Exception {
        if (url == null) {
            url = PostgresCluster.get().newDatabase();
        }
        return ServerOptions.of(0, dataDir).withDatabase(url, null, null);
    }
}
