package org.rai4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;

class CsvTableReaderFuzzTest {
    @FuzzTest
    void read_anyBytes_tableOrDataFileException(byte[] bytes) throws Exception {
        try {
            new CsvTableReader().read(new ByteArrayInputStream(bytes), "fuzz.csv", b -> { });
        } catch (DataFileException expected) {
            // documented domain error
        }
    }
}
