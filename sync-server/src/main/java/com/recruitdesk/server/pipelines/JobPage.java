package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A live job as its public page shows it, read from the job's row ({@code to_jsonb}, snake_case),
 * with the schema.org {@code JobPosting} JSON-LD that search engines read (Google's required
 * properties: title, description, datePosted, hiringOrganization, jobLocation or a remote
 * location type; and validThrough, employmentType, baseSalary, identifier when known).
 */
public record JobPage(JsonNode row, String hiringOrganization, String jsonLd) {
    static JobPage of(ObjectMapper mapper, JsonNode row, String hiringOrganization, String pageUrl) {
        return new JobPage(row, hiringOrganization, jsonLd(mapper, row, hiringOrganization, pageUrl));
    }

    public String slug() {
        return row.path("slug").asText();
    }

    public String title() {
        return row.path("title").asText();
    }

    public String metaTitle() {
        return text("meta_title") != null ? text("meta_title") : title() + " · " + hiringOrganization;
    }

    public String metaDescription() {
        if (text("meta_description") != null) {
            return text("meta_description");
        }
        String summary = summary();
        return summary == null ? title() : summary.length() > 160 ? summary.substring(0, 157) + "..." : summary;
    }

    public String summary() {
        return text("job_summary");
    }

    public String aboutCompany() {
        return text("about_company");
    }

    public String location() {
        List<String> places = list("job_locations");
        String mode = text("work_mode");
        String where = places.isEmpty() ? null : String.join(" · ", places);
        if ("remote".equals(mode)) {
            return where == null ? "Remote" : "Remote · " + where;
        }
        return where;
    }

    public String employmentLabel() {
        String type = text("employment_type");
        return type == null
                ? null
                : Character.toUpperCase(type.charAt(0)) + type.substring(1).replace('_', ' ');
    }

    public String deadline() {
        return text("application_deadline");
    }

    public String salaryText() {
        JsonNode min = row.get("min_salary");
        JsonNode max = row.get("max_salary");
        if ((min == null || min.isNull()) && (max == null || max.isNull())) {
            return null;
        }
        String currency = text("currency") == null ? "" : text("currency") + " ";
        String unit = text("salary_unit") == null ? "" : " per " + text("salary_unit");
        String range = min != null && !min.isNull() && max != null && !max.isNull()
                ? String.format(Locale.ROOT, "%,d – %,d", min.asLong(), max.asLong())
                : String.format(Locale.ROOT, "%,d", (min != null && !min.isNull() ? min : max).asLong());
        return currency + range + unit;
    }

    public List<String> responsibilities() {
        return list("responsibilities");
    }

    public List<String> skills() {
        return list("required_skills");
    }

    public List<String> benefits() {
        return list("benefits_perks");
    }

    private String text(String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private List<String> list(String column) {
        List<String> out = new ArrayList<>();
        JsonNode v = row.get(column);
        if (v != null && v.isArray()) {
            v.forEach(i -> out.add(i.asText()));
        } else if (v != null && v.isObject()) {
            v.fieldNames().forEachRemaining(out::add); // skills as {"Java": "expert"}
        }
        return out;
    }

    /** The JobPosting JSON-LD, safe inside a script element (no "<", ">" or "&" left raw). */
    static String jsonLd(ObjectMapper mapper, JsonNode row, String hiringOrganization, String pageUrl) {
        JobPage page = new JobPage(row, hiringOrganization, null);
        ObjectNode p = mapper.createObjectNode();
        p.put("@context", "https://schema.org/");
        p.put("@type", "JobPosting");
        p.put("title", page.title());
        p.put("description", description(page));
        String posted = row.path("published_at").asText(row.path("created_at").asText());
        p.put(
                "datePosted",
                posted.length() >= 10
                        ? posted.substring(0, 10)
                        : LocalDate.now().toString());
        if (page.deadline() != null) {
            p.put("validThrough", page.deadline() + "T23:59:59");
        }
        if (page.text("employment_type") != null) {
            p.put("employmentType", page.text("employment_type").toUpperCase(Locale.ROOT));
        }
        ObjectNode org = p.putObject("hiringOrganization");
        org.put("@type", "Organization");
        org.put("name", hiringOrganization);
        ObjectNode id = p.putObject("identifier");
        id.put("@type", "PropertyValue");
        id.put("name", hiringOrganization);
        id.put(
                "value",
                page.text("internal_job_id") != null
                        ? page.text("internal_job_id")
                        : row.path("id").asText());
        List<String> places = page.list("job_locations");
        if ("remote".equals(page.text("work_mode"))) {
            p.put("jobLocationType", "TELECOMMUTE");
            ArrayNode where = p.putArray("applicantLocationRequirements");
            (places.isEmpty() ? List.of("Anywhere") : places)
                    .forEach(place -> where.addObject().put("@type", "Country").put("name", place));
        } else {
            ArrayNode where = p.putArray("jobLocation");
            for (String place : places.isEmpty() ? List.of(hiringOrganization) : places) {
                ObjectNode address = where.addObject().put("@type", "Place").putObject("address");
                address.put("@type", "PostalAddress");
                address.put("addressLocality", place);
            }
        }
        JsonNode min = row.get("min_salary");
        JsonNode max = row.get("max_salary");
        if (page.text("currency") != null && min != null && !min.isNull()) {
            ObjectNode salary = p.putObject("baseSalary");
            salary.put("@type", "MonetaryAmount");
            salary.put("currency", page.text("currency"));
            ObjectNode value = salary.putObject("value");
            value.put("@type", "QuantitativeValue");
            value.put("minValue", min.asLong());
            if (max != null && !max.isNull()) {
                value.put("maxValue", max.asLong());
            }
            if (page.text("salary_unit") != null) {
                value.put("unitText", page.text("salary_unit").toUpperCase(Locale.ROOT));
            }
        }
        if (!page.skills().isEmpty()) {
            p.put("skills", String.join(", ", page.skills()));
        }
        p.put("url", pageUrl);
        try {
            return mapper.writeValueAsString(p)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String description(JobPage page) {
        StringBuilder d = new StringBuilder();
        if (page.summary() != null) {
            d.append(page.summary());
        }
        if (!page.responsibilities().isEmpty()) {
            d.append(d.isEmpty() ? "" : "\n\n")
                    .append("Responsibilities: ")
                    .append(String.join("; ", page.responsibilities()));
        }
        return d.isEmpty() ? page.title() : d.toString();
    }
}
