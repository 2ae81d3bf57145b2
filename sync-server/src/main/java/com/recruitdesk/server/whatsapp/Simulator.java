package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.blobs.StoredBlob;
import com.recruitdesk.server.people.WhatsAppIdentity;
import com.recruitdesk.server.platform.db.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded provider for demos and development: it accepts every send and, like Meta, reports
 * it sent, then delivered after {@link #DELIVERED_AFTER} and read after {@link #READ_AFTER}, as
 * status webhooks in Meta's format through the same ingest. A text containing {@code [fail]} is
 * reported failed (131026, undeliverable) instead, so the UI's failure path can be shown. It takes
 * every upload, serves the demo's media ids ({@link SimulatedMedia}) and the files an administrator
 * injects.
 */
final class Simulator implements WhatsAppProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    static final Duration DELIVERED_AFTER = Duration.ofMillis(1_000);
    static final Duration READ_AFTER = Duration.ofMillis(2_500);

    /** Media ids of files an administrator injected: the rest of the id is the blob's. */
    static final String BLOB_MEDIA_PREFIX = "sim-blob-";

    private final WebhookIngest ingest;
    private final Database database;
    private final Blobs blobs;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("whatsapp-simulator").daemon().factory());

    Simulator(WebhookIngest ingest, Database database, Blobs blobs, ObjectMapper mapper, Clock clock) {
        this.ingest = ingest;
        this.database = database;
        this.blobs = blobs;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        String wamid =
                "wamid.SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        boolean fail = message.body() != null && message.body().contains("[fail]");
        later(message, wamid, fail ? "failed" : "delivered", DELIVERED_AFTER);
        if (!fail) {
            later(message, wamid, "read", READ_AFTER);
        }
        return new SendOutcome.Accepted(wamid);
    }

    private void later(OutboundMessage message, String wamid, String status, Duration after) {
        timer.schedule(
                () -> {
                    ObjectNode value = mapper.createObjectNode();
                    ObjectNode s = value.putArray("statuses").addObject();
                    s.put("id", wamid);
                    s.put("status", status);
                    s.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
                    if (message.toUserId()) {
                        s.put("recipient_user_id", message.to());
                    } else if (message.to() != null) {
                        s.put("recipient_id", message.to().substring(1));
                    }
                    if ("failed".equals(status)) {
                        ObjectNode error = s.putArray("errors").addObject();
                        error.put("code", 131026);
                        error.put("title", "Message undeliverable");
                        error.put("message", "Message undeliverable");
                        error.putObject("error_data")
                                .put("details", "The simulator fails messages that contain [fail].");
                    }
                    try {
                        ingest.applyFor(message.account(), value);
                    } catch (SQLException e) {
                        LOG.warn("The simulator could not report {} for {}: {}", status, wamid, e.getMessage());
                    }
                },
                after.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Injects an inbound text from {@code sender} as if Meta had delivered it, naming them by
     * whichever of their ids is known, as Meta does; returns its wamid.
     */
    String inbound(WhatsAppAccount account, WhatsAppIdentity sender, String text) throws SQLException {
        return inject(account, sender, m -> {
            m.put("type", "text");
            m.putObject("text").put("body", text);
        });
    }

    /**
     * Injects an inbound photo, video, audio or document (by the file's MIME type) whose file is the
     * blob {@code file}; the media task downloads it as it would from Meta. Returns its wamid.
     */
    String inboundMedia(WhatsAppAccount account, WhatsAppIdentity sender, String caption, StoredBlob file)
            throws SQLException {
        MediaKind kind = MediaKind.of(file.mimeType());
        return inject(account, sender, m -> {
            m.put("type", kind.type());
            ObjectNode media = m.putObject(kind.type());
            media.put("id", BLOB_MEDIA_PREFIX + file.id());
            media.put("mime_type", file.mimeType());
            media.put(
                    "sha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())));
            if (caption != null && !caption.isBlank() && kind.takesCaption()) {
                media.put("caption", caption);
            }
            if (kind == MediaKind.DOCUMENT && file.filename() != null) {
                media.put("filename", file.filename());
            }
        });
    }

    private String inject(WhatsAppAccount account, WhatsAppIdentity sender, Consumer<ObjectNode> content)
            throws SQLException {
        String wamid =
                "wamid.SIMIN" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        String waId = sender.phone() == null ? null : sender.phone().substring(1);
        ObjectNode value = mapper.createObjectNode();
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", sender.profileName());
        if (sender.username() != null) {
            profile.put("username", sender.username());
        }
        if (waId != null) {
            contact.put("wa_id", waId);
        }
        if (sender.userId() != null) {
            contact.put("user_id", sender.userId());
        }
        ObjectNode m = value.putArray("messages").addObject();
        if (waId != null) {
            m.put("from", waId);
        }
        if (sender.userId() != null) {
            m.put("from_user_id", sender.userId());
        }
        m.put("id", wamid);
        m.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        content.accept(m);
        ingest.applyFor(account, value);
        return wamid;
    }

    @Override
    public SendOutcome upload(WhatsAppAccount account, MediaUpload file) {
        return new SendOutcome.Accepted("sim-media-" + UUID.randomUUID());
    }

    /** The demo's media ids are made on the fly; an injected file is read back from the blob store. */
    @Override
    public MediaDownload download(WhatsAppAccount account, String mediaId) throws IOException {
        try {
            if (mediaId.startsWith(BLOB_MEDIA_PREFIX)) {
                UUID id = UUID.fromString(mediaId.substring(BLOB_MEDIA_PREFIX.length()));
                Optional<StoredBlob> file = database.jdbcTransaction(
                        Connection.TRANSACTION_READ_COMMITTED, c -> Blobs.find(c, id, account.organizationId()));
                if (file.isPresent()) {
                    return new MediaDownload(blobs.open(file.get()), file.get().mimeType());
                }
            } else if (SimulatedMedia.isDemo(mediaId)) {
                Optional<String[]> person = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                    try (PreparedStatement ps = c.prepareStatement("""
                            select p.full_name, p.whatsapp_id from messages m join candidates p on p.id = m.candidate_id
                             where m.whatsapp_account_id = ? and m.media_provider_id = ?
                             limit 1
                            """)) {
                        ps.setObject(1, account.id());
                        ps.setString(2, mediaId);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(new String[] {rs.getString(1), rs.getString(2)})
                                    : Optional.empty();
                        }
                    }
                });
                if (person.isPresent()) {
                    SimulatedMedia.File file = SimulatedMedia.demo(mediaId, person.get()[0], person.get()[1])
                            .orElseThrow();
                    return new MediaDownload(new ByteArrayInputStream(file.bytes()), file.mimeType());
                }
            }
        } catch (SQLException e) {
            throw new IOException("the simulator cannot reach the database: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // not one of our ids
        }
        throw new MediaUnavailable("The simulator has no file with the media id " + mediaId + ".");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
