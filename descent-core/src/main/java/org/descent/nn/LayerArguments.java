package org.descent.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.descent.DescentException;

/**
 * The arguments of one layer in a {@link LayerSpec}, by name, as they appear in a model file's
 * JSON ({@code {"kind": "linear", "out": 256}} has the argument {@code out = 256}). A value is a
 * whole number (kept as {@code Long}), a finite {@code Double}, a {@code Boolean} or a
 * {@code String}; the getters check the type and the range and name the argument in their error.
 */
public record LayerArguments(Map<String, Object> values) {

    public LayerArguments {
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNull(values, "values").forEach((name, value) -> copy.put(name, normalized(name, value)));
        values = Collections.unmodifiableMap(copy);
    }

    private static Object normalized(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new DescentException("layer argument '" + name + "' is " + d + "; expected a finite number");
            }
            return d;
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw new DescentException("layer argument '" + name + "' is " + value
                + "; expected a whole number, a number, true/false or a string");
    }

    /** No arguments. */
    public static LayerArguments none() {
        return new LayerArguments(Map.of());
    }

    /** Arguments from name, value pairs: {@code of("out", 256)}. */
    public static LayerArguments of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new DescentException("LayerArguments.of needs name, value pairs, got " + namesAndValues.length + " items");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new LayerArguments(values);
    }

    /** A required size: a whole number in [1, 2³¹ − 1]. */
    public int size(String name) {
        Object value = values.get(name);
        if (!(value instanceof Long n) || n <= 0 || n > Integer.MAX_VALUE) {
            throw new DescentException("argument '" + name + "' is " + (value == null ? "missing" : value)
                    + "; expected a positive whole number (a size)");
        }
        return (int) (long) n;
    }

    /** An optional number (a whole number is accepted too), {@code fallback} when absent. */
    public double number(String name, double fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n)) {
            throw new DescentException("argument '" + name + "' is " + value + "; expected a number");
        }
        return n.doubleValue();
    }

    /** An optional true/false, {@code fallback} when absent. */
    public boolean flag(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new DescentException("argument '" + name + "' is " + value + "; expected true or false");
        }
        return b;
    }

    /** An optional string, {@code fallback} when absent. */
    public String text(String name, String fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new DescentException("argument '" + name + "' is " + value + "; expected a string");
        }
        return s;
    }

    /**
     * Equal names with equal values, numbers compared by value: {@code 1} (read from a file) equals
     * {@code 1.0} (given by a layer's describer).
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LayerArguments that) || !values.keySet().equals(that.values.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object a = e.getValue();
            Object b = that.values.get(e.getKey());
            boolean same = a instanceof Number x && b instanceof Number y
                    ? Double.compare(x.doubleValue(), y.doubleValue()) == 0 : a.equals(b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            hash += e.getKey().hashCode() ^ (v instanceof Number n ? Double.hashCode(n.doubleValue()) : v.hashCode());
        }
        return hash;
    }

    /** {@code out=256, bias=true}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach((name, value) -> joiner.add(name + "=" + value));
        return joiner.toString();
    }
}
