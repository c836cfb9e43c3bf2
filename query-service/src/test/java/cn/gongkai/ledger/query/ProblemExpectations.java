package cn.gongkai.ledger.query;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** What every refused query answers: an RFC 9457 problem detail with its code and both languages. */
public final class ProblemExpectations {
    private ProblemExpectations() {
    }

    public static ResultActions expectProblem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value("urn:gongkai-ledger:problem:" + code))
                .andExpect(jsonPath("$.messageZh").isNotEmpty())
                .andExpect(jsonPath("$.messageEn").isNotEmpty());
    }
}
