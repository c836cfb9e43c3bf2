package cn.gongkai.ledger.command.ledgerimport;

import cn.gongkai.ledger.api.request.LedgerField;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.command.web.CommandRejected;
import cn.gongkai.ledger.problem.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Excel 台账 import of an agency (docs/import-format.md): the column mapping it remembers, a dry run, and
 * the import as a job with its progress. The file is the request body as uploaded (XLSX, XLS or CSV).
 */
@RestController
public class LedgerImportController {
    private final LedgerImportService imports;
    private final ColumnMappingStore mappings;

    public LedgerImportController(LedgerImportService imports, ColumnMappingStore mappings) {
        this.imports = imports;
        this.mappings = mappings;
    }

    /** The agency's remembered mapping: field name ({@code RECEIVED_ON}, …) → the file's header. */
    @GetMapping("/api/agencies/{agencyId}/ledger-import/mapping")
    public Map<String, String> mapping(@PathVariable String agencyId) {
        return names(mappings.find(agency(agencyId)).orElse(new ColumnMapping(Map.of())));
    }

    @PutMapping("/api/agencies/{agencyId}/ledger-import/mapping")
    public Map<String, String> saveMapping(@PathVariable String agencyId, @RequestBody Map<String, String> body) {
        Map<LedgerField, String> columns = new EnumMap<>(LedgerField.class);
        body.forEach((name, header) -> {
            LedgerField field = Arrays.stream(LedgerField.values()).filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CommandRejected("UNKNOWN_FIELD", "未知的台账字段：" + name + "，可用："
                            + Arrays.toString(LedgerField.values()), "Unknown register field: " + name + "; known: "
                            + Arrays.toString(LedgerField.values())));
            if (header == null || header.isBlank()) {
                throw new CommandRejected("INVALID_FIELD", "字段 " + name + " 须对应一个列名", "Field " + name + " needs a column name");
            }
            columns.put(field, header.strip());
        });
        ColumnMapping mapping = new ColumnMapping(columns);
        mappings.save(agency(agencyId), mapping);
        return names(mapping);
    }

    @PostMapping("/api/agencies/{agencyId}/ledger-import/dry-run")
    public LedgerImportService.Plan dryRun(@PathVariable String agencyId, @RequestBody(required = false) byte[] file) {
        return imports.dryRun(agency(agencyId), requireFile(file));
    }

    @PostMapping("/api/agencies/{agencyId}/ledger-import")
    public ResponseEntity<LedgerImportService.Progress> start(@PathVariable String agencyId,
                                                              @RequestBody(required = false) byte[] file) {
        LedgerImportService.Progress started = imports.start(agency(agencyId), requireFile(file));
        return ResponseEntity.accepted()
                .location(URI.create("/api/agencies/" + agencyId + "/ledger-import/" + started.jobId())).body(started);
    }

    @GetMapping("/api/agencies/{agencyId}/ledger-import/{jobId}")
    public ResponseEntity<?> progress(@PathVariable String agencyId, @PathVariable String jobId,
                                      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return imports.progress(agency(agencyId), jobId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() ->
                ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(new Problem(HttpStatus.NOT_FOUND, "IMPORT_JOB_NOT_FOUND", "未找到台账导入任务 " + jobId,
                                "No register import job " + jobId).toDetail(language,
                                "/api/agencies/" + agencyId + "/ledger-import/" + jobId)));
    }

    private static byte[] requireFile(byte[] file) {
        if (file == null || file.length == 0) {
            throw new CommandRejected("MISSING_FILE", "请求体须为台账文件（XLSX 或 CSV）", "The body must be the register file (XLSX or CSV)");
        }
        return file;
    }

    private static AgencyId agency(String agencyId) {
        try {
            return new AgencyId(agencyId);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID_FIELD", "机关编号无效：" + agencyId, "Invalid agency id: " + agencyId);
        }
    }

    private static Map<String, String> names(ColumnMapping mapping) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        mapping.columns().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> names.put(e.getKey().name(), e.getValue()));
        return names;
    }
}
