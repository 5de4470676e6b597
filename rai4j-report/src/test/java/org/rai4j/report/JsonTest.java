package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    @Test
    void nonFiniteNumbers_areNullInTreesMapsAndLines() {
        ObjectNode o = Json.object();
        Json.put(o, "nan", Double.NaN);
        Json.put(o, "inf", Double.POSITIVE_INFINITY);
        Json.putCount(o, "count", 3.0);
        Json.put(o, "x", 0.5);
        assertThat(Json.line(o)).isEqualTo("{\"nan\":null,\"inf\":null,\"count\":3,\"x\":0.5}");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", Double.NEGATIVE_INFINITY);
        m.put("b", List.of(1.0, Double.NaN));
        m.put("c", 2.5);
        assertThat(Json.line(m)).isEqualTo("{\"a\":null,\"b\":[1.0,null],\"c\":2.5}");
        assertThat(Json.document(Json.tree(m))).isEqualTo("{\n  \"a\" : null,\n  \"b\" : [ 1.0, null ],\n  \"c\" : 2.5\n}");
        assertThat(Json.lines(List.of(m, m))).hasLineCount(2).endsWith("}\n");
    }
}
