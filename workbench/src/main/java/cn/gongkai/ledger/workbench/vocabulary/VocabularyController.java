package cn.gongkai.ledger.workbench.vocabulary;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/vocabulary}: the codes the commands take and the Chinese labels the pages show for them. */
@RestController
public class VocabularyController {
    @GetMapping("/api/vocabulary")
    public Map<String, Object> vocabulary() {
        return Vocabulary.all();
    }
}
