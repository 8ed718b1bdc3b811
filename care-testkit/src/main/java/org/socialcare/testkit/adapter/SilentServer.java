package org.socialcare.testkit.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP peer on 127.0.0.1 that accepts every connection, reads what the client sends and never answers: the
 * platform that took a request and went quiet. A client without a read timeout waits on it forever. Counts the
 * connections that sent at least one byte (a request reached it). Thread-safe; {@link #close()} drops every
 * connection.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    private SilentServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = new Thread(this::accept, "silent-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts one on a free loopback port. */
    public static SilentServer start() {
        try {
            return new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    /** Its base URI, {@code http://127.0.0.1:<port>} (no trailing slash). */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Connections that sent at least one byte. */
    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.add(s);
                Thread reader = new Thread(() -> drain(s), "silent-server-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void drain(Socket s) {
        byte[] buffer = new byte[8192];
        boolean counted = false;
        try (InputStream in = s.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n > 0 && !counted) {
                    requests.incrementAndGet();
                    counted = true;
                }
            }
        } catch (IOException closed) {
            // the client gave up or the server closed: nothing to answer, by design
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket: nothing to do about a failure
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
