package kz.line102.cti.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays Asterisk's side of a FastAGI session over TCP from a capture: sends the request
 * bytes, answers each command with the next captured reply ({@code 200 result=1} once
 * they run out), and returns the commands the server sent until it closed the session.
 */
public final class FakeAsterisk {

    private static final Pattern TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    private FakeAsterisk() {
    }

    public static List<String> play(int port, AgiCapture capture) {
        return play(port, capture.request().getBytes(StandardCharsets.UTF_8), capture.replies(), Integer.MAX_VALUE);
    }

    /** Sends {@code request}, answers at most {@code answers} commands, then closes. */
    static List<String> play(int port, byte[] request, List<String> replies, int answers) {
        List<String> commands = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String command;
            while (commands.size() < answers && (command = in.readLine()) != null) {
                commands.add(command);
                String reply = commands.size() <= replies.size() ? replies.get(commands.size() - 1) : "200 result=1";
                out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commands;
    }

    /** A command as Asterisk reads it: words, with quoted ones unquoted ({@code SET VARIABLE "A" "b c"} → [SET, VARIABLE, A, b c]). */
    public static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(command);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2));
        }
        return words;
    }

    /** The captured transcript's {@code >> } lines: the commands the lab's router sent. */
    static List<String> labCommands(String scenario) {
        String raw = AgiCaptureTranscript.read(scenario);
        List<String> commands = new ArrayList<>();
        for (String line : raw.split("\n")) {
            if (line.startsWith(">> ")) {
                commands.add(line.substring(3));
            }
        }
        return commands;
    }
}
