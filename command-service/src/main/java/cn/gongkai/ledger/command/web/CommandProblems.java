package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.problem.Problem;
import cn.gongkai.ledger.security.AccessRefused;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Why a command was refused, as the one {@link Problem} type of every service (RFC 9457, Chinese and English):
 * the mapping from what the command side throws to a status and a code.
 */
public final class CommandProblems {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProblems.class);

    private CommandProblems() {
    }

    public static Problem of(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof CommandRejected rejected) {
            return new Problem(HttpStatus.BAD_REQUEST, rejected.code(), rejected.messageZh(), rejected.messageEn());
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

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof CommandExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
