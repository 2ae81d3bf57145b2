package com.recruitdesk.server.persistence;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Conversations pane: two WhatsApp numbers with their approved templates, about fifty people
 * (forty-one on WhatsApp, the rest cohort students known by email), and a conversation per person
 * in every status, each with a thread that fits its status.
 */
final class DemoInbox extends DemoPart {
    private static final List<String> PEOPLE = List.of(
            "Thandiwe|Nkosi|Thandi 🌸|+27825550101|Johannesburg",
            "Lerato|Molefe|Lerato M|+27835550102|Pretoria",
            "Sipho|Dlamini|Sipho|+27725550103|Durban",
            "Ayanda|Khumalo|Ayanda K.|+27845550104|Cape Town",
            "Naledi|Mokoena|naledi_m|+27615550105|Soweto",
            "Kagiso|Mahlangu|KG|+27765550106|Polokwane",
            "Zanele|Ndlovu|Zanele 💫|+27825550107|Pietermaritzburg",
            "Bongani|Zulu|Bongz|+27735550108|Durban",
            "Palesa|Radebe|Palesa R|+27795550109|Bloemfontein",
            "Tshepo|Sithole|Tshepo S|+27825550110|Midrand",
            "Anele|Mthembu|Anele|+27815550111|East London",
            "Refilwe|Modise|Refi|+27835550112|Rustenburg",
            "Chloé|van der Merwe|Chloé vdM|+27825550113|Stellenbosch",
            "Pieter|Botha|Pieter Botha|+27845550114|Paarl",
            "Aisha|Patel|Aisha P|+27715550115|Durban",
            "Priya|Naidoo|Priya N|+27825550116|Chatsworth",
            "Ravi|Govender|Ravi G|+27835550117|Umhlanga",
            "Fatima|Essop|Fatima|+27845550118|Cape Town",
            "Yusuf|Adams|Yusuf A|+27605550119|Mitchells Plain",
            "Megan|O'Connor|Meg|+27825550120|Cape Town",
            "Jessica|Smith|Jess|+27835550121|Sandton",
            "Daniel|Ferreira|Daniel F|+27725550122|Johannesburg",
            "Ana|Sousa|Ana Sousa|+258845550123|Maputo",
            "Chidi|Okafor|Chidi O.|+2348035550124|Lagos",
            "Ngozi|Eze|Ngozi|+2348055550125|Abuja",
            "Tunde|Adeyemi|Tunde A|+2348025550126|Lagos",
            "Amara|Obi|Amara|+2348065550127|Port Harcourt",
            "Wanjiru|Kamau|Wanjiru K|+254712555128|Nairobi",
            "Otieno|Odhiambo|Otieno|+254722555129|Kisumu",
            "Achieng|Atieno|Achieng|+254733555130|Nairobi",
            "Tendai|Moyo|Tendai M|+263772555131|Harare",
            "Rutendo|Chikwanha|Rue|+263712555132|Bulawayo",
            "Kwame|Mensah|Kwame M|+233245555133|Accra",
            "Efua|Asante|Efua|+233205555134|Kumasi",
            "Lindiwe|Mabuza|Lindi|+26876555135|Mbabane",
            "Mpho|Letsie|Mpho L|+26658555136|Maseru",
            "Oliver|Bennett|Olly|+447700900137|London",
            "Sophie|Clarke|Sophie C|+447700900138|Manchester",
            "Lucas|Oliveira|Lucas|+5511955550139|São Paulo",
            "Gabriela|Santos|Gabi ✨|+5521955550140|Rio de Janeiro",
            "Arjun|Sharma|Arjun S|+919855550141|Mumbai",
            "Emily|Jacobs|||Cape Town",
            "Siyabonga|Cele|||Durban",
            "Nomsa|Shabalala|||Johannesburg",
            "Keabetswe|Tau|||Mahikeng",
            "Lwazi|Ngcobo|||Pietermaritzburg",
            "Karabo|Sekgobela|||Tembisa",
            "Musa|Mkhize|||Umlazi",
            "Jana|du Plessis|||Pretoria",
            "Luyanda|Mbatha|||Cape Town");

    /** Conversation status of person i is STATUSES[i % 7], so every status has several conversations. */
    private static final List<String> STATUSES =
            List.of("new", "open", "pending_form", "pending_photo", "needs_attention", "closed", "archived");

    private static final List<String> MODELING = List.of("runway", "commercial", "fitness", "catalogue", "promotional");
    private static final List<String> TAGS =
            List.of("runway", "commercial", "vip", "follow-up", "referral", "call-centre", "java", "night-shift");

    private record Person(int index, String first, String last, String waName, String phone, String city) {
        String fullName() {
            return first + " " + last;
        }

        boolean onWhatsApp() {
            return !phone.isEmpty();
        }

        String email() {
            String ascii = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .replaceAll("[^A-Za-z.]", "")
                    .toLowerCase(Locale.ROOT);
            return ascii + "@example.com";
        }
    }

    private final List<Person> people = new ArrayList<>();
    private final List<CandidateEntity> candidates = new ArrayList<>();
    private final List<DemoRows.Template> templates = new ArrayList<>();
    private WhatsAppAccountEntity talentLine;
    private WhatsAppAccountEntity jobsLine;

    DemoInbox(DemoPart shared) {
        super(shared);
        for (int i = 0; i < PEOPLE.size(); i++) {
            String[] f = PEOPLE.get(i).split("\\|", -1);
            people.add(new Person(i, f[0], f[1], f[2], f[3], f[4]));
        }
        whatsAppNumbers();
        persons();
        conversations();
    }

    /** Every person, in the order of {@link #PEOPLE}. */
    List<CandidateEntity> candidates() {
        return candidates;
    }

    List<DemoRows.Template> templates() {
        return templates;
    }

    /** The team's quick replies, picked in the composer by typing '/' and the shortcut. */
    List<DemoRows.CannedResponse> cannedResponses() {
        List<DemoRows.CannedResponse> result = new ArrayList<>();
        CANNED.forEach((shortcut, body) -> result.add(new DemoRows.CannedResponse(
                id("canned_response", shortcut), shortcut, body, ago(Duration.ofDays(60 - result.size())))));
        return result;
    }

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

    private void whatsAppNumbers() {
        talentLine = account("RecruitDesk Talent", "+27215550100", "talent");
        jobsLine = account("RecruitDesk Jobs", "+27105550200", "jobs");
        templates.add(template(talentLine, "application_follow_up", "Not now"));
        templates.add(template(jobsLine, "interview_reminder", "Reschedule"));
    }

    /** The approved body of each template; {{1}} is the person's first name, {{2}} the job. */
    private static final Map<String, String> TEMPLATE_BODIES = Map.of(
            "application_follow_up",
            "Hi {{1}}, thanks for your application for {{2}}. Reply YES to confirm you are still interested.",
            "interview_reminder",
            "Hi {{1}}, a reminder of your interview for {{2}}. Reply YES to confirm you will attend.");

    private DemoRows.Template template(WhatsAppAccountEntity account, String name, String secondButton) {
        String components = """
                [{"type": "BODY", "text": "%s"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "YES"}, {"type": "QUICK_REPLY", "text": "%s"}]}]
                """.formatted(TEMPLATE_BODIES.get(name), secondButton);
        return new DemoRows.Template(id("template", name), account.id, name, components, ago(Duration.ofDays(120)));
    }

    private static String render(DemoRows.Template template, String name, String job) {
        return TEMPLATE_BODIES.get(template.name()).replace("{{1}}", name).replace("{{2}}", job);
    }

    private WhatsAppAccountEntity account(String name, String phone, String key) {
        WhatsAppAccountEntity a = new WhatsAppAccountEntity();
        a.organizationId = org;
        a.displayName = name;
        a.phone = phone;
        a.provider = "simulator";
        a.connectionStatus = "connected";
        a.lastConnectedAt = ago(Duration.ofHours(3));
        return add(a, "whatsapp_account", key, ago(Duration.ofDays(180)));
    }

    private DemoRows.Template templateOf(WhatsAppAccountEntity account) {
        return account == talentLine ? templates.get(0) : templates.get(1);
    }

    // ---------------------------------------------------------------------------------------------
    // People

    private boolean isModel(Person p) {
        int status = p.index() % STATUSES.size();
        return p.index() < 8 || (p.onWhatsApp() && (status == 2 || status == 3));
    }

    private void persons() {
        for (Person p : people) {
            int i = p.index();
            CandidateEntity c = new CandidateEntity();
            c.organizationId = org;
            c.ownerUserId = p.onWhatsApp() ? recruiterFor(i) : null;
            c.source = p.onWhatsApp() ? (i % 9 == 4 ? "referral" : "whatsapp") : "cohort";
            c.whatsappId = p.onWhatsApp() ? p.phone() : null;
            c.email = !p.onWhatsApp() || i % 3 == 0 ? p.email() : null;
            c.whatsappName = p.onWhatsApp() ? p.waName() : null;
            c.fullName = p.fullName();
            c.firstName = p.first();
            c.lastName = p.last();
            c.location = p.city();
            c.metadata = new LinkedHashMap<>(Map.of("demo", true));
            c.languages = i % 4 == 0 ? List.of("English", "isiZulu") : List.of("English");
            c.preferredContactMode = p.onWhatsApp() ? "whatsapp" : "email";
            if (isModel(p)) {
                c.preferredModelingType = List.of(MODELING.get(i % 5), MODELING.get((i + 2) % 5));
                c.hasKids = i % 4 == 3;
                c.preferredShift =
                        List.of("morning", "afternoon", "flexible", "any").get(i % 4);
                c.unavailableShifts = i % 3 == 0 ? List.of("evening") : List.of();
                int status = i % STATUSES.size();
                if (status != 0 && status != 2) {
                    c.formSubmittedAt = ago(Duration.ofDays(1 + i % 9));
                    c.formNotes = i % 2 == 0 ? "Has done two catalogue shoots before." : "Available on weekends only.";
                }
                c.metadata.put("heightCm", 160 + (i * 7) % 25);
            } else if (p.onWhatsApp()) {
                c.currentJobTitle = List.of(
                                "Call centre agent",
                                "Junior developer",
                                "Stock controller",
                                "Sales assistant",
                                "Student")
                        .get(i % 5);
                c.skills = switch (i % 5) {
                    case 0 -> List.of("customer service", "Zendesk", "typing 45 wpm");
                    case 1 -> List.of("Java", "SQL", "Git");
                    case 2 -> List.of("inventory", "forklift licence", "SAP");
                    case 3 -> List.of("sales", "merchandising");
                    default -> List.of("Excel", "communication");
                };
                c.totalExperienceYears = BigDecimal.valueOf(i % 8).add(new BigDecimal("0.5"));
                c.expectedCtc = 120_000L + 12_000L * (i % 10);
                c.currency = "ZAR";
                c.noticePeriodDays = List.of(0, 14, 30, 30, 60).get(i % 5);
                c.readyToRelocate = List.of("yes", "no", "open_to_discussion").get(i % 3);
                c.highestEducation = i % 2 == 0 ? "National Senior Certificate" : "National Diploma";
                c.skillsLastUpdated = ago(Duration.ofDays(i % 20));
            } else {
                c.highestEducation = "National Senior Certificate";
                c.yearOfPassing = 2019 + i % 5;
                c.dob = LocalDate.of(1998 + i % 7, 1 + i % 12, 1 + i % 27);
                c.gender = i % 2 == 0 ? "female" : "male";
            }
            candidates.add(add(c, "candidate", i, ago(Duration.ofDays(3 + (i * 5) % 90))));
            for (int t = 0; t < i % 3; t++) {
                CandidateTagEntity tag = new CandidateTagEntity();
                tag.organizationId = org;
                tag.candidateId = c.id;
                tag.tag = TAGS.get((i + t * 3) % TAGS.size());
                add(tag, "candidate_tag", i + "/" + tag.tag, c.createdAt);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Conversations and messages

    private void conversations() {
        for (Person p : people) {
            if (!p.onWhatsApp()) {
                continue;
            }
            int i = p.index();
            WhatsAppAccountEntity account = i % 3 == 2 ? jobsLine : talentLine;
            conversation(p, account, STATUSES.get(i % STATUSES.size()));
        }
        // Two people write to both numbers.
        conversation(people.get(0), jobsLine, "closed");
        conversation(people.get(1), jobsLine, "open");
        showcase(people.get(10), jobsLine);
    }

    /**
     * One open conversation with a line of every kind the inbox shows: a template and its quick
     * reply, text both ways, a quoted reply, a photo, a document, a voice note, a location, a contact
     * card, buttons and a tap on one, a reaction, a private note, a system line, and replies in every
     * delivery state including a failure after delivery.
     */
    private void showcase(Person p, WhatsAppAccountEntity account) {
        int i = p.index();
        ConversationEntity conv = new ConversationEntity();
        conv.organizationId = org;
        conv.whatsappAccountId = account.id;
        conv.candidateId = candidates.get(i).id;
        conv.status = "open";
        conv.assignedUserId = recruiterFor(i);
        Thread t = new Thread(conv, p, account);
        Instant end = ago(minutes(4));
        DemoRows.Template template = templateOf(account);
        String job = "Warehouse Shift Supervisor";
        MessageEntity invite = t.out(
                "template",
                "user",
                recruiterFor(i),
                render(template, p.first(), job),
                "read",
                end.minus(Duration.ofDays(1)));
        invite.templateId = template.id();
        invite.payload = templatePayload(template, p.first(), job);
        MessageEntity yes = t.in("button", "YES", end.minus(minutes(200)));
        yes.payload = new LinkedHashMap<>(Map.of("text", "YES", "payload", "confirm"));
        t.in(
                "text",
                "Hi, this is " + p.first() + ". Yes, I will be there! I have five years in a distribution centre and"
                        + " I ran the night shift for the last two.",
                end.minus(minutes(198)));
        t.user(
                "Great to hear, " + p.first() + "! Could you send your CV and a photo of your forklift licence?",
                "read",
                end.minus(minutes(190)));
        MessageEntity cv = t.in("document", null, end.minus(minutes(150)));
        cv.mediaProviderId = "demo-media-" + i + "-cv";
        cv.mediaMimeType = "application/pdf";
        cv.mediaFilename = "CV_" + p.first() + "_" + p.last() + ".pdf";
        MessageEntity licence = t.in("image", null, end.minus(minutes(149)));
        licence.mediaProviderId = "demo-media-" + i + "-photo";
        licence.mediaMimeType = "image/jpeg";
        licence.mediaCaption = "My forklift licence";
        MessageEntity voice = t.in("audio", null, end.minus(minutes(140)));
        voice.isVoice = true;
        voice.mediaProviderId = "demo-media-" + i + "-voice";
        voice.mediaMimeType = "audio/ogg; codecs=opus";
        MessageEntity where = t.in("location", null, end.minus(minutes(120)));
        where.payload = new LinkedHashMap<>(Map.of(
                "latitude",
                -25.9992,
                "longitude",
                28.1263,
                "name",
                "Midrand Distribution Centre",
                "address",
                "Allandale Rd, Midrand"));
        MessageEntity onSite =
                t.user("Yes, that is the one. The shift starts at 18:00 there.", "read", end.minus(minutes(110)));
        onSite.replyToMessageId = where.id;
        MessageEntity thumbs = t.in("reaction", "👍", end.minus(minutes(108)));
        thumbs.payload = new LinkedHashMap<>(Map.of("emoji", "👍", "messageId", onSite.providerMessageId));
        MessageEntity reference = t.in("contacts", "Sizwe Mokoena", end.minus(minutes(100)));
        reference.payload = new LinkedHashMap<>(Map.of(
                "contacts",
                List.of(Map.of(
                        "name", Map.of("formatted_name", "Sizwe Mokoena", "first_name", "Sizwe"),
                        "phones", List.of(Map.of("phone", "+27 82 555 0190", "type", "CELL"))))));
        t.in("text", "That is my previous supervisor, he can give a reference.", end.minus(minutes(99)));
        t.note("Called Sizwe Mokoena: strong reference, reliable on nights.", end.minus(minutes(80)));
        MessageEntity shift = t.out(
                "interactive",
                "user",
                recruiterFor(i),
                "Thanks! Which shift would you prefer?",
                "read",
                end.minus(minutes(60)));
        shift.payload = new LinkedHashMap<>(Map.of(
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
                                                Map.of("id", "night", "title", "Night shift"))))));
        MessageEntity night = t.in("interactive", "Night shift", end.minus(minutes(55)));
        night.payload = new LinkedHashMap<>(
                Map.of("type", "button_reply", "button_reply", Map.of("id", "night", "title", "Night shift")));
        t.system("Application moved to Interview", end.minus(minutes(50)));
        MessageEntity map = t.user(
                "Your interview is on Thursday at 09:00 at the Midrand DC. Bring your ID.",
                "failed",
                end.minus(minutes(30)));
        map.errorCode = 131026;
        map.errorTitle = "Message undeliverable";
        map.deliveredAt = end.minus(minutes(29));
        map.payload = new LinkedHashMap<>(Map.of(
                "failedAfter",
                "delivered",
                "error",
                Map.of(
                        "code",
                        131026,
                        "title",
                        "Message undeliverable",
                        "error_data",
                        Map.of("details", "The phone was unreachable when WhatsApp retried."))));
        t.user(
                "Your interview is on Thursday at 09:00 at the Midrand DC. Please bring your ID.",
                "delivered",
                end.minus(minutes(20)));
        t.user("Reply here if anything changes.", "sent", end.minus(minutes(19)));
        t.in("text", "Thank you, see you Thursday! 🙏", end);
        t.finish(end);
    }

    private static Map<String, Object> templatePayload(DemoRows.Template template, String name, String job) {
        return new LinkedHashMap<>(Map.of(
                "template",
                Map.of("name", template.name(), "language", "en_US", "bodyParameters", List.of(name, job))));
    }

    /** Builds one conversation and its thread; the script depends on the status. */
    private void conversation(Person p, WhatsAppAccountEntity account, String status) {
        int i = p.index();
        CandidateEntity person = candidates.get(i);
        ConversationEntity conv = new ConversationEntity();
        conv.organizationId = org;
        conv.whatsappAccountId = account.id;
        conv.candidateId = person.id;
        conv.status = status;
        conv.assignedUserId = status.equals("new") ? null : recruiterFor(i);
        Thread t = new Thread(conv, p, account);
        Instant end;
        switch (status) {
            case "new" -> {
                end = ago(minutes(3 + 2L * i));
                if (i % 2 == 0) {
                    t.in("text", "Hi! I saw your post about the casting 😊", end.minus(minutes(6)));
                    t.bot(
                            "Hi " + p.first() + "! 👋 Thanks for messaging " + account.displayName
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
                MessageEntity cv = t.in("document", null, end.minus(minutes(120)));
                cv.mediaProviderId = "demo-media-" + i + "-cv";
                cv.mediaMimeType = "application/pdf";
                cv.mediaFilename = "CV_" + p.first() + "_" + p.last().replace(' ', '_') + ".pdf";
                cv.mediaCaption = "My CV";
                MessageEntity thanks = t.user(
                        "Thanks, got it. I'll share it with the hiring manager today.",
                        List.of("read", "delivered", "sent").get(i % 3),
                        end.minus(minutes(60)));
                t.note("CV looks solid. Shortlist for " + job + ".", end.minus(minutes(58)));
                if (i % 2 == 0) {
                    MessageEntity reaction = t.in("reaction", null, end);
                    reaction.payload =
                            new LinkedHashMap<>(Map.of("emoji", "🙏", "messageId", thanks.providerMessageId));
                } else {
                    t.user("Are you available for a quick call at 15:00?", "queued", end);
                }
            }
            case "pending_form" -> {
                end = ago(Duration.ofHours(2 + i % 10));
                t.in("text", "Hello 👋 I want to join your modelling agency", end.minus(minutes(30)));
                MessageEntity form = t.out(
                        "interactive",
                        "bot",
                        null,
                        "Welcome " + p.first() + "! Please fill in our short form so we can get to know you.",
                        "read",
                        end.minus(minutes(29)));
                form.payload = new LinkedHashMap<>(Map.of(
                        "type", "cta_url",
                        "displayText", "Open form",
                        "url",
                                "https://forms.recruitdesk.test/f/"
                                        + conv.id.toString().substring(0, 8)));
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
                    MessageEntity where = t.in("location", null, end.minus(minutes(1)));
                    where.payload = new LinkedHashMap<>(Map.of(
                            "latitude",
                            -33.9249 + i / 1000.0,
                            "longitude",
                            18.4241 + i / 1000.0,
                            "name",
                            "Canal Walk",
                            "address",
                            "Century Blvd, Century City, Cape Town"));
                    t.in("text", "I'm close to here, can I bring the photo to your office?", end);
                } else {
                    t.in("text", "I'll send it after work 🙏", end);
                }
            }
            case "needs_attention" -> {
                Instant lastInbound = ago(Duration.ofHours(30 + i % 20));
                t.in("text", "Hi, I had an interview last week. Any news? 😟", lastInbound.minus(minutes(20)));
                MessageEntity voice = t.in("audio", null, lastInbound);
                voice.isVoice = true;
                voice.mediaProviderId = "demo-media-" + i + "-voice";
                voice.mediaMimeType = "audio/ogg; codecs=opus";
                t.note("Candidate is worried about the feedback. Call before Friday.", lastInbound.plus(minutes(60)));
                end = lastInbound.plus(Duration.ofHours(26));
                MessageEntity failed = t.user(
                        "Hi " + p.first() + ", sorry for the slow reply! The client will decide this week.",
                        "failed",
                        end);
                if (i % 2 == 0) {
                    failed.errorCode = 131047;
                    failed.errorTitle = "Re-engagement message";
                } else {
                    failed.errorCode = 131026;
                    failed.errorTitle = "Message undeliverable";
                }
            }
            case "closed" -> {
                end = ago(Duration.ofDays(2 + i % 6));
                DemoRows.Template template = templateOf(account);
                String job =
                        account == talentLine ? "Runway Model, Cape Town Fashion Week" : "Warehouse Shift Supervisor";
                MessageEntity follow = t.out(
                        "template",
                        "user",
                        recruiterFor(i),
                        render(template, p.first(), job),
                        "read",
                        end.minus(Duration.ofDays(2)));
                follow.templateId = template.id();
                follow.payload = templatePayload(template, p.first(), job);
                MessageEntity yes =
                        t.in("button", "YES", end.minus(Duration.ofDays(2)).plus(minutes(30)));
                yes.payload = new LinkedHashMap<>(Map.of("text", "YES", "payload", "confirm"));
                t.user("Great! Please send a recent photo for the client.", "read", end.minus(Duration.ofDays(1)));
                MessageEntity photo = t.in("image", null, end.minus(minutes(60)));
                photo.mediaProviderId = "demo-media-" + i + "-photo";
                photo.mediaMimeType = "image/jpeg";
                photo.mediaCaption = "Here is the photo you asked for";
                t.user("Perfect, that's everything. We'll be in touch!", "read", end.minus(minutes(10)));
                t.in("text", "Thank you! 😊", end.minus(minutes(5)));
                t.system("Conversation closed", end);
            }
            case "archived" -> {
                end = ago(Duration.ofDays(25 + i));
                t.in("text", "Hi, is this the call centre job?", end.minus(minutes(120)));
                t.bot(
                        "Hi! 👋 This is " + account.displayName + ". Which job are you asking about?",
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

    /** Collects one conversation's messages and then fills in the conversation's summary columns. */
    private final class Thread {
        private final ConversationEntity conv;
        private final Person person;
        private final List<MessageEntity> messages = new ArrayList<>();
        private final String key;

        Thread(ConversationEntity conv, Person person, WhatsAppAccountEntity account) {
            this.conv = conv;
            this.person = person;
            this.key = person.index() + "/" + (account == talentLine ? "talent" : "jobs");
            add(conv, "conversation", key, Instant.EPOCH); // created_at set in finish
        }

        MessageEntity in(String type, String body, Instant at) {
            MessageEntity m = message("inbound", type, "candidate", null, body, at);
            m.providerMessageId = providerId(m);
            return m;
        }

        MessageEntity user(String body, String status, Instant at) {
            return out("text", "user", recruiterFor(person.index()), body, status, at);
        }

        MessageEntity bot(String body, String status, Instant at) {
            return out("text", "bot", null, body, status, at);
        }

        MessageEntity out(String type, String senderType, UUID user, String body, String status, Instant at) {
            MessageEntity m = message("outbound", type, senderType, user, body, at);
            m.status = status;
            if (!status.equals("queued")) {
                m.providerMessageId = providerId(m);
            }
            if (status.equals("delivered") || status.equals("read")) {
                m.deliveredAt = at.plusSeconds(4);
            }
            if (status.equals("read")) {
                m.readAt = at.plus(minutes(3));
            }
            return m;
        }

        void note(String body, Instant at) {
            message("internal", "note", "user", recruiterFor(person.index()), body, at);
        }

        void system(String body, Instant at) {
            message("internal", "system", "system", null, body, at);
        }

        private MessageEntity message(
                String direction, String type, String senderType, UUID user, String body, Instant at) {
            MessageEntity m = new MessageEntity();
            m.organizationId = org;
            m.conversationId = conv.id;
            m.whatsappAccountId = conv.whatsappAccountId;
            m.candidateId = conv.candidateId;
            m.direction = direction;
            m.type = type;
            m.senderType = senderType;
            m.senderUserId = user;
            m.body = body;
            m.sentAt = at;
            messages.add(m);
            return add(m, "message", key + "/" + messages.size(), at);
        }

        private String providerId(MessageEntity m) {
            return "wamid.DEMO" + m.id.toString().replace("-", "").toUpperCase(Locale.ROOT);
        }

        void finish(Instant end) {
            conv.createdAt = messages.getFirst().sentAt;
            conv.updatedAt = end;
            List<MessageEntity> chat = messages.stream()
                    .filter(m -> !m.direction.equals("internal"))
                    .toList();
            MessageEntity last = chat.getLast();
            conv.lastMessageAt = last.sentAt;
            conv.lastMessagePreview = preview(last);
            conv.lastInboundAt = chat.stream()
                    .filter(m -> m.direction.equals("inbound"))
                    .map(m -> m.sentAt)
                    .reduce((a, b) -> b)
                    .orElse(null);
            boolean handled = conv.status.equals("closed") || conv.status.equals("archived");
            int unread = 0;
            for (MessageEntity m : chat) {
                if (m.direction.equals("outbound") && !m.status.equals("failed")) {
                    unread = 0;
                } else if (m.direction.equals("inbound")) {
                    unread++;
                }
            }
            conv.unreadCount = handled ? 0 : unread;
        }
    }

    private static String preview(MessageEntity m) {
        return switch (m.type) {
            case "image" -> "📷 " + (m.mediaCaption == null ? "Photo" : m.mediaCaption);
            case "document" -> "📄 " + m.mediaFilename;
            case "audio" -> "🎤 Voice message";
            case "location" -> "📍 " + m.payload.get("name");
            case "reaction" -> "Reacted " + m.payload.get("emoji");
            case "contacts" -> "👤 " + m.body;
            default -> m.body;
        };
    }
}
