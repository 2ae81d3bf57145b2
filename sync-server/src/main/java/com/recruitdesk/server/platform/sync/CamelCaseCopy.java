package com.recruitdesk.server.platform.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A row's JSON object (the database's text of a {@code jsonb}) rewritten with its top-level names in
 * camelCase ({@link RowJson#camel}) and its values byte for byte, without the spaces between
 * tokens: what a parse and a re-write give, in one pass over the bytes, which a first sync makes for
 * every row it sends. One buffer, reused row after row by one page.
 */
final class CamelCaseCopy {
    private byte[] buf = new byte[4096];
    private int len;

    /**
     * Rewrites {@code json} into this buffer. Returns false for a top-level name that is not plain
     * ASCII without escapes (never a column's), which the caller then copies token by token.
     */
    boolean copy(byte[] json) {
        len = 0;
        int i = skipSpace(json, 0);
        if (i >= json.length || json[i] != '{') {
            throw malformed("is not an object", json);
        }
        put((byte) '{');
        i = skipSpace(json, i + 1);
        boolean first = true;
        while (i < json.length && json[i] != '}') {
            if (!first) {
                if (json[i] != ',') {
                    throw malformed("lacks a comma", json);
                }
                i = skipSpace(json, i + 1);
                put((byte) ',');
            }
            first = false;
            int end = plainName(json, i);
            if (end < 0) {
                return false;
            }
            putCamel(json, i + 1, end);
            i = skipSpace(json, end + 1);
            if (i >= json.length || json[i] != ':') {
                throw malformed("lacks a colon", json);
            }
            put((byte) ':');
            i = skipSpace(json, copyValue(json, skipSpace(json, i + 1)));
        }
        if (i >= json.length) {
            throw malformed("ends early", json);
        }
        put((byte) '}');
        return true;
    }

    /** Writes what the last {@link #copy} made. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    /** The name between {@code from} and {@code to} in quotes, {@code snake_case} turned to camelCase. */
    private void putCamel(byte[] json, int from, int to) {
        put((byte) '"');
        boolean upper = false;
        boolean any = false;
        for (int k = from; k < to; k++) {
            byte b = json[k];
            if (b == '_') {
                upper = any;
            } else {
                put(upper && b >= 'a' && b <= 'z' ? (byte) (b - ('a' - 'A')) : b);
                upper = false;
                any = true;
            }
        }
        put((byte) '"');
    }

    /** The index of the closing quote of the plain name at {@code i}, or -1 when it is not one. */
    private static int plainName(byte[] json, int i) {
        if (i >= json.length || json[i] != '"') {
            return -1;
        }
        for (int k = i + 1; k < json.length; k++) {
            byte b = json[k];
            if (b == '"') {
                return k;
            }
            if (b == '\\' || b < 0x20) { // an escape, or (negative) a byte of a character beyond ASCII
                return -1;
            }
        }
        return -1;
    }

    /** Copies the value at {@code i}, spaces outside strings left out; returns the index after it. */
    private int copyValue(byte[] json, int i) {
        int depth = 0;
        while (i < json.length) {
            byte b = json[i];
            if (b == '"') {
                int end = stringEnd(json, i);
                put(json, i, end - i);
                i = end;
                if (depth == 0) {
                    return i;
                }
            } else if (b == '{' || b == '[') {
                depth++;
                put(b);
                i++;
            } else if (b == '}' || b == ']') {
                if (depth == 0) {
                    return i; // the row's own closing brace, after a number or a literal
                }
                depth--;
                put(b);
                i++;
                if (depth == 0) {
                    return i;
                }
            } else if (b == ',' && depth == 0) {
                return i;
            } else {
                if (!space(b)) {
                    put(b);
                }
                i++;
            }
        }
        throw malformed("ends inside a value", json);
    }

    /** The index after the string that opens at {@code i}, its escapes skipped. */
    private static int stringEnd(byte[] json, int i) {
        for (int k = i + 1; k < json.length; k++) {
            if (json[k] == '\\') {
                k++;
            } else if (json[k] == '"') {
                return k + 1;
            }
        }
        throw malformed("ends inside a string", json);
    }

    private static int skipSpace(byte[] json, int i) {
        while (i < json.length && space(json[i])) {
            i++;
        }
        return i;
    }

    private static boolean space(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private void put(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = b;
    }

    private void put(byte[] from, int offset, int count) {
        if (len + count > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + count));
        }
        System.arraycopy(from, offset, buf, len, count);
        len += count;
    }

    private static IllegalStateException malformed(String what, byte[] json) {
        String start = new String(json, 0, Math.min(json.length, 80), StandardCharsets.UTF_8);
        return new IllegalStateException("the database's JSON of a row " + what + ": " + start);
    }
}
