package com.recruitdesk.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One laptop's network cable to the server: a TCP relay on localhost that can be cut (open
 * connections closed, new ones closed on arrival) and mended, so one desktop goes offline while
 * the server and other clients stay up. Only the network is a double; the bytes are the product's.
 */
public final class CuttableLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private CuttableLink(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
        Thread.ofVirtual().name("cuttable-link").start(this::accept);
    }

    /** A link to the server on {@code port} of this machine. */
    public static CuttableLink to(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new CuttableLink(s, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's address as seen through the link. */
    public String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    /** Cuts the cable: every open connection is closed and new ones are closed as they come. */
    public void cut() {
        cut = true;
        open.forEach(CuttableLink::quietly);
        open.clear();
    }

    public void mend() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                quietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pipe(client, server));
                Thread.ofVirtual().start(() -> pipe(server, client));
            } catch (IOException e) {
                quietly(client); // the server itself is down: as a cut cable
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or the cable was cut: both ends go
        } finally {
            quietly(from);
            quietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
