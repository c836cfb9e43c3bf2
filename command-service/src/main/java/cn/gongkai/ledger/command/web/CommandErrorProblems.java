package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.problem.ErrorProblemResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The command service's wording of the errors the one error page answers
 * ({@link cn.gongkai.ledger.problem.ProblemErrorController}): a body over its limit with the limit's figure (also
 * when the container raised it while the body was read), and the statuses in the words of a command ("未保存").
 */
@Component
public class CommandErrorProblems implements ErrorProblemResolver {
    @Override
    public Optional<cn.gongkai.ledger.problem.Problem> resolve(int status, Throwable thrown, HttpServletRequest request) {
        Problem problem = thrown != null && BodyLimit.tooLarge(thrown) ? Problem.ofStatus(413, request)
                : Problem.ofStatus(status, request);
        return Optional.of(new cn.gongkai.ledger.problem.Problem(problem.status(), problem.code(), problem.messageZh(),
                problem.messageEn()));
    }
}
