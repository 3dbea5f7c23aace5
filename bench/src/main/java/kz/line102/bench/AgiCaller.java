package kz.line102.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's side of one FastAGI routing request, from the captured {@code agi-answered.raw}:
 * the request block with the caller's number put in, then a reply to each command as
 * Asterisk gave it ({@code 200 result=1 (en)} to GET VARIABLE, {@code 200 result=1} to
 * the rest) until the service closes the session.
 */
final class AgiCaller {

    private final String template;
    private final int port;

    AgiCaller(Path fixtures, int port) throws IOException {
        String raw = Files.readString(fixtures.resolve("agi-answered.raw"), StandardCharsets.UTF_8);
        this.template = raw.substring(0, raw.indexOf("\n\n") + 2);
        this.port = port;
    }

    /** The commands the service sent, or throws on a network failure. */
    List<String> call(String number, String uniqueId) throws IOException {
        String request = template.replace("+77012345678", number).replace("1795390568.0", uniqueId);
        List<String> commands = new ArrayList<>(8);
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null) {
                commands.add(command);
                String reply = command.startsWith("GET VARIABLE") ? "200 result=1 (en)\n" : "200 result=1\n";
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
        return commands;
    }

    /** The value the service set for {@code variable}, or null. */
    static String value(List<String> commands, String variable) {
        String prefix = "SET VARIABLE \"" + variable + "\" \"";
        for (String c : commands) {
            if (c.startsWith(prefix) && c.endsWith("\"")) {
                return c.substring(prefix.length(), c.length() - 1);
            }
        }
        return null;
    }
}
