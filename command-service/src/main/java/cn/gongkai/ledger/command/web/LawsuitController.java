package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.ErasePlaintiffData;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileAppeal;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileLawsuit;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.OpenRetrial;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.RecordJudgmentEffective;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.RenderJudgment;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on lawsuits (行政诉讼) in which the agency is the defendant. Ids start with {@code ls-}. */
@RestController
@RequestMapping(path = LawsuitController.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class LawsuitController {
    static final String PATH = "/api/lawsuits";

    private final CommandEndpoint endpoint;

    public LawsuitController(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The body may name the {@code lawsuitId}; without one the service assigns {@code ls-<uuid>}. */
    @CommandBody(FileLawsuit.class)
    @PostMapping
    public ResponseEntity<CommandAccepted> file(@RequestBody byte[] body) {
        return endpoint.create(FileLawsuit.class, body, PATH);
    }

    @CommandBody(RenderJudgment.class)
    @PostMapping("/{lawsuitId}/judgments")
    public ResponseEntity<CommandAccepted> renderJudgment(@PathVariable String lawsuitId,
                                                          @RequestBody byte[] body) {
        return on(RenderJudgment.class, lawsuitId, body);
    }

    @CommandBody(FileAppeal.class)
    @PostMapping("/{lawsuitId}/appeals")
    public ResponseEntity<CommandAccepted> fileAppeal(@PathVariable String lawsuitId,
                                                      @RequestBody byte[] body) {
        return on(FileAppeal.class, lawsuitId, body);
    }

    /** The latest judgment took effect: the case is concluded. */
    @CommandBody(RecordJudgmentEffective.class)
    @PostMapping("/{lawsuitId}/judgments/effective")
    public ResponseEntity<CommandAccepted> recordJudgmentEffective(@PathVariable String lawsuitId,
                                                                   @RequestBody byte[] body) {
        return on(RecordJudgmentEffective.class, lawsuitId, body);
    }

    @CommandBody(OpenRetrial.class)
    @PostMapping("/{lawsuitId}/retrials")
    public ResponseEntity<CommandAccepted> openRetrial(@PathVariable String lawsuitId,
                                                       @RequestBody byte[] body) {
        return on(OpenRetrial.class, lawsuitId, body);
    }

    /** 删除原告个人信息 (《个人信息保护法》第四十七条). */
    @CommandBody(ErasePlaintiffData.class)
    @PostMapping("/{lawsuitId}/personal-data/erasure")
    public ResponseEntity<CommandAccepted> erasePlaintiffData(@PathVariable String lawsuitId,
                                                              @RequestBody byte[] body) {
        return on(ErasePlaintiffData.class, lawsuitId, body);
    }

    private ResponseEntity<CommandAccepted> on(Class<? extends LedgerCommand> type, String id,
                                               byte[] body) {
        return endpoint.apply(type, body, Map.of("lawsuitId", id));
    }
}
