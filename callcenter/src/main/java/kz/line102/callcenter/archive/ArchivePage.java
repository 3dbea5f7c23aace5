package kz.line102.callcenter.archive;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /archive} is the auditors' page; its files are static resources under {@code /archive/}. */
@Controller
class ArchivePage {

    @GetMapping({"/archive", "/archive/"})
    String archive() {
        return "forward:/archive/index.html";
    }
}
