package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.PullResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A pull page's JSON (the wire shape of {@link PullResponse}) written with the streaming generator,
 * one change at a time, so no page is ever a tree of nodes or a list of records (decision 0044).
 * A row the reader sees whole — nearly every row a recruiter pulls — is copied from the database's
 * text into the page in one pass over its bytes ({@link CamelCaseCopy}), its top-level names turned
 * into camelCase on the way; a row the reader sees only in part ({@link Projection}) or that SALES
 * may not hold ({@link SalesScope}) is read into a tree and decided exactly as before.
 *
 * <p>The page is written into memory, not into the response: a fault halfway still answers a proper
 * error, the transaction never waits for a slow client, and concurrent equal pulls share the bytes.
 */
final class PageJson {
    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final Visibility who;
    private final ByteArrayBuilder out;
    private final JsonGenerator gen;
    private final CamelCaseCopy copy = new CamelCaseCopy();
    private int written;

    PageJson(ObjectMapper mapper, Visibility who) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
        this.who = who;
        this.out = new ByteArrayBuilder(64 * 1024);
        try {
            this.gen = factory.createGenerator(out, JsonEncoding.UTF8);
            gen.writeStartObject();
            gen.writeArrayFieldStart("changes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole page that is not a list of rows (a reset, an empty feed). */
    static byte[] of(ObjectMapper mapper, PullResponse response) {
        try {
            return mapper.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many changes were written so far. */
    int written() {
        return written;
    }

    /** Writes one feed entry as the reader may have it. */
    void change(ChangeFeed.Row row) {
        try {
            String op = row.op();
            boolean upsert = Change.UPSERT.equals(op) && row.data() != null;
            ObjectNode tree = null;
            if (upsert && !Projection.whole(row.entity(), who, row.addressed())) {
                ObjectNode raw = RowJson.parse(mapper, new String(row.data(), StandardCharsets.UTF_8));
                tree = Projection.forReader(row.entity(), raw, who, row.addressed());
                if (tree == null) {
                    op = Change.DELETE; // e.g. a job without a client: not sales' to hold
                    upsert = false;
                }
            }
            gen.writeStartObject();
            gen.writeStringField("entity", row.entity());
            gen.writeStringField("id", row.id().toString());
            gen.writeStringField("op", op);
            gen.writeNumberField("version", row.version());
            if (upsert) {
                gen.writeFieldName("data");
                if (tree != null) {
                    gen.writeTree(RowJson.camelCase(mapper, tree));
                } else {
                    copyCamelCase(row.data());
                }
            }
            gen.writeNumberField("seq", row.seq());
            gen.writeEndObject();
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row's JSON object copied into the page, top-level names in camelCase, values untouched. */
    private void copyCamelCase(byte[] json) throws IOException {
        if (copy.copy(json)) {
            // The generator writes the colon after "data" and takes the object as written; the bytes
            // go straight into the page behind what it has flushed.
            gen.writeRawValue("");
            gen.flush();
            copy.writeTo(out);
            return;
        }
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a row is a JSON object, not " + p.currentToken());
            }
            gen.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                gen.writeFieldName(RowJson.camel(p.currentName()));
                p.nextToken();
                gen.copyCurrentStructure(p);
            }
            gen.writeEndObject();
        }
    }

    /**
     * Ends the page as {@code {"changes":[…]}} alone, for a poke that carries it (decision 0047): the
     * poke puts its own cursors in front, which differ with each reader's access epoch.
     */
    byte[] finishChanges() {
        try {
            gen.writeEndArray();
            gen.writeEndObject();
            gen.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the page with where to pull next; {@code total} only on a snapshot's first page. */
    byte[] finish(String cursor, boolean hasMore, Long total) {
        try {
            gen.writeEndArray();
            gen.writeStringField("cursor", cursor);
            gen.writeBooleanField("hasMore", hasMore);
            if (total != null) {
                gen.writeNumberField("total", total);
            }
            gen.writeBooleanField("reset", false);
            gen.writeEndObject();
            gen.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
