package com.recruitdesk.server.demo;

import com.recruitdesk.server.conversations.CandidateTags;
import com.recruitdesk.server.people.PersonRow;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's people: fifty, forty-one of them on WhatsApp (models, job seekers), the rest cohort
 * students known by email; each with the profile their source would give them, and tags.
 */
final class DemoPeople extends DemoPart {
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

    /** The status of person i's conversation is STATUSES[i % 7], so every status has several conversations. */
    static final List<String> STATUSES =
            List.of("new", "open", "pending_form", "pending_photo", "needs_attention", "closed", "archived");

    private static final List<String> MODELING = List.of("runway", "commercial", "fitness", "catalogue", "promotional");
    private static final List<String> TAGS =
            List.of("runway", "commercial", "vip", "follow-up", "referral", "call-centre", "java", "night-shift");

    record Person(int index, String first, String last, String waName, String phone, String city) {
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
    private final List<PersonRow> rows = new ArrayList<>();

    DemoPeople(DemoPart shared) {
        super(shared);
        for (int i = 0; i < PEOPLE.size(); i++) {
            String[] f = PEOPLE.get(i).split("\\|", -1);
            people.add(new Person(i, f[0], f[1], f[2], f[3], f[4]));
        }
        people.forEach(this::person);
    }

    /** Every person, in the order of {@link #PEOPLE}. */
    List<Person> people() {
        return people;
    }

    /** Their rows, in the same order. */
    List<PersonRow> rows() {
        return rows;
    }

    private static boolean isModel(Person p) {
        int status = p.index() % STATUSES.size();
        return p.index() < 8 || (p.onWhatsApp() && (status == 2 || status == 3));
    }

    private void person(Person p) {
        int i = p.index();
        Map<String, Object> metadata = new LinkedHashMap<>(Map.of("demo", true));
        PersonRow c = new PersonRow()
                .id(id("candidate", i))
                .organizationId(org)
                .ownerUserId(p.onWhatsApp() ? recruiterFor(i) : null)
                .source(p.onWhatsApp() ? (i % 9 == 4 ? "referral" : "whatsapp") : "cohort")
                .whatsappId(p.onWhatsApp() ? p.phone() : null)
                .email(!p.onWhatsApp() || i % 3 == 0 ? p.email() : null)
                .whatsappName(p.onWhatsApp() ? p.waName() : null)
                .fullName(p.fullName())
                .firstName(p.first())
                .lastName(p.last())
                .location(p.city())
                .metadata(metadata)
                .languages(i % 4 == 0 ? List.of("English", "isiZulu") : List.of("English"))
                .preferredContactMode(p.onWhatsApp() ? "whatsapp" : "email");
        if (isModel(p)) {
            c.preferredModelingType(List.of(MODELING.get(i % 5), MODELING.get((i + 2) % 5)))
                    .hasKids(i % 4 == 3)
                    .preferredShift(
                            List.of("morning", "afternoon", "flexible", "any").get(i % 4))
                    .unavailableShifts(i % 3 == 0 ? List.of("evening") : List.of());
            int status = i % STATUSES.size();
            if (status != 0 && status != 2) {
                c.formSubmittedAt(ago(Duration.ofDays(1 + i % 9)))
                        .formNotes(
                                i % 2 == 0 ? "Has done two catalogue shoots before." : "Available on weekends only.");
            }
            metadata.put("heightCm", 160 + (i * 7) % 25);
        } else if (p.onWhatsApp()) {
            c.currentJobTitle(List.of(
                                    "Call centre agent",
                                    "Junior developer",
                                    "Stock controller",
                                    "Sales assistant",
                                    "Student")
                            .get(i % 5))
                    .skills(
                            switch (i % 5) {
                                case 0 -> List.of("customer service", "Zendesk", "typing 45 wpm");
                                case 1 -> List.of("Java", "SQL", "Git");
                                case 2 -> List.of("inventory", "forklift licence", "SAP");
                                case 3 -> List.of("sales", "merchandising");
                                default -> List.of("Excel", "communication");
                            })
                    .totalExperienceYears(BigDecimal.valueOf(i % 8).add(new BigDecimal("0.5")))
                    .expectedCtc(120_000L + 12_000L * (i % 10))
                    .currency("ZAR")
                    .noticePeriodDays(List.of(0, 14, 30, 30, 60).get(i % 5))
                    .readyToRelocate(List.of("yes", "no", "open_to_discussion").get(i % 3))
                    .highestEducation(i % 2 == 0 ? "National Senior Certificate" : "National Diploma")
                    .skillsLastUpdated(ago(Duration.ofDays(i % 20)));
        } else {
            c.highestEducation("National Senior Certificate")
                    .yearOfPassing(2019 + i % 5)
                    .dob(LocalDate.of(1998 + i % 7, 1 + i % 12, 1 + i % 27))
                    .gender(i % 2 == 0 ? "female" : "male");
        }
        c.createdAt(ago(Duration.ofDays(3 + (i * 5) % 90))).updatedAt(c.createdAt());
        rows.add(c);
        write(db -> c.insert().orSkipExistingId().execute(db));
        for (int t = 0; t < i % 3; t++) {
            String tag = TAGS.get((i + t * 3) % TAGS.size());
            write(db -> CandidateTags.add(db, id("candidate_tag", i + "/" + tag), org, c.id(), tag, c.createdAt()));
        }
    }
}
