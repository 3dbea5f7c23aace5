package kz.line102.cti.ami;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The socket asterisk-java reads from and writes to, with {@link AmiBlockReader} in the
 * read path. asterisk-java's reader thread calls {@link #readLine()}; its writer calls
 * {@link #write}/{@link #flush} under its own lock.
 */
final class GuardedSocket implements SocketConnectionFacade {

    private final Socket socket;
    private final AmiBlockReader reader;
    private final Writer writer;

    GuardedSocket(AmiProperties props, AmiEventFilter filter, AmiInputListener listener) throws IOException {
        socket = new Socket();
        try {
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(props.host(), props.port()),
                    (int) props.actionTimeout().toMillis());
            reader = new AmiBlockReader(socket.getInputStream(), props.maxLineBytes(), props.maxBlockBytes(),
                    filter, listener);
            writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String readLine() throws IOException {
        return reader.readLine();
    }

    @Override
    public void write(String s) throws IOException {
        writer.write(s);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
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
