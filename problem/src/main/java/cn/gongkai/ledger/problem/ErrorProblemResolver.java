package cn.gongkai.ledger.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A service's own wording of an error the error page answers (e.g. the command service's body limit, with its
 * figure); the first resolver that answers wins, else {@link Problem#ofStatus}.
 */
@FunctionalInterface
public interface ErrorProblemResolver {
    /**
     * @param status  the status the container or Spring MVC decided
     * @param thrown  the exception of the error dispatch, or null
     * @param request the original request (its URI is the one that failed)
     */
    Optional<Problem> resolve(int status, Throwable thrown, HttpServletRequest request);
}
