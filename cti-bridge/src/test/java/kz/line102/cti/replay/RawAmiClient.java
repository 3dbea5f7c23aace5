package kz.line102.cti.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A bare AMI socket for checking bytes on the wire; reads block with a socket timeout. */
final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final String banner;

    RawAmiClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        banner = readLine();
    }

    static RawAmiClient loggedIn(int port) throws IOException {
        RawAmiClient c = new RawAmiClient(port);
        c.send("Action: Login\r\nUsername: " + AmiClients.USER + "\r\nSecret: " + AmiClients.SECRET
                + "\r\nActionID: login-1\r\n\r\n");
        String response = c.readBlock();
        if (!response.contains("Authentication accepted")) {
            throw new IllegalStateException("login failed: " + response);
        }
        c.readBlockMatching(b -> b.startsWith("Event: FullyBooted"));
        return c;
    }

    void send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One block up to and without its empty line; null at end of stream. */
    String readBlock() throws IOException {
        StringBuilder block = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (block.length() > 0) {
                    return block.toString();
                }
                continue;
            }
            block.append(line).append("\r\n");
        }
        return block.length() > 0 ? block.toString() : null;
    }

    String readBlockMatching(Predicate<String> wanted) throws IOException {
        String block;
        while ((block = readBlock()) != null) {
            if (wanted.test(block)) {
                return block;
            }
        }
        throw new IOException("stream ended before the wanted block");
    }

    /** Blocks until {@code count} blocks satisfying {@code wanted} were read. */
    List<String> readBlocks(int count, Predicate<String> wanted) throws IOException {
        List<String> blocks = new ArrayList<>();
        while (blocks.size() < count) {
            blocks.add(readBlockMatching(wanted));
        }
        return blocks;
    }

    /** Exactly {@code n} bytes as they arrive. */
    byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() > 0 ? line.toString(StandardCharsets.ISO_8859_1) : null;
    }

    /** The value of a header in a block, or null. */
    static String header(String block, String name) {
        for (String line : block.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ": ", 0, name.length() + 2)) {
                return line.substring(name.length() + 2);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
