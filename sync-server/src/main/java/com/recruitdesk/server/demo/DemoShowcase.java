package com.recruitdesk.server.demo;

import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.people.PersonRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo conversation the README's screenshots show: one open thread with a line of every kind
 * the inbox shows, in every delivery state.
 */
final class DemoShowcase extends DemoPart {
    DemoShowcase(DemoInbox inbox, DemoPeople.Person p, PersonRow person, DemoInbox.Account account) {
        super(inbox);
        showcase(inbox, p, person, account);
    }

    /**
     * One open conversation with a line of every kind the inbox shows: a template and its quick
     * reply, text both ways, a quoted reply, a photo, a document, a voice note, a location, a contact
     * card, buttons and a tap on one, a reaction, a private note, a system line, and replies in every
     * delivery state including a failure after delivery.
     */
    private void showcase(DemoInbox inbox, DemoPeople.Person p, PersonRow person, DemoInbox.Account account) {
        int i = p.index();
        ConversationRow conv = new ConversationRow();
        conv.organizationId(org);
        conv.whatsappAccountId(account.id());
        conv.candidateId(person.id());
        conv.status("open");
        conv.assignedUserId(recruiterFor(i));
        DemoThread t = new DemoThread(this, conv, p, account);
        Instant end = ago(minutes(4));
        DemoInbox.Template template = inbox.templateOf(account);
        String job = "Warehouse Shift Supervisor";
        MessageRow invite = t.out(
                "template",
                "user",
                recruiterFor(i),
                DemoInbox.render(template, p.first(), job),
                "read",
                end.minus(Duration.ofDays(1)));
        invite.templateId(template.id());
        invite.payload(DemoInbox.json(DemoInbox.templatePayload(template, p.first(), job)));
        MessageRow yes = t.in("button", "YES", end.minus(minutes(200)));
        yes.payload(DemoInbox.json(Map.of("text", "YES", "payload", "confirm")));
        t.in(
                "text",
                "Hi, this is " + p.first() + ". Yes, I will be there! I have five years in a distribution centre and"
                        + " I ran the night shift for the last two.",
                end.minus(minutes(198)));
        t.user(
                "Great to hear, " + p.first() + "! Could you send your CV and a photo of your forklift licence?",
                "read",
                end.minus(minutes(190)));
        MessageRow cv = t.in("document", null, end.minus(minutes(150)));
        cv.mediaProviderId("demo-media-" + i + "-cv");
        cv.mediaMimeType("application/pdf");
        cv.mediaFilename("CV_" + p.first() + "_" + p.last() + ".pdf");
        MessageRow licence = t.in("image", null, end.minus(minutes(149)));
        licence.mediaProviderId("demo-media-" + i + "-photo");
        licence.mediaMimeType("image/jpeg");
        licence.mediaCaption("My forklift licence");
        MessageRow voice = t.in("audio", null, end.minus(minutes(140)));
        voice.voice(true);
        voice.mediaProviderId("demo-media-" + i + "-voice");
        voice.mediaMimeType("audio/ogg; codecs=opus");
        MessageRow where = t.in("location", null, end.minus(minutes(120)));
        where.payload(DemoInbox.json(Map.of(
                "latitude",
                -25.9992,
                "longitude",
                28.1263,
                "name",
                "Midrand Distribution Centre",
                "address",
                "Allandale Rd, Midrand")));
        MessageRow onSite =
                t.user("Yes, that is the one. The shift starts at 18:00 there.", "read", end.minus(minutes(110)));
        onSite.replyToMessageId(where.id());
        MessageRow thumbs = t.in("reaction", "👍", end.minus(minutes(108)));
        thumbs.payload(DemoInbox.json(Map.of("emoji", "👍", "messageId", onSite.providerMessageId())));
        MessageRow reference = t.in("contacts", "Sizwe Mokoena", end.minus(minutes(100)));
        reference.payload(DemoInbox.json(Map.of(
                "contacts",
                List.of(Map.of(
                        "name", Map.of("formatted_name", "Sizwe Mokoena", "first_name", "Sizwe"),
                        "phones", List.of(Map.of("phone", "+27 82 555 0190", "type", "CELL")))))));
        t.in("text", "That is my previous supervisor, he can give a reference.", end.minus(minutes(99)));
        t.note("Called Sizwe Mokoena: strong reference, reliable on nights.", end.minus(minutes(80)));
        MessageRow shift = t.out(
                "interactive",
                "user",
                recruiterFor(i),
                "Thanks! Which shift would you prefer?",
                "read",
                end.minus(minutes(60)));
        shift.payload(DemoInbox.json(Map.of(
                "type", "button",
                "body", Map.of("text", "Thanks! Which shift would you prefer?"),
                "action",
                        Map.of(
                                "buttons",
                                List.of(
                                        Map.of("type", "reply", "reply", Map.of("id", "day", "title", "Day shift")),
                                        Map.of(
                                                "type",
                                                "reply",
                                                "reply",
                                                Map.of("id", "night", "title", "Night shift")))))));
        MessageRow night = t.in("interactive", "Night shift", end.minus(minutes(55)));
        night.payload(DemoInbox.json(
                Map.of("type", "button_reply", "button_reply", Map.of("id", "night", "title", "Night shift"))));
        t.system("Application moved to Interview", end.minus(minutes(50)));
        MessageRow map = t.user(
                "Your interview is on Thursday at 09:00 at the Midrand DC. Bring your ID.",
                "failed",
                end.minus(minutes(30)));
        map.errorCode(131026);
        map.errorTitle("Message undeliverable");
        map.deliveredAt(end.minus(minutes(29)));
        map.payload(DemoInbox.json(Map.of(
                "failedAfter",
                "delivered",
                "error",
                Map.of(
                        "code",
                        131026,
                        "title",
                        "Message undeliverable",
                        "error_data",
                        Map.of("details", "The phone was unreachable when WhatsApp retried.")))));
        t.user(
                "Your interview is on Thursday at 09:00 at the Midrand DC. Please bring your ID.",
                "delivered",
                end.minus(minutes(20)));
        t.user("Reply here if anything changes.", "sent", end.minus(minutes(19)));
        t.in("text", "Thank you, see you Thursday! 🙏", end);
        t.finish(end);
    }
}
