package com.recruitdesk.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.admin.WhatsAppNumbers;
import com.recruitdesk.server.conversations.CannedResponses;
import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.whatsapp.MessageTemplates;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Conversations pane: two WhatsApp numbers with their approved templates, the team's canned
 * responses, the people ({@link DemoPeople}) and a conversation per person on WhatsApp in every
 * status, each with a thread that fits its status; one more shows every kind of line
 * ({@link DemoShowcase}).
 */
final class DemoInbox extends DemoPart {
    private static final ObjectMapper JSON = Json.newMapper();

    /** A demo WhatsApp number. */
    record Account(UUID id, String displayName, String key) {}

    /** An approved template of one number. */
    record Template(UUID id, UUID accountId, String name) {}

    private final DemoPeople people;
    private Account talentLine;
    private Account jobsLine;
    private Template talentTemplate;
    private Template jobsTemplate;

    DemoInbox(DemoPart shared) {
        super(shared);
        whatsAppNumbers();
        people = new DemoPeople(this);
        conversations();
        cannedResponses();
    }

    /** Every person's row, in the order of {@link DemoPeople#PEOPLE}. */
    List<PersonRow> people() {
        return people.rows();
    }

    /** The team's quick replies, picked in the composer by typing '/' and the shortcut. */
    private static final Map<String, String> CANNED = new LinkedHashMap<>();

    static {
        CANNED.put("welcome", "Hi! Thanks for reaching out to RecruitDesk. How can we help you today?");
        CANNED.put(
                "form",
                "Please fill in our short registration form so we can match you with the right roles:"
                        + " https://recruitdesk.example/register");
        CANNED.put(
                "photo",
                "Could you send us a recent, well-lit photo of yourself (head and shoulders, no filters)?"
                        + " It helps our clients picture you in the role.");
        CANNED.put("cv", "Could you send your CV as a PDF or Word document? A photo of each page works too.");
        CANNED.put(
                "interview",
                "Great news: you have been shortlisted! When are you free for a short interview this week?");
        CANNED.put("thanks", "Thank you for your time. We will be in touch as soon as we hear back from the client.");
    }

    private void cannedResponses() {
        int n = 0;
        for (Map.Entry<String, String> r : CANNED.entrySet()) {
            UUID id = id("canned_response", r.getKey());
            Instant at = ago(Duration.ofDays(60 - n++));
            write(c -> CannedResponses.insert(c, id, org, r.getKey(), r.getValue(), staff.manager(), at));
        }
    }

    private void whatsAppNumbers() {
        talentLine = account("RecruitDesk Talent", "+27215550100", "talent");
        jobsLine = account("RecruitDesk Jobs", "+27105550200", "jobs");
        talentTemplate = template(talentLine, "application_follow_up", "Not now");
        jobsTemplate = template(jobsLine, "interview_reminder", "Reschedule");
    }

    private Account account(String name, String phone, String key) {
        UUID id = id("whatsapp_account", key);
        var number = new WhatsAppNumbers(id, org, name, phone, "simulator", null, null, null, null);
        Instant at = ago(Duration.ofDays(180));
        write(c -> number.insert(c, at));
        return new Account(id, name, key);
    }

    /** The approved body of each template; {{1}} is the person's first name, {{2}} the job. */
    private static final Map<String, String> TEMPLATE_BODIES = Map.of(
            "application_follow_up",
            "Hi {{1}}, thanks for your application for {{2}}. Reply YES to confirm you are still interested.",
            "interview_reminder",
            "Hi {{1}}, a reminder of your interview for {{2}}. Reply YES to confirm you will attend.");

    private Template template(Account account, String name, String secondButton) {
        JsonNode components = parse("""
                [{"type": "BODY", "text": "%s"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "YES"}, {"type": "QUICK_REPLY", "text": "%s"}]}]
                """.formatted(TEMPLATE_BODIES.get(name), secondButton));
        Template template = new Template(id("template", name), account.id(), name);
        Instant at = ago(Duration.ofDays(120));
        write(c -> MessageTemplates.insertOwn(
                c, template.id(), org, account.id(), name, "en_US", "utility", "approved", components, at));
        return template;
    }

    static String render(Template template, String name, String job) {
        return TEMPLATE_BODIES.get(template.name()).replace("{{1}}", name).replace("{{2}}", job);
    }

    /** The organization's WhatsApp numbers. */
    List<UUID> numbers() {
        return List.of(talentLine.id(), jobsLine.id());
    }

    Template templateOf(Account account) {
        return account == talentLine ? talentTemplate : jobsTemplate;
    }

    static Map<String, Object> templatePayload(Template template, String name, String job) {
        return new LinkedHashMap<>(Map.of(
                "template",
                Map.of("name", template.name(), "language", "en_US", "bodyParameters", List.of(name, job))));
    }

    /** A JSON payload as the webhooks and mutations store it. */
    static JsonNode json(Map<String, ?> payload) {
        return JSON.valueToTree(payload);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Conversations and messages

    private void conversations() {
        List<DemoPeople.Person> everyone = people.people();
        for (DemoPeople.Person p : everyone) {
            if (!p.onWhatsApp()) {
                continue;
            }
            int i = p.index();
            Account account = i % 3 == 2 ? jobsLine : talentLine;
            conversation(p, account, DemoPeople.STATUSES.get(i % DemoPeople.STATUSES.size()));
        }
        // Two people write to both numbers.
        conversation(everyone.get(0), jobsLine, "closed");
        conversation(everyone.get(1), jobsLine, "open");
        new DemoShowcase(this, everyone.get(10), people.rows().get(10), jobsLine);
    }

    /** Builds one conversation and its thread; the script depends on the status. */
    private void conversation(DemoPeople.Person p, Account account, String status) {
        int i = p.index();
        PersonRow person = people.rows().get(i);
        ConversationRow conv = new ConversationRow();
        conv.organizationId(org);
        conv.whatsappAccountId(account.id());
        conv.candidateId(person.id());
        conv.status(status);
        conv.assignedUserId(status.equals("new") ? null : recruiterFor(i));
        DemoThread t = new DemoThread(this, conv, p, account);
        Instant end;
        switch (status) {
            case "new" -> {
                end = ago(minutes(3 + 2L * i));
                if (i % 2 == 0) {
                    t.in("text", "Hi! I saw your post about the casting 😊", end.minus(minutes(6)));
                    t.bot(
                            "Hi " + p.first() + "! 👋 Thanks for messaging " + account.displayName()
                                    + ". A recruiter will reply shortly.",
                            "delivered",
                            end.minus(minutes(5)));
                    t.in("text", "Is it still open?", end);
                } else {
                    t.in("text", "Hello, good day. I am looking for work.", end.minus(minutes(1)));
                    t.in("text", "I live in " + p.city() + " and can start immediately.", end);
                }
            }
            case "open" -> {
                end = ago(minutes(15 + 5L * i));
                String job = i % 2 == 0 ? "Customer Support Agent" : "Junior Java Developer";
                t.in(
                        "text",
                        "Good morning, I'm interested in the " + job + " position. Is it still available?",
                        end.minus(minutes(180)));
                t.user("Hi " + p.first() + ", yes it is! Could you send me your CV?", "read", end.minus(minutes(170)));
                MessageRow cv = t.in("document", null, end.minus(minutes(120)));
                cv.mediaProviderId("demo-media-" + i + "-cv");
                cv.mediaMimeType("application/pdf");
                cv.mediaFilename("CV_" + p.first() + "_" + p.last().replace(' ', '_') + ".pdf");
                cv.mediaCaption("My CV");
                MessageRow thanks = t.user(
                        "Thanks, got it. I'll share it with the hiring manager today.",
                        List.of("read", "delivered", "sent").get(i % 3),
                        end.minus(minutes(60)));
                t.note("CV looks solid. Shortlist for " + job + ".", end.minus(minutes(58)));
                if (i % 2 == 0) {
                    MessageRow reaction = t.in("reaction", null, end);
                    reaction.payload(json(Map.of("emoji", "🙏", "messageId", thanks.providerMessageId())));
                } else {
                    t.user("Are you available for a quick call at 15:00?", "queued", end);
                }
            }
            case "pending_form" -> {
                end = ago(Duration.ofHours(2 + i % 10));
                t.in("text", "Hello 👋 I want to join your modelling agency", end.minus(minutes(30)));
                MessageRow form = t.out(
                        "interactive",
                        "bot",
                        null,
                        "Welcome " + p.first() + "! Please fill in our short form so we can get to know you.",
                        "read",
                        end.minus(minutes(29)));
                form.payload(json(Map.of(
                        "type", "cta_url",
                        "displayText", "Open form",
                        "url",
                                "https://forms.recruitdesk.test/f/"
                                        + conv.id().toString().substring(0, 8))));
                t.system("Form link sent; waiting for the web form", end.minus(minutes(29)));
                t.in("text", "Ok, I'll fill it in tonight", end);
            }
            case "pending_photo" -> {
                end = ago(Duration.ofHours(3 + i % 12));
                t.in("text", "Hi, I filled in the form", end.minus(minutes(300)));
                t.system("Web form submitted", end.minus(minutes(299)));
                t.bot(
                        "Thank you " + p.first() + "! Last step: please send a recent full-length photo, no filters 📸",
                        i % 2 == 0 ? "read" : "delivered",
                        end.minus(minutes(298)));
                if (i % 2 == 0) {
                    MessageRow where = t.in("location", null, end.minus(minutes(1)));
                    where.payload(json(Map.of(
                            "latitude",
                            -33.9249 + i / 1000.0,
                            "longitude",
                            18.4241 + i / 1000.0,
                            "name",
                            "Canal Walk",
                            "address",
                            "Century Blvd, Century City, Cape Town")));
                    t.in("text", "I'm close to here, can I bring the photo to your office?", end);
                } else {
                    t.in("text", "I'll send it after work 🙏", end);
                }
            }
            case "needs_attention" -> {
                Instant lastInbound = ago(Duration.ofHours(30 + i % 20));
                t.in("text", "Hi, I had an interview last week. Any news? 😟", lastInbound.minus(minutes(20)));
                MessageRow voice = t.in("audio", null, lastInbound);
                voice.voice(true);
                voice.mediaProviderId("demo-media-" + i + "-voice");
                voice.mediaMimeType("audio/ogg; codecs=opus");
                t.note("Candidate is worried about the feedback. Call before Friday.", lastInbound.plus(minutes(60)));
                end = lastInbound.plus(Duration.ofHours(26));
                MessageRow failed = t.user(
                        "Hi " + p.first() + ", sorry for the slow reply! The client will decide this week.",
                        "failed",
                        end);
                if (i % 2 == 0) {
                    failed.errorCode(131047);
                    failed.errorTitle("Re-engagement message");
                } else {
                    failed.errorCode(131026);
                    failed.errorTitle("Message undeliverable");
                }
            }
            case "closed" -> {
                end = ago(Duration.ofDays(2 + i % 6));
                Template template = templateOf(account);
                String job =
                        account == talentLine ? "Runway Model, Cape Town Fashion Week" : "Warehouse Shift Supervisor";
                MessageRow follow = t.out(
                        "template",
                        "user",
                        recruiterFor(i),
                        render(template, p.first(), job),
                        "read",
                        end.minus(Duration.ofDays(2)));
                follow.templateId(template.id());
                follow.payload(json(templatePayload(template, p.first(), job)));
                MessageRow yes =
                        t.in("button", "YES", end.minus(Duration.ofDays(2)).plus(minutes(30)));
                yes.payload(json(Map.of("text", "YES", "payload", "confirm")));
                t.user("Great! Please send a recent photo for the client.", "read", end.minus(Duration.ofDays(1)));
                MessageRow photo = t.in("image", null, end.minus(minutes(60)));
                photo.mediaProviderId("demo-media-" + i + "-photo");
                photo.mediaMimeType("image/jpeg");
                photo.mediaCaption("Here is the photo you asked for");
                t.user("Perfect, that's everything. We'll be in touch!", "read", end.minus(minutes(10)));
                t.in("text", "Thank you! 😊", end.minus(minutes(5)));
                t.system("Conversation closed", end);
            }
            case "archived" -> {
                end = ago(Duration.ofDays(25 + i));
                t.in("text", "Hi, is this the call centre job?", end.minus(minutes(120)));
                t.bot(
                        "Hi! 👋 This is " + account.displayName() + ". Which job are you asking about?",
                        "read",
                        end.minus(minutes(119)));
                t.in("text", "Sorry, wrong number 🙈", end.minus(minutes(60)));
                t.user("No problem, good luck!", "delivered", end.minus(minutes(50)));
                t.system("Conversation archived", end);
            }
            default -> throw new IllegalArgumentException(status);
        }
        t.finish(end);
    }
}
