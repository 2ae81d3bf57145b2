package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message type Meta delivers is stored as itself; nothing is dropped. */
@Tag("database")
class InboundMessageTypesTest {
    static final String WA_ID = "27820000011";
    static CloudApiWorld world;
    static final long now = Instant.now().getEpochSecond();

    @BeforeAll
    static void start() {
        world = CloudApiWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static JsonNode deliverAndRead(String wamid, String message) {
        var reply = world.deliver(MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(WA_ID, "Naledi Khumalo", message)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return world.row("select * from messages where provider_message_id = ?", wamid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            image    | IMAGE    | image    | 1003383421387256 | image/jpeg             | false | My CV, page one
            video    | VIDEO    | video    | 1165345911264347 | video/mp4              | false | Forklift certificate
            audio    | VOICE    | audio    | 1287212545975946 | audio/ogg; codecs=opus | true  |
            audio    | AUDIO    | audio    | 3301932846700213 | audio/mpeg             | false |
            document | DOCUMENT | document | 1209958213768843 | application/pdf        | false | Updated CV
            sticker  | STICKER  | sticker  | 1028217945437612 | image/webp             | false |
            """)
    void mediaIsStoredWithItsProviderIdAndQueuedForDownload(
            String metaType, String fixture, String type, String mediaId, String mime, boolean voice, String caption)
            throws Exception {
        String wamid = "wamid.media." + fixture;
        String object = (String) MetaPayloads.class.getDeclaredField(fixture).get(null);

        JsonNode m = deliverAndRead(wamid, MetaPayloads.message(WA_ID, wamid, now, metaType, object, null));

        assertThat(m.path("type").asText()).isEqualTo(type);
        assertThat(m.path("media_provider_id").asText()).isEqualTo(mediaId);
        assertThat(m.path("media_mime_type").asText()).isEqualTo(mime);
        assertThat(m.path("is_voice").asBoolean()).isEqualTo(voice);
        assertThat(m.path("media_caption").asText(null)).isEqualTo(caption);
        assertThat(m.path("media_blob_id").isNull()).isTrue();
        assertThat(m.path("payload").path("sha256").asText()).isNotBlank();
        assertThat(world.count(
                        "select count(*) from whatsapp_media_downloads where message_id = ?::uuid",
                        m.path("id").asText()))
                .isEqualTo(1);
    }

    @Test
    void documentKeepsItsFileName() {
        JsonNode m = deliverAndRead(
                "wamid.doc.name",
                MetaPayloads.message(WA_ID, "wamid.doc.name", now, "document", MetaPayloads.DOCUMENT, null));

        assertThat(m.path("media_filename").asText()).isEqualTo("Thandi_Mokoena_CV.pdf");
    }

    @Test
    void textKeepsItsBody() {
        JsonNode m = deliverAndRead(
                "wamid.text.1", MetaPayloads.text(WA_ID, "wamid.text.1", now, "Is the night shift still open?"));

        assertThat(m.path("type").asText()).isEqualTo("text");
        assertThat(m.path("body").asText()).isEqualTo("Is the night shift still open?");
        assertThat(m.path("direction").asText()).isEqualTo("inbound");
        assertThat(m.path("status").isNull()).isTrue();
        assertThat(Instant.parse(m.path("sent_at").asText().replace("+00:00", "Z"))
                        .getEpochSecond())
                .isEqualTo(now);
    }

    @Test
    void locationKeepsCoordinatesAndName() {
        JsonNode m = deliverAndRead(
                "wamid.loc.1",
                MetaPayloads.message(WA_ID, "wamid.loc.1", now, "location", MetaPayloads.LOCATION, null));

        assertThat(m.path("type").asText()).isEqualTo("location");
        assertThat(m.path("payload").path("latitude").asDouble()).isEqualTo(37.483307);
        assertThat(m.path("payload").path("longitude").asDouble()).isEqualTo(-122.148981);
        assertThat(m.path("body").asText()).isEqualTo("Meta Headquarters");
    }

    @Test
    void contactsKeepEveryCard() {
        JsonNode m = deliverAndRead(
                "wamid.vcard.1",
                MetaPayloads.message(WA_ID, "wamid.vcard.1", now, "contacts", MetaPayloads.CONTACTS, null));

        assertThat(m.path("type").asText()).isEqualTo("contacts");
        assertThat(m.path("body").asText()).isEqualTo("Sipho Dlamini");
        assertThat(m.path("payload")
                        .path("contacts")
                        .path(0)
                        .path("phones")
                        .path(0)
                        .path("wa_id")
                        .asText())
                .isEqualTo("27820000002");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            BUTTON_REPLY | Yes, I will come | button_reply
            LIST_REPLY   | Morning shift    | list_reply
            """)
    void interactiveRepliesKeepTheChosenOptionAndQuoteTheQuestion(String fixture, String title, String kind)
            throws Exception {
        String question = "wamid.question." + fixture;
        world.deliverText(WA_ID, "Naledi Khumalo", question, now - 60, "placeholder for the quoted message");
        String object = (String) MetaPayloads.class.getDeclaredField(fixture).get(null);
        String wamid = "wamid.answer." + fixture;

        JsonNode m = deliverAndRead(wamid, MetaPayloads.message(WA_ID, wamid, now, "interactive", object, question));

        assertThat(m.path("type").asText()).isEqualTo("interactive");
        assertThat(m.path("body").asText()).isEqualTo(title);
        assertThat(m.path("payload").path("type").asText()).isEqualTo(kind);
        assertThat(m.path("reply_to_message_id").asText())
                .isEqualTo(world.row("select id from messages where provider_message_id = ?", question)
                        .path("id")
                        .asText());
    }

    @Test
    void templateQuickReplyButtonKeepsItsPayload() {
        JsonNode m = deliverAndRead(
                "wamid.button.1",
                MetaPayloads.message(WA_ID, "wamid.button.1", now, "button", MetaPayloads.TEMPLATE_BUTTON, null));

        assertThat(m.path("type").asText()).isEqualTo("button");
        assertThat(m.path("body").asText()).isEqualTo("YES");
        assertThat(m.path("payload").path("payload").asText()).isEqualTo("STILL_INTERESTED");
    }

    @Test
    void reactionLinksTheMessageReactedTo() {
        world.deliverText(WA_ID, "Naledi Khumalo", "wamid.reacted.1", now - 30, "Interview is at 10:00");

        JsonNode m = deliverAndRead(
                "wamid.reaction.1",
                MetaPayloads.message(
                        WA_ID, "wamid.reaction.1", now, "reaction", MetaPayloads.reaction("wamid.reacted.1"), null));

        assertThat(m.path("type").asText()).isEqualTo("reaction");
        assertThat(m.path("body").asText()).isEqualTo("\uD83D\uDC4D");
        assertThat(m.path("reply_to_message_id").asText())
                .isEqualTo(world.row("select id from messages where provider_message_id = 'wamid.reacted.1'")
                        .path("id")
                        .asText());
    }

    @Test
    void unsupportedIsStoredAndShownWithMetasError() {
        JsonNode m = deliverAndRead("wamid.unsupported.1", MetaPayloads.unsupported(WA_ID, "wamid.unsupported.1", now));

        assertThat(m.path("type").asText()).isEqualTo("unsupported");
        assertThat(m.path("body").asText()).isEqualTo("Message type unknown: Message type is currently not supported.");
        assertThat(m.path("payload").path("errors").path(0).path("code").asInt())
                .isEqualTo(131051);
    }

    @Test
    void aTypeThisServerDoesNotKnowIsKeptAsUnsupported() {
        String message = """
                {
                  "from": "%s",
                  "id": "wamid.future.1",
                  "timestamp": "%d",
                  "type": "hologram",
                  "hologram": {"id": "42"}
                }""".formatted(WA_ID, now);

        JsonNode m = deliverAndRead("wamid.future.1", message);

        assertThat(m.path("type").asText()).isEqualTo("unsupported");
        assertThat(m.path("payload").path("metaType").asText()).isEqualTo("hologram");
        assertThat(m.path("payload")
                        .path("original")
                        .path("hologram")
                        .path("id")
                        .asText())
                .isEqualTo("42");
    }
}
