package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Meta's WhatsApp Cloud API over the Graph API: {@code POST /{phone-number-id}/messages} to send,
 * {@code GET /{media-id}} then the returned URL (both with the bearer token) to download media.
 * OkHttp never retries a request by itself here: a retry could send a message twice.
 */
final class CloudApiClient implements WhatsAppProvider {
    /** Largest media file kept: Meta's own limit for documents is 100 MB. */
    static final long MAX_MEDIA_BYTES = 100L * 1024 * 1024;

    private static final MediaType JSON = MediaType.get("application/json");
    /** Meta's error codes that mean "slow down" or "try again", not "this message is wrong". */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004);

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String accessToken;
    private final ObjectMapper mapper;
    private final long maxMediaBytes;

    CloudApiClient(String apiBase, String accessToken, Duration timeout, ObjectMapper mapper, long maxMediaBytes) {
        this.base = HttpUrl.get(apiBase.endsWith("/") ? apiBase : apiBase + "/");
        this.accessToken = accessToken;
        this.mapper = mapper;
        this.maxMediaBytes = maxMediaBytes;
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(true)
                .build();
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        if (message.to() == null) {
            return new SendOutcome.Failed(
                    0, "This person has no WhatsApp number or WhatsApp user id to send to.", null);
        }
        Request request = new Request.Builder()
                .url(base.newBuilder()
                        .addPathSegment(message.account().phoneNumberId())
                        .addPathSegment("messages")
                        .build())
                .header("Authorization", "Bearer " + accessToken)
                .post(RequestBody.create(body(message).toString(), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = readJson(response);
            if (response.isSuccessful()) {
                String wamid = answer.path("messages").path(0).path("id").asText("");
                return wamid.isBlank()
                        ? new SendOutcome.InDoubt("Meta answered " + response.code() + " without a message id")
                        : new SendOutcome.Accepted(wamid);
            }
            JsonNode error = answer.path("error");
            int code = error.path("code").asInt(0);
            String title = error.path("message").asText("HTTP " + response.code());
            if (response.code() == 429 || response.code() >= 500 || RETRYABLE_CODES.contains(code)) {
                return new SendOutcome.Retry(
                        title + (code == 0 ? "" : " (" + code + ")"), retryAfter(response.header("Retry-After")));
            }
            return new SendOutcome.Failed(
                    code, title, error.path("error_data").path("details").asText(null));
        } catch (ConnectException e) {
            return new SendOutcome.Retry("cannot connect to the Graph API: " + e.getMessage(), null);
        } catch (InterruptedIOException e) {
            return new SendOutcome.InDoubt("the Graph API did not answer in time");
        } catch (IOException e) {
            return new SendOutcome.InDoubt("the connection to the Graph API broke: " + e.getMessage());
        }
    }

    ObjectNode body(OutboundMessage message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        if (message.toUserId()) {
            // Someone known only by their business-scoped user id (their number is hidden behind a username).
            body.put("recipient", message.to());
        } else {
            body.put("to", message.to().startsWith("+") ? message.to().substring(1) : message.to());
        }
        // Meta echoes this in the status webhooks: it links a send whose answer we never got.
        body.put("biz_opaque_callback_data", message.id().toString());
        if (message.replyToProviderId() != null) {
            body.putObject("context").put("message_id", message.replyToProviderId());
        }
        if ("template".equals(message.type())) {
            body.put("type", "template");
            ObjectNode template = body.putObject("template");
            template.put("name", message.template().name());
            template.putObject("language").put("code", message.template().language());
            ArrayNode components = template.putArray("components");
            component(components, "header", message.template().header());
            component(components, "body", message.template().body());
            if (components.isEmpty()) {
                template.remove("components");
            }
        } else {
            body.put("type", "text");
            body.putObject("text").put("preview_url", false).put("body", message.body());
        }
        return body;
    }

    /** A {@code components} entry of a template send: the values of the header's or body's placeholders. */
    private static void component(ArrayNode components, String type, List<OutboundMessage.Template.Parameter> values) {
        if (values.isEmpty()) {
            return;
        }
        ObjectNode component = components.addObject();
        component.put("type", type);
        ArrayNode parameters = component.putArray("parameters");
        for (OutboundMessage.Template.Parameter p : values) {
            ObjectNode parameter = parameters.addObject().put("type", "text");
            if (p.name() != null) {
                parameter.put("parameter_name", p.name());
            }
            parameter.put("text", p.text());
        }
    }

    @Override
    public MediaFile download(String mediaId) throws IOException {
        Request lookup = new Request.Builder()
                .url(base.newBuilder().addPathSegment(mediaId).build())
                .header("Authorization", "Bearer " + accessToken)
                .build();
        String url;
        String mime;
        try (Response response = http.newCall(lookup).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("GET /" + mediaId + " answered " + response.code());
            }
            JsonNode info = readJson(response);
            url = info.path("url").asText("");
            mime = info.path("mime_type").asText("application/octet-stream");
            if (url.isBlank()) {
                throw new IOException("GET /" + mediaId + " returned no url");
            }
            if (info.path("file_size").asLong(0) > maxMediaBytes) {
                throw new MediaTooLarge(mediaId, info.path("file_size").asLong());
            }
        }
        Request file = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + accessToken)
                .build();
        try (Response response = http.newCall(file).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("downloading media " + mediaId + " answered " + response.code());
            }
            var body = response.body();
            if (body.contentLength() > maxMediaBytes) {
                throw new MediaTooLarge(mediaId, body.contentLength());
            }
            try (var in = body.byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxMediaBytes + 1));
                if (bytes.length > maxMediaBytes) {
                    throw new MediaTooLarge(mediaId, bytes.length);
                }
                return new MediaFile(bytes, mime);
            }
        }
    }

    /** A file larger than the server keeps; downloading it again will not help. */
    static final class MediaTooLarge extends IOException {
        MediaTooLarge(String mediaId, long size) {
            super("media " + mediaId + " is " + size + " bytes, more than this server keeps");
        }
    }

    private JsonNode readJson(Response response) {
        try {
            String text = response.body().string();
            return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
