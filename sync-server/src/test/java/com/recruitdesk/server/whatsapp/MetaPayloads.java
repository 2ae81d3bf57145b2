package com.recruitdesk.server.whatsapp;

/**
 * Webhook bodies in the WhatsApp Cloud API's wire format, modelled on the examples of Meta's
 * "Webhooks → messages" reference: {@code object / entry[] / changes[] / value} with
 * {@code metadata}, {@code contacts}, {@code messages} and {@code statuses}.
 */
final class MetaPayloads {
    static final String WABA_ID = "102290129340398";

    private MetaPayloads() {}

    /** One entry with one {@code messages} change for the number {@code phoneNumberId}. */
    static String envelope(String phoneNumberId, String displayPhone, String valueBody) {
        return """
                {
                  "object": "whatsapp_business_account",
                  "entry": [
                    {
                      "id": "%s",
                      "changes": [
                        {
                          "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                              "display_phone_number": "%s",
                              "phone_number_id": "%s"
                            },
                            %s
                          },
                          "field": "messages"
                        }
                      ]
                    }
                  ]
                }
                """.formatted(WABA_ID, displayPhone, phoneNumberId, valueBody);
    }

    /** {@code "contacts": [...], "messages": [message]} from the person {@code waId}. */
    static String messageValue(String waId, String profileName, String message) {
        return """
                "contacts": [
                  {
                    "profile": {
                      "name": "%s"
                    },
                    "wa_id": "%s"
                  }
                ],
                "messages": [
                  %s
                ]""".formatted(profileName, waId, message);
    }

    /**
     * A contact as Meta sends it since business-scoped user ids (April 2026): {@code user_id} always,
     * {@code wa_id} only while the number is shared, {@code profile.username} only for users who took
     * one, {@code parent_user_id} only for linked portfolios. Null arguments are left out.
     */
    static String contact(String waId, String userId, String parentUserId, String name, String username) {
        StringBuilder profile = new StringBuilder("\"name\": \"" + name + "\"");
        if (username != null) {
            profile.append(", \"username\": \"").append(username).append('"');
        }
        StringBuilder contact = new StringBuilder("{\n  \"profile\": {" + profile + "}");
        if (waId != null) {
            contact.append(",\n  \"wa_id\": \"").append(waId).append('"');
        }
        if (userId != null) {
            contact.append(",\n  \"user_id\": \"").append(userId).append('"');
            contact.append(",\n  \"country_code\": \"").append(userId, 0, 2).append('"');
        }
        if (parentUserId != null) {
            contact.append(",\n  \"parent_user_id\": \"").append(parentUserId).append('"');
        }
        return contact.append("\n}").toString();
    }

    /** {@code "contacts": [contact], "messages": [messages...]}. */
    static String value(String contact, String... messages) {
        return "\"contacts\": [" + contact + "],\n\"messages\": [" + String.join(",", messages) + "]";
    }

    /** A text naming its sender by {@code from} and/or {@code from_user_id} (null ones are left out). */
    static String textFrom(String waId, String userId, String wamid, long timestamp, String body) {
        StringBuilder m = new StringBuilder("{\n");
        if (waId != null) {
            m.append("  \"from\": \"").append(waId).append("\",\n");
        }
        if (userId != null) {
            m.append("  \"from_user_id\": \"").append(userId).append("\",\n");
        }
        return m.append("""
                  "id": "%s",
                  "timestamp": "%d",
                  "text": {
                    "body": "%s"
                  },
                  "type": "text"
                }""".formatted(wamid, timestamp, body)).toString();
    }

    /** A delivery status naming its recipient by {@code recipient_id} and/or {@code recipient_user_id}. */
    static String statusTo(String wamid, String status, long timestamp, String recipientWaId, String recipientUserId) {
        StringBuilder s = new StringBuilder("{\n  \"id\": \"" + wamid + "\",\n  \"status\": \"" + status
                + "\",\n  \"timestamp\": \"" + timestamp + "\"");
        if (recipientWaId != null) {
            s.append(",\n  \"recipient_id\": \"").append(recipientWaId).append('"');
        }
        if (recipientUserId != null) {
            s.append(",\n  \"recipient_user_id\": \"").append(recipientUserId).append('"');
        }
        return s.append("""
                ,
                  "pricing": {
                    "billable": true,
                    "pricing_model": "PMP",
                    "category": "service",
                    "type": "regular"
                  }
                }""").toString();
    }

    /** {@code "contacts": [contact], "statuses": [statuses...]}: delivered and read statuses carry the contact. */
    static String statusValueWithContact(String contact, String... statuses) {
        return "\"contacts\": [" + contact + "],\n\"statuses\": [" + String.join(",", statuses) + "]";
    }

    /** A {@code message_template_status_update} webhook of the WABA {@code wabaId}, as Meta sends it. */
    static String templateStatus(String wabaId, String event, String templateId, String name, String reason) {
        return templateStatus(wabaId, event, templateId, name, reason, 1739321024);
    }

    /** As above, sent by Meta at {@code time} (epoch seconds, the entry's {@code time}). */
    static String templateStatus(
            String wabaId, String event, String templateId, String name, String reason, long time) {
        return """
                {
                  "object": "whatsapp_business_account",
                  "entry": [
                    {
                      "id": "%s",
                      "time": %d,
                      "changes": [
                        {
                          "value": {
                            "event": "%s",
                            "message_template_id": %s,
                            "message_template_name": "%s",
                            "message_template_language": "en_US",
                            "reason": "%s",
                            "message_template_category": "UTILITY"
                          },
                          "field": "message_template_status_update"
                        }
                      ]
                    }
                  ]
                }
                """.formatted(wabaId, time, event, templateId, name, reason);
    }

    static String statusValue(String... statuses) {
        return "\"statuses\": [" + String.join(",", statuses) + "]";
    }

    static String text(String waId, String wamid, long timestamp, String body) {
        return """
                {
                  "from": "%s",
                  "id": "%s",
                  "timestamp": "%d",
                  "text": {
                    "body": "%s"
                  },
                  "type": "text"
                }""".formatted(waId, wamid, timestamp, body);
    }

    /** A message of {@code type} whose type-specific object is {@code typeObject}; {@code contextId} may be null. */
    static String message(String waId, String wamid, long timestamp, String type, String typeObject, String contextId) {
        String context = contextId == null ? "" : """
                  "context": {
                    "from": "%s",
                    "id": "%s"
                  },
                """.formatted("15550783881", contextId);
        return """
                {
                  %s
                  "from": "%s",
                  "id": "%s",
                  "timestamp": "%d",
                  "type": "%s",
                  "%s": %s
                }""".formatted(context, waId, wamid, timestamp, type, type, typeObject);
    }

    static final String IMAGE = """
            {
              "caption": "My CV, page one",
              "mime_type": "image/jpeg",
              "sha256": "Cf3bShU2bNmXmnh3XmDb5HPmkaaBSs8FAGNRHrKVrx0=",
              "id": "1003383421387256"
            }""";

    static final String VIDEO = """
            {
              "caption": "Forklift certificate",
              "mime_type": "video/mp4",
              "sha256": "b1Tbd9Bq5/lVUKMB0jVzy0z0ZfnNqrKZ4UxFDgZaZtE=",
              "id": "1165345911264347"
            }""";

    static final String VOICE = """
            {
              "mime_type": "audio/ogg; codecs=opus",
              "sha256": "fs0hEBTWL4kRIhfVwFv/Q2kXzchl3fp4+5c/2DYZzM4=",
              "id": "1287212545975946",
              "voice": true
            }""";

    static final String AUDIO = """
            {
              "mime_type": "audio/mpeg",
              "sha256": "gR1w2kK0Q8l7R0m4bG4V3r+u6wYp0mNd7B8m1zWn5cY=",
              "id": "3301932846700213",
              "voice": false
            }""";

    static final String DOCUMENT = """
            {
              "caption": "Updated CV",
              "filename": "Thandi_Mokoena_CV.pdf",
              "mime_type": "application/pdf",
              "sha256": "XSX2K9Tbv0zFQH4Y5p9m1S+Rk7k9Ak7aXAM3dQ0nY6E=",
              "id": "1209958213768843"
            }""";

    static final String STICKER = """
            {
              "mime_type": "image/webp",
              "sha256": "JxtzeNmSBqqvzb1EuIiygQcItCPmYrxUdfLu1iuzFQQ=",
              "id": "1028217945437612",
              "animated": false
            }""";

    static final String LOCATION = """
            {
              "address": "1 Hacker Way, Menlo Park, CA 94025",
              "latitude": 37.483307,
              "longitude": -122.148981,
              "name": "Meta Headquarters",
              "url": "https://meta.com"
            }""";

    static final String CONTACTS = """
            [
              {
                "addresses": [
                  {
                    "city": "Johannesburg",
                    "country": "South Africa",
                    "country_code": "ZA",
                    "street": "12 Main Road",
                    "type": "HOME",
                    "zip": "2001"
                  }
                ],
                "birthday": "1995-08-18",
                "emails": [
                  {
                    "email": "sipho@example.com",
                    "type": "WORK"
                  }
                ],
                "name": {
                  "formatted_name": "Sipho Dlamini",
                  "first_name": "Sipho",
                  "last_name": "Dlamini"
                },
                "org": {
                  "company": "Lakeside Logistics",
                  "title": "Driver"
                },
                "phones": [
                  {
                    "phone": "+27 82 000 0002",
                    "wa_id": "27820000002",
                    "type": "CELL"
                  }
                ],
                "urls": [
                  {
                    "url": "https://www.example.com",
                    "type": "WORK"
                  }
                ]
              }
            ]""";

    static final String BUTTON_REPLY = """
            {
              "type": "button_reply",
              "button_reply": {
                "id": "confirm-interview",
                "title": "Yes, I will come"
              }
            }""";

    static final String LIST_REPLY = """
            {
              "type": "list_reply",
              "list_reply": {
                "id": "shift-morning",
                "title": "Morning shift",
                "description": "06:00 to 14:00"
              }
            }""";

    static final String TEMPLATE_BUTTON = """
            {
              "payload": "STILL_INTERESTED",
              "text": "YES"
            }""";

    static String reaction(String reactedWamid) {
        return """
                {
                  "message_id": "%s",
                  "emoji": "\\uD83D\\uDC4D"
                }""".formatted(reactedWamid);
    }

    static String unsupported(String waId, String wamid, long timestamp) {
        return """
                {
                  "from": "%s",
                  "id": "%s",
                  "timestamp": "%d",
                  "errors": [
                    {
                      "code": 131051,
                      "title": "Message type unknown",
                      "message": "Message type unknown",
                      "error_data": {
                        "details": "Message type is currently not supported."
                      }
                    }
                  ],
                  "type": "unsupported"
                }""".formatted(waId, wamid, timestamp);
    }

    static String status(String wamid, String status, long timestamp, String recipientWaId) {
        return """
                {
                  "id": "%s",
                  "status": "%s",
                  "timestamp": "%d",
                  "recipient_id": "%s",
                  "conversation": {
                    "id": "4a7a3c0ca2f6a2e4e2b0f7f1ab4a5e1c",
                    "expiration_timestamp": "%d",
                    "origin": {
                      "type": "service"
                    }
                  },
                  "pricing": {
                    "billable": true,
                    "pricing_model": "PMP",
                    "category": "service",
                    "type": "regular"
                  }
                }""".formatted(wamid, status, timestamp, recipientWaId, timestamp + 86_400);
    }

    /** A status carrying our message id back in {@code biz_opaque_callback_data}. */
    static String statusWithCallback(String wamid, String status, long timestamp, String recipientWaId, String data) {
        return """
                {
                  "id": "%s",
                  "status": "%s",
                  "timestamp": "%d",
                  "recipient_id": "%s",
                  "biz_opaque_callback_data": "%s"
                }""".formatted(wamid, status, timestamp, recipientWaId, data);
    }

    static String failed(String wamid, long timestamp, String recipientWaId, int code, String title, String details) {
        return """
                {
                  "id": "%s",
                  "status": "failed",
                  "timestamp": "%d",
                  "recipient_id": "%s",
                  "errors": [
                    {
                      "code": %d,
                      "title": "%s",
                      "message": "%s",
                      "error_data": {
                        "details": "%s"
                      },
                      "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
                    }
                  ]
                }""".formatted(wamid, timestamp, recipientWaId, code, title, title, details);
    }
}
