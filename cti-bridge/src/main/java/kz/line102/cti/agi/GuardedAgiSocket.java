package kz.line102.cti.agi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The listening socket and the sessions, in place of asterisk-java's own: it reports
 * the port it really bound (port 0 in tests), bounds every line read (asterisk-java's
 * reader would buffer a line of any length), and drops a session silent for longer
 * than the read timeout instead of holding a worker for asterisk-java's three hours.
 */
final class GuardedAgiSocket implements ServerSocketFacade {

    /** The session the current worker thread serves (asterisk-java gives the script no handle on it). */
    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

    private final ServerSocket server;
    private final int readTimeoutMillis;
    private final int maxLineBytes;

    GuardedAgiSocket(AgiProperties props) throws IOException {
        this.server = new ServerSocket(props.port(), 200, InetAddress.getByName(props.bindAddress()));
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, props.readTimeout().toMillis());
        this.maxLineBytes = props.maxLineBytes();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        Socket socket = server.accept();
        try {
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            return new Session(socket, maxLineBytes);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * Ends the session the calling worker serves, once the script has said all it has to:
     * Asterisk goes on with the dialplan at once, and asterisk-java's own closing
     * {@code SET VARIABLE AJ_AGISTATUS} (a round trip the dialplan never reads) finds the
     * session closed and is dropped.
     */
    static void endCurrentSession() throws IOException {
        Session session = CURRENT.get();
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        // Set from AgiProperties at construction; asterisk-java's setter is not used.
    }

    /** One AGI session: NL-terminated UTF-8 lines (a trailing CR is dropped), each at most maxLineBytes. */
    static final class Session implements SocketConnectionFacade {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final int maxLineBytes;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

        Session(Socket socket, int maxLineBytes) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
            this.maxLineBytes = maxLineBytes;
        }

        @Override
        public String readLine() throws IOException {
            // Read only on the worker that serves this session: that is how the script finds it.
            CURRENT.set(this);
            line.reset();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return text();
                }
                if (line.size() >= maxLineBytes) {
                    throw new IOException("AGI line longer than " + maxLineBytes + " bytes");
                }
                line.write(b);
            }
            // End of stream: a partial last line is not a line (the session was cut).
            return null;
        }

        private String text() {
            byte[] bytes = line.toByteArray();
            int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        }

        @Override
        public void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected() && !socket.isClosed();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getPort();
        }
    }
}
