package kz.line102.cti.sip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JAIN-SIP stack with a UDP and a TCP listening point on one port and one provider
 * for both; opened and closed in the order the stack needs (the provider is deleted
 * before its listening points, or they stay bound).
 */
record SipStackHandle(SipStack stack, SipProvider provider, List<ListeningPoint> points, int port,
                      SipMessages messages) {

    private static final Logger log = LoggerFactory.getLogger(SipStackHandle.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    static SipStackHandle open(SipAgentConfig config) throws IOException {
        // The stack refuses port 0 for a listening point: ask the kernel for a free one first.
        int port = config.port() == 0 ? FreePorts.udpAndTcp(config.bindAddress()) : config.port();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        // The factory keeps stacks by name: every agent gets its own.
        p.setProperty("javax.sip.STACK_NAME", "line102-sip-" + STACKS.incrementAndGet() + "-" + port);
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.stackThreads()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(config.maxInFlight() * 2));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(config.maxInFlight() * 2));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(config.maxInFlight()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "0");
        // Only the stack's own errors reach the log (through the log4j bridge to SLF4J).
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        SipStack stack = null;
        List<ListeningPoint> points = new ArrayList<>();
        try {
            stack = factory.createSipStack(p);
            for (Transport t : Transport.values()) {
                points.add(stack.createListeningPoint(config.bindAddress(), port, t.sipName()));
            }
            SipProvider provider = stack.createSipProvider(points.get(0));
            for (int i = 1; i < points.size(); i++) {
                provider.addListeningPoint(points.get(i));
            }
            SipMessages messages = new SipMessages(factory.createAddressFactory(), factory.createHeaderFactory(),
                    factory.createMessageFactory(), provider, config.bindAddress(), port, config.userAgent());
            return new SipStackHandle(stack, provider, List.copyOf(points), port, messages);
        } catch (Exception e) {
            if (stack != null) {
                SipStack opened = stack;
                points.forEach(lp -> quietly(opened, lp));
                stack.stop();
            }
            throw new IOException("SIP user agent did not start on " + config.bindAddress() + ":" + port + ": " + e, e);
        }
    }

    /**
     * Closes the stack and returns once its port is free. The stack stops when its last provider
     * goes and then sleeps a fixed second for its timers' threads, after its sockets are closed:
     * that second runs on a thread of its own, since a JVM closing many agents at exit (a node,
     * the tests' cached contexts) would otherwise wait it once per stack.
     */
    void close() {
        Thread stopper = new Thread(this::stop, "sip-stack-stop-" + port);
        stopper.setDaemon(true);
        stopper.start();
        String address = points.isEmpty() ? "127.0.0.1" : points.get(0).getIPAddress();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        try {
            // Waits on the stopper itself (its end frees the port too), looking at the port between waits.
            while (stopper.isAlive() && !FreePorts.free(address, port) && System.nanoTime() < deadline) {
                stopper.join(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        try {
            stack.deleteSipProvider(provider);
        } catch (ObjectInUseException | RuntimeException e) {
            // A UDP processor whose reader thread has not run yet throws on stop (its channel list
            // is made by that thread) after closing its socket: finish the rest of the close anyway.
            log.warn("SIP provider not deleted cleanly: {}", e.toString());
        }
        points.forEach(lp -> quietly(stack, lp));
        try {
            stack.stop();
        } catch (RuntimeException e) {
            log.warn("SIP stack did not stop cleanly: {}", e.toString());
        }
    }

    private static void quietly(SipStack stack, ListeningPoint lp) {
        try {
            stack.deleteListeningPoint(lp);
        } catch (ObjectInUseException | RuntimeException e) {
            log.warn("SIP listening point {}:{}/{} not deleted: {}", lp.getIPAddress(), lp.getPort(),
                    lp.getTransport(), e.getMessage());
        }
    }
}
