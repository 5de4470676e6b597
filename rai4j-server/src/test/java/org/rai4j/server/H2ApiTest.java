package org.rai4j.server;

import java.nio.file.Path;

/** The API suite on the embedded H2 file database (the default store). */
class H2ApiTest extends ApiSuite {
    @Override
    ServerOptions options(Path dataDir) {
        return ServerOptions.of(0, dataDir);
    }
}
