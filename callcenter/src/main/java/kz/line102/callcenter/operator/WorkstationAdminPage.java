package kz.line102.callcenter.operator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/workstations}, IT staff's page of workstations; its files are static resources under {@code /admin/workstations/}. */
@Controller
class WorkstationAdminPage {

    @GetMapping({"/admin/workstations", "/admin/workstations/"})
    String page() {
        return "forward:/admin/workstations/index.html";
    }
}
