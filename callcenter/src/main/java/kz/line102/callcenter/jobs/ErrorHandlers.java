package kz.line102.callcenter.jobs;

import org.apache.camel.LoggingLevel;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.model.errorhandler.NoErrorHandlerDefinition;

/**
 * The one error-handling convention of the application's Camel routes. The state that
 * decides about retries lives in a table (a job row, a stream entry, the next pass of a
 * timer), never in a route: a route only rides out a blip, and says so in the log.
 * <ul>
 * <li>{@link #briefRetries()}: a route that reads or writes the database (a job step's
 * wake and poll routes, the call intake) tries twice more, 200 ms then 400 ms, before
 * its exchange fails and the table's own retry takes over (a lease running out, a
 * stream entry left pending).</li>
 * <li>{@link #nextPass()}: a periodic pass is not retried; it logs at ERROR and the next
 * tick tries again.</li>
 * <li>{@link #toTheJob()}: a route a job handler calls leaves every failure to the job
 * engine, which owns the retry, the back-off and the dead letter.</li>
 * <li>{@link #transportRetries()}: a delivery to an outside system retries a dropped
 * connection twice at once (200 ms apart) inside one attempt; what still fails goes
 * back to the job engine as a failed attempt.</li>
 * </ul>
 */
public final class ErrorHandlers {

    private ErrorHandlers() {
    }

    public static DefaultErrorHandlerDefinition briefRetries() {
        DefaultErrorHandlerDefinition handler = new DefaultErrorHandlerDefinition();
        handler.maximumRedeliveries(2)
                .redeliveryDelay(200)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
        return handler;
    }

    public static DefaultErrorHandlerDefinition nextPass() {
        DefaultErrorHandlerDefinition handler = new DefaultErrorHandlerDefinition();
        handler.maximumRedeliveries(0)
                .logExhausted(true)
                .retriesExhaustedLogLevel(LoggingLevel.ERROR);
        return handler;
    }

    public static NoErrorHandlerDefinition toTheJob() {
        return new NoErrorHandlerDefinition();
    }

    public static DefaultErrorHandlerDefinition transportRetries() {
        DefaultErrorHandlerDefinition handler = new DefaultErrorHandlerDefinition();
        handler.maximumRedeliveries(2)
                .redeliveryDelay(200)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                // The engine logs the failed attempt; logging it here too would say it twice.
                .logExhausted(false);
        return handler;
    }
}
