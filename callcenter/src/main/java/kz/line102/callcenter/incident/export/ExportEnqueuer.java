package kz.line102.callcenter.incident.export;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentTransition;
import kz.line102.callcenter.incident.IncidentTransitionListener;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enqueues one {@code export} job per matching target when a card reaches a status of
 * {@code send-on}, in the transaction of that change. The job's target is
 * {@code <name>@v<version>} and its payload holds the EIDO document of exactly that
 * version: a retry or a replay sends the same bytes, and a later version is a job of
 * its own that an outage of the first one does not hold back.
 */
@Component
@EnableConfigurationProperties(ExportProperties.class)
class ExportEnqueuer implements IncidentTransitionListener {

    static final String STEP = "export";

    private final IncidentJobs jobs;
    private final ExportProperties props;
    private final EidoDocuments eido;
    private final JsonMapper json;

    ExportEnqueuer(IncidentJobs jobs, ExportProperties props, EidoDocuments eido, JsonMapper json) {
        this.jobs = jobs;
        this.props = props;
        this.eido = eido;
        this.json = json;
    }

    static String jobTarget(String name, int version) {
        return name + "@v" + version;
    }

    @Override
    public void transitioned(Incident after, IncidentTransition transition) {
        if (!props.sendOn().contains(transition.to())) {
            return;
        }
        ObjectNode document = null;
        for (ExportProperties.Target target : props.targets()) {
            if (!target.takes(after)) {
                continue;
            }
            if (document == null) {
                document = eido.document(after);
            }
            ObjectNode payload = json.createObjectNode();
            payload.put("target", target.name());
            payload.put("version", after.version());
            payload.put("status", after.status().name());
            payload.set("eido", document);
            jobs.enqueue(after.id(), STEP, jobTarget(target.name(), after.version()), json.writeValueAsString(payload));
        }
    }
}
