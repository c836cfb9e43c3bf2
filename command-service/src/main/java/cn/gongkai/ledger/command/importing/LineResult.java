package cn.gongkai.ledger.command.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.http.ProblemDetail;

/**
 * One line's result: {@code accepted} with the id of its case or agency, or {@code rejected} with the problem
 * detail the REST endpoint would have answered. {@code line} counts from 1 over the whole body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineResult(int line, Status status, String command, String id, Instant recordedAt, ProblemDetail problem) {
    public enum Status { accepted, rejected }
}
