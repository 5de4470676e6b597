package org.rai4j.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bench's reader: one persistent HTTP/1.1 connection (keep-alive), blocking GETs, the body read and
 * discarded. Deliberately small so that 200 of them cost the 2 cores little next to the server they
 * measure (a {@code java.net.http.HttpClient} per reader brings its own selector thread and executor).
 * Reconnects when the server closes the connection. Not thread-safe: one per reader thread.
 */
final class LoopbackClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final byte[] buffer = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** GETs {@code path} (starting with '/'), reads the whole response and returns its status code. */
    int get(String path) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(path);
        } catch (IOException e) {
            // a kept-alive connection the server closed meanwhile: one retry on a new connection
            close();
            connect();
            return exchange(path);
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private int exchange(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("expected an HTTP/1.1 status line, got " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are discarded
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            while (in.read(buffer) > 0) {
                // no length: the body ends with the connection
            }
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return code;
    }

    private long chunkSize() throws IOException {
        String l = line();
        if (l == null) {
            throw new IOException("connection closed inside a chunked body");
        }
        int semi = l.indexOf(';');
        return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (r < 0) {
                throw new IOException("connection closed with " + n + " body bytes missing");
            }
            n -= r;
        }
    }

    /** One header line without its CRLF, or null at end of stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket: nothing to report
            }
            socket = null;
        }
    }
}
