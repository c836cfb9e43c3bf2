package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.problem.ErrorProblemResolver;
import cn.gongkai.ledger.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The command service's wording of the errors the one error page answers
 * ({@link cn.gongkai.ledger.problem.ProblemErrorController}): a body over its limit names the limit, also when the
 * container raised it while the body was read ({@link CommandProblems#ofStatus}).
 */
@Component
public class CommandErrorProblems implements ErrorProblemResolver {
    @Override
    public Optional<Problem> resolve(int status, Throwable thrown, HttpServletRequest request) {
        return Optional.of(CommandProblems.ofStatus(thrown != null && BodyLimit.tooLarge(thrown) ? 413 : status, request));
    }
}
