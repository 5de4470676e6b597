package org.rai4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slice of the data: a conjunction of attribute = value conditions, in a fixed attribute order.
 * The empty key is the whole data ("overall"). Immutable.
 *
 * @param attributes attribute (column) names
 * @param values     the value of each attribute, same length
 */
public record SliceKey(List<String> attributes, List<String> values) implements Comparable<SliceKey> {
    /** The whole data. */
    public static final SliceKey OVERALL = new SliceKey(List.of(), List.of());

    public SliceKey {
        Preconditions.checkArgument(attributes.size() == values.size(), "attributes and values must have equal length");
        attributes = List.copyOf(attributes);
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A one-attribute slice. */
    public static SliceKey of(String attribute, String value) {
        return new SliceKey(List.of(attribute), List.of(value));
    }

    /** Number of conditions: 0 for overall, 1 for a single attribute, more for intersections. */
    public int order() {
        return attributes.size();
    }

    /** True for the whole-data key. */
    public boolean isOverall() {
        return attributes.isEmpty();
    }

    /** The value of {@code attribute}, or null when the key does not constrain it. */
    public String value(String attribute) {
        int i = attributes.indexOf(attribute);
        return i < 0 ? null : values.get(i);
    }

    /** The key restricted to the given attributes (in their given order), keeping those it has. */
    public SliceKey project(List<String> keep) {
        List<String> a = new ArrayList<>();
        List<String> v = new ArrayList<>();
        for (String k : keep) {
            int i = attributes.indexOf(k);
            if (i >= 0) {
                a.add(k);
                v.add(values.get(i));
            }
        }
        return new SliceKey(a, v);
    }

    /** Attribute → value, in key order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.get(i), values.get(i));
        }
        return m;
    }

    @Override
    public int compareTo(SliceKey o) {
        int c = Integer.compare(order(), o.order());
        for (int i = 0; c == 0 && i < order(); i++) {
            c = attributes.get(i).compareTo(o.attributes.get(i));
            if (c == 0) {
                c = String.valueOf(values.get(i)).compareTo(String.valueOf(o.values.get(i)));
            }
        }
        return c;
    }

    /** {@code sex=F, age=young}, or {@code overall}. */
    @Override
    public String toString() {
        if (isOverall()) {
            return "overall";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(attributes.get(i)).append('=').append(values.get(i));
        }
        return sb.toString();
    }
}
