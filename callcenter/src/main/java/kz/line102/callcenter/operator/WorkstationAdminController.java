package kz.line102.callcenter.operator;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/workstations")
class WorkstationAdminController {

    private final WorkstationService workstations;

    WorkstationAdminController(WorkstationService workstations) {
        this.workstations = workstations;
    }

    /** {@code iface} is the queue member interface, {@code PJSIP/<extension>} when omitted. */
    record Body(String name, String extension, String iface, Boolean enabled) {
    }

    @GetMapping
    List<Workstation> all() {
        return workstations.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Workstation create(@RequestBody Body body) {
        return workstations.create(body.name(), body.extension(), body.iface());
    }

    @PutMapping("/{name}")
    Workstation change(@PathVariable String name, @RequestBody Body body) {
        return workstations.change(name, body.extension(), body.iface(), body.enabled());
    }
}
