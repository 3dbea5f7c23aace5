package kz.line102.callcenter.watch;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chief's hand-over by commission over HTTP: draw the act, each person signs it in their own account, the act as PDF. */
@RestController
@RequestMapping("/api/v1/watch/commission/acts")
class CommissionController {

    private final CommissionService commission;
    private final CommissionPdf pdf;

    CommissionController(CommissionService commission, CommissionPdf pdf) {
        this.commission = commission;
        this.pdf = pdf;
    }

    @GetMapping("/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String lang) {
        WatchTexts texts = WatchTexts.of(lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(commission.act(id), texts, out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("commission-act-" + id + "-" + texts.lang() + ".pdf").build()
                        .toString()).body(out.toByteArray());
    }

    @GetMapping
    List<CommissionService.Act> recent() {
        return commission.recent(50);
    }

    @GetMapping("/{id}")
    CommissionService.Act act(@PathVariable long id) {
        return commission.act(id);
    }

    @PostMapping
    ResponseEntity<CommissionService.Act> draw(Authentication auth, @RequestBody CommissionService.NewAct act) {
        return ResponseEntity.status(HttpStatus.CREATED).body(commission.draw(auth.getName(), act));
    }

    @PostMapping("/{id}/signatures")
    CommissionService.Act sign(Authentication auth, @PathVariable long id) {
        return commission.sign(id, auth.getName());
    }
}
