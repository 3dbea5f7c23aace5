package kz.line102.callcenter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.model.errorhandler.NoErrorHandlerDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each handler of the one convention does with a route that keeps failing. */
class ErrorHandlersTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final AtomicInteger tries = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                route("brief", ErrorHandlers.briefRetries());
                route("pass", ErrorHandlers.nextPass());
                route("job", ErrorHandlers.toTheJob());
                route("transport", ErrorHandlers.transportRetries());
            }

            private void route(String name, DefaultErrorHandlerDefinition handler) {
                from("direct:" + name).errorHandler(handler).process(e -> fail());
            }

            private void route(String name, NoErrorHandlerDefinition handler) {
                from("direct:" + name).errorHandler(handler).process(e -> fail());
            }
        });
        camel.start();
    }

    private void fail() {
        tries.incrementAndGet();
        throw new IllegalStateException("store away");
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Exchange send(String name) {
        return camel.createProducerTemplate().send("direct:" + name, e -> e.getIn().setBody("x"));
    }

    @Test
    void aRouteOnTheDatabaseTriesTwiceMoreThenFailsItsExchange() {
        assertThat(send("brief").getException()).hasMessage("store away");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aPeriodicPassIsNotRetried() {
        assertThat(send("pass").getException()).hasMessage("store away");
        assertThat(tries).hasValue(1);
    }

    @Test
    void aRouteAHandlerCallsLeavesTheFailureToTheEngineAtOnce() {
        assertThat(send("job").getException()).hasMessage("store away");
        assertThat(tries).hasValue(1);
    }

    @Test
    void aDeliveryRetriesADroppedConnectionTwiceAndThenFailsTheAttempt() {
        assertThat(send("transport").getException()).hasMessage("store away");
        assertThat(tries).hasValue(3);
    }
}
