package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.blob.FileTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Meta's WhatsApp Cloud API over the Graph API: {@code POST /{phone-number-id}/messages} to send,
 * {@code POST /{phone-number-id}/media} to upload a file to send, {@code GET /{media-id}} then the
 * returned URL (both with the bearer token) to download media.
 * OkHttp never retries a request by itself here: a retry could send a message twice.
 */
final class CloudApiClient implements WhatsAppProvider {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Meta's error codes that mean "slow down" or "try again", not "this message is wrong". */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004);

    private final OkHttpClient http;
    /** For files: no limit on the whole call, only on silence, so a large file may take its time. */
    private final OkHttpClient media;

    private final HttpUrl base;
    private final String accessToken;
    private final ObjectMapper mapper;
    private final long maxMediaBytes;

    CloudApiClient(String apiBase, String accessToken, Duration timeout, ObjectMapper mapper, long maxMediaBytes) {
        this.base = HttpUrl.get(apiBase.endsWith("/") ? apiBase : apiBase + "/");
        this.accessToken = accessToken;
        this.mapper = mapper;
        this.maxMediaBytes = maxMediaBytes;
        // OkHttp's own 10 s read time-out would cut a slow answer before the configured one.
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(true)
                .build();
        this.media = http.newBuilder()
                .callTimeout(Duration.ZERO)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    /**
     * The Message Templates API on this client's connections, base and token. A template list is a
     * GET, so unlike a send it may be retried on a failed connection.
     */
    CloudApiTemplates templates() {
        return new CloudApiTemplates(
                http.newBuilder().retryOnConnectionFailure(true).build(), base, accessToken, mapper);
    }

    /** Numbers and templates as an administrator manages them, on this client's connections, base and token. */
    MetaBusiness business() {
        return new CloudApiBusiness(http, base, accessToken, mapper);
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
            return refusal(response, answer);
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
        } else if (message.media() != null) {
            OutboundMedia media = message.media();
            body.put("type", message.type());
            ObjectNode file = body.putObject(message.type());
            file.put("id", media.providerMediaId());
            if (media.caption() != null) {
                file.put("caption", media.caption());
            }
            if ("document".equals(message.type()) && media.filename() != null) {
                file.put("filename", media.filename());
            }
        } else {
            body.put("type", "text");
            body.putObject("text").put("preview_url", false).put("body", message.body());
        }
        return body;
    }

    /** Meta's refusal of a request: for now (throttled, unavailable) or for good. */
    private SendOutcome refusal(Response response, JsonNode answer) {
        JsonNode error = answer.path("error");
        int code = error.path("code").asInt(0);
        String title = error.path("message").asText("HTTP " + response.code());
        if (response.code() == 429 || response.code() >= 500 || RETRYABLE_CODES.contains(code)) {
            return new SendOutcome.Retry(
                    title + (code == 0 ? "" : " (" + code + ")"), retryAfter(response.header("Retry-After")));
        }
        return new SendOutcome.Failed(
                code, title, error.path("error_data").path("details").asText(null));
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

    /**
     * {@code POST /{phone-number-id}/media} as multipart form data ({@code messaging_product},
     * {@code type}, {@code file}), streamed from the blob store. Uploading again after a lost answer
     * only leaves an unused file at Meta, so every failure to get an answer is a plain retry.
     */
    @Override
    public SendOutcome upload(WhatsAppAccount account, MediaUpload file) {
        String type = FileTypes.base(file.mimeType());
        RequestBody content = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.parse(file.mimeType());
            }

            @Override
            public long contentLength() {
                return file.sizeBytes();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (InputStream in = file.content().open();
                        Source source = Okio.source(in)) {
                    sink.writeAll(source);
                }
            }
        };
        String name = file.filename() != null ? file.filename() : "file" + FileTypes.extension(type);
        Request request = new Request.Builder()
                .url(base.newBuilder()
                        .addPathSegment(account.phoneNumberId())
                        .addPathSegment("media")
                        .build())
                .header("Authorization", "Bearer " + accessToken)
                .post(new MultipartBody.Builder()
                        .setType(MultipartBody.FORM)
                        .addFormDataPart("messaging_product", "whatsapp")
                        .addFormDataPart("type", type)
                        .addFormDataPart("file", name, content)
                        .build())
                .build();
        try (Response response = media.newCall(request).execute()) {
            JsonNode answer = readJson(response);
            if (response.isSuccessful()) {
                String id = answer.path("id").asText("");
                return id.isBlank()
                        ? new SendOutcome.Retry("Meta answered the upload without a media id", null)
                        : new SendOutcome.Accepted(id);
            }
            return refusal(response, answer);
        } catch (IOException e) {
            return new SendOutcome.Retry("the upload to the Graph API failed: " + e.getMessage(), null);
        }
    }

    /**
     * {@code GET /{media-id}} for a short-lived URL, then that URL, both with the bearer token. An
     * unknown or expired media id and a file over the size limit are final; everything else may work
     * on a later attempt, which looks up a fresh URL.
     */
    @Override
    public MediaDownload download(WhatsAppAccount account, String mediaId) throws IOException {
        HttpUrl.Builder lookupUrl = base.newBuilder().addPathSegment(mediaId);
        if (account.phoneNumberId() != null) {
            lookupUrl.addQueryParameter("phone_number_id", account.phoneNumberId());
        }
        Request lookup = new Request.Builder()
                .url(lookupUrl.build())
                .header("Authorization", "Bearer " + accessToken)
                .build();
        String url;
        String mime;
        try (Response response = http.newCall(lookup).execute()) {
            JsonNode info = readJson(response);
            if (!response.isSuccessful()) {
                int code = response.code();
                String title = info.path("error").path("message").asText("HTTP " + code);
                if (code == 400 || code == 404 || code == 410) {
                    throw new MediaUnavailable(
                            "WhatsApp no longer has this file (its media id expired or is unknown).");
                }
                throw new IOException("GET /" + mediaId + " answered " + code + ": " + title);
            }
            url = info.path("url").asText("");
            mime = info.path("mime_type").asText(null);
            if (url.isBlank()) {
                throw new IOException("GET /" + mediaId + " returned no url");
            }
            long size = info.path("file_size").asLong(0);
            if (size > maxMediaBytes) {
                throw tooLarge(size);
            }
        }
        Request file = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + accessToken)
                .build();
        Response response = media.newCall(file).execute();
        boolean handedOver = false;
        try {
            if (!response.isSuccessful()) {
                // The URL lives five minutes; the next attempt asks for a new one.
                throw new IOException("downloading media " + mediaId + " answered " + response.code());
            }
            long length = response.body().contentLength();
            if (length > maxMediaBytes) {
                throw tooLarge(length);
            }
            if (mime == null) {
                MediaType type = response.body().contentType();
                mime = type == null ? null : type.toString();
            }
            handedOver = true;
            return new MediaDownload(response.body().byteStream(), mime);
        } finally {
            if (!handedOver) {
                response.close();
            }
        }
    }

    private MediaUnavailable tooLarge(long size) {
        return new MediaUnavailable("The file is " + readableSize(size) + ", more than the "
                + readableSize(maxMediaBytes) + " this server keeps.");
    }

    /** A size for people: "59 KB", "4.8 MB". */
    static String readableSize(long bytes) {
        return bytes < 1024 * 1024
                ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
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
