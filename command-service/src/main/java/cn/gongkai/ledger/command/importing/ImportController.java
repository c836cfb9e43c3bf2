package cn.gongkai.ledger.command.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import: a JSON Lines body, one command per line in the shape of its REST body plus its ids and its
 * {@code "command"} name (docs/import-format.md). Lines run in order, each as one command through its aggregate,
 * all of its events stored or none (their appends batched, {@link CommandBatches}); the answer lists every
 * line's result, so a refused line is reported and the next lines still run. The body is decoded and every line
 * bound before the first is sent: a body that is not UTF-8 is refused whole (400).
 */
@RestController
public class ImportController {
    private final CommandImporter importer;

    public ImportController(CommandImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/import", produces = MediaType.APPLICATION_JSON_VALUE)
    public ImportReport importCommands(HttpServletRequest request) throws IOException {
        return importer.run(request.getInputStream().readAllBytes(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
                request.getRequestURI());
    }
}
