package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.InputViolation;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.command.infrastructure.EventSizeLimit;
import cn.gongkai.ledger.problem.Problem;
import cn.gongkai.ledger.security.AccessRefused;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Why a command was refused, as the ledger's one {@link Problem}: what each refusal of the command path (a
 * rule, a limit, access, Axon's conflicts) answers, and the command service's own 413 (naming its limit).
 */
public final class CommandProblems {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProblems.class);

    private CommandProblems() {
    }

    public static Problem of(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (BodyLimit.tooLarge(e)) {
            return of(CommandRejected.tooLarge(InputLimits.IMPORT_MAX_BYTES));
        }
        if (e instanceof InputViolation violation) {
            return of(CommandRejected.of(violation));
        }
        if (e instanceof CommandRejected rejected) {
            return new Problem(HttpStatus.valueOf(rejected.status()), rejected.code(), rejected.messageZh(),
                    rejected.messageEn());
        }
        if (e instanceof RuleViolation violation && EventSizeLimit.EVENT_TOO_LARGE.equals(violation.code())) {
            return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, violation.code(), violation.messageZh(),
                    violation.messageEn());
        }
        if (e instanceof RuleViolation violation) {
            HttpStatus status = violation.kind() == RuleViolation.Kind.CONFLICT
                    ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            return new Problem(status, violation.code(), violation.messageZh(), violation.messageEn());
        }
        if (e instanceof AccessRefused refused) {
            return new Problem(HttpStatus.FORBIDDEN, refused.code(), refused.zh(), refused.getMessage());
        }
        if (e instanceof AggregateStreamCreationException) {
            return new Problem(HttpStatus.CONFLICT, "ALREADY_EXISTS", "该编号的案件或机关已经登记，未作任何更改",
                    "A case or agency with this id is already registered; nothing was changed");
        }
        if (e instanceof ConcurrencyException || e instanceof LockAcquisitionFailedException) {
            return new Problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "该案件同时被其他操作修改，本次操作未保存，请刷新后重试",
                    "The case was changed by another command at the same time; this command was not saved, reload and retry");
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "未找到编号为 " + notFound.getAggregateIdentifier() + " 的案件或机关",
                    "No case or agency with id " + notFound.getAggregateIdentifier());
        }
        LOG.error("Command failed unexpectedly", e);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务内部错误，本次操作未保存",
                "Internal error; the command was not saved");
    }

    /** The problem of an HTTP status that Spring MVC or the servlet container decides before a command is read. */
    public static Problem ofStatus(int status, HttpServletRequest request) {
        return status == 413 ? of(CommandRejected.tooLarge(BodyLimit.limitOf(request)))
                : Problem.ofStatus(status, request.getRequestURI(), request.getMethod());
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof CommandExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
