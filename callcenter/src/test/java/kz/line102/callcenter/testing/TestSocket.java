package kz.line102.callcenter.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import kz.line102.callcenter.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client signed in with HTTP Basic as a test user (or anonymous): keeps
 * every message it receives, parsed, and every close status.
 */
public record TestSocket(WebSocket socket, List<JsonNode> received, List<Integer> closes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Opens {@code path} on the local server; a refused handshake throws (see {@link #refusedStatus}). */
    public static TestSocket open(int port, String path, String user) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<Integer> closes = new CopyOnWriteArrayList<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(JSON.readTree(text.toString()));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closes.add(status);
                return null;
            }
        };
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener).join();
        return new TestSocket(socket, received, closes);
    }

    /** The HTTP status of the refused handshake somewhere in {@code e}'s causes. */
    public static int refusedStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
        }
        throw new AssertionError("not a refused handshake", e);
    }
}
