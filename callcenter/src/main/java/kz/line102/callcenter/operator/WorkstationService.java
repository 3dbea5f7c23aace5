package kz.line102.callcenter.operator;

import java.util.List;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Administration of workstations and the phones they are bound to. */
@Service
public class WorkstationService {

    private static final Logger log = LoggerFactory.getLogger(WorkstationService.class);
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String EXTENSION = "[0-9]{2,15}";
    private static final String INTERFACE = "[A-Za-z0-9]+/[!-~]{1,80}";

    private final JdbcWorkstationRepository workstations;
    private final JdbcOperatorSessionRepository sessions;

    /** Resolved at use: it tells the session listeners of a session a disabled desk ended. */
    private final ObjectProvider<OperatorService> operators;
    private final TransactionTemplate tx;

    WorkstationService(JdbcWorkstationRepository workstations, JdbcOperatorSessionRepository sessions,
                       ObjectProvider<OperatorService> operators, PlatformTransactionManager transactions) {
        this.workstations = workstations;
        this.sessions = sessions;
        this.operators = operators;
        this.tx = new TransactionTemplate(transactions);
    }

    public List<Workstation> all() {
        return workstations.all();
    }

    /** @param iface null for {@code PJSIP/<extension>} */
    @Transactional
    public Workstation create(String name, String extension, String iface) {
        String n = check("name", name, NAME, "problem.invalid-request.workstation-name");
        String ext = check("extension", extension, EXTENSION, "problem.invalid-request.workstation-extension");
        String i = check("interface", iface == null || iface.isBlank() ? "PJSIP/" + ext : iface, INTERFACE,
                "problem.invalid-request.workstation-interface");
        try {
            workstations.insert(n, ext, i);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ProblemCodes.WORKSTATION_EXISTS,
                    "a workstation with this name, extension or interface already exists");
        }
        log.info("workstation {} created: extension {}, {}", n, ext, i);
        return workstations.byName(n).orElseThrow();
    }

    /** Null members stay as they are; disabling a desk ends the session held there (the PBX is told after). */
    public Workstation change(String name, String extension, String iface, Boolean enabled) {
        java.util.concurrent.atomic.AtomicReference<OperatorSession> ended = new java.util.concurrent.atomic.AtomicReference<>();
        Workstation changed = tx.execute(s -> update(name, extension, iface, enabled, ended));
        if (ended.get() != null) {
            operators.getObject().tellSignedOut(ended.get(), "disabled");
        }
        return changed;
    }

    private Workstation update(String name, String extension, String iface, Boolean enabled,
                               java.util.concurrent.atomic.AtomicReference<OperatorSession> ended) {
        Workstation now = workstations.byName(name).orElseThrow(() -> new NoSuchWorkstationException("'" + name + "'"));
        String ext = extension == null ? now.extension()
                : check("extension", extension, EXTENSION, "problem.invalid-request.workstation-extension");
        String i = iface == null ? now.iface()
                : check("interface", iface, INTERFACE, "problem.invalid-request.workstation-interface");
        boolean on = enabled == null ? now.enabled() : enabled;
        try {
            workstations.update(name, ext, i, on);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ProblemCodes.WORKSTATION_EXISTS, "another workstation has this extension or interface");
        }
        if (!on) {
            sessions.openAt(now.id()).ifPresent(ended::set);
            sessions.closeAt(now.id(), "disabled");
        }
        log.info("workstation {} changed: extension {}, {}, enabled {}", name, ext, i, on);
        return workstations.byName(name).orElseThrow();
    }

    private static String check(String field, String value, String pattern, String key) {
        String v = value == null ? "" : value.trim();
        if (!v.matches(pattern)) {
            throw new InvalidRequestException("'" + field + "' must match " + pattern, key, List.of(v));
        }
        return v;
    }
}
