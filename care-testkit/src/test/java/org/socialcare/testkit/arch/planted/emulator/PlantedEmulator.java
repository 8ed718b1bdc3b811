package org.socialcare.testkit.arch.planted.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Planted violation: an emulator with an HTTP server, as if it were production code of an adapter. */
public final class PlantedEmulator {
    private PlantedEmulator() {}

    static HttpServer start() throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    }
}
