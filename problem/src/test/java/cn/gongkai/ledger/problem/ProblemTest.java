package cn.gongkai.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemTest {
    private static final Problem CONFLICT = new Problem(HttpStatus.CONFLICT, "REPORT_ALREADY_PUBLISHED",
            "已发布", "Already published");

    @Test
    void isAnRfc9457ProblemInChineseByDefaultWithBothMessagesAlwaysPresent() {
        ProblemDetail detail = CONFLICT.toDetail(null, "/api/x");
        assertThat(detail.getStatus()).isEqualTo(409);
        assertThat(detail.getType()).hasToString("urn:gongkai-ledger:problem:REPORT_ALREADY_PUBLISHED");
        assertThat(detail.getTitle()).isEqualTo("与已登记的记录冲突");
        assertThat(detail.getDetail()).isEqualTo("已发布");
        assertThat(detail.getInstance()).hasToString("/api/x");
        assertThat(detail.getProperties()).containsEntry("code", "REPORT_ALREADY_PUBLISHED")
                .containsEntry("messageZh", "已发布").containsEntry("messageEn", "Already published");
    }

    @Test
    void answersInEnglishWhenEnglishIsPreferred() {
        ProblemDetail detail = CONFLICT.toDetail("en-GB,en;q=0.9,zh;q=0.5", null);
        assertThat(detail.getTitle()).isEqualTo("Conflict");
        assertThat(detail.getDetail()).isEqualTo("Already published");
        assertThat(CONFLICT.toDetail("zh-CN,zh;q=0.9,en;q=0.5", null).getDetail()).isEqualTo("已发布");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "en;q=abc", ";;;", "*;q=2"})
    void aMalformedOrEmptyAcceptLanguageIsAnsweredInChineseRatherThanFailing(String header) {
        ProblemDetail detail = CONFLICT.toDetail(header, null);
        assertThat(detail.getDetail()).isEqualTo("已发布");
        assertThat(detail.getTitle()).isEqualTo("与已登记的记录冲突");
    }

    @Test
    void everyStatusHasOneChineseTitle() {
        assertThat(Problem.titleZh(HttpStatus.BAD_REQUEST)).isEqualTo("请求无效");
        assertThat(Problem.titleZh(HttpStatus.NOT_FOUND)).isEqualTo("未找到");
        assertThat(Problem.titleZh(HttpStatus.PAYLOAD_TOO_LARGE)).isEqualTo("请求内容过大");
        assertThat(Problem.titleZh(HttpStatus.UNPROCESSABLE_ENTITY)).isEqualTo("不符合业务规则");
        assertThat(Problem.titleZh(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo("服务内部错误");
    }

    @Test
    void theResponseIsProblemJsonWithTheStatus() {
        ResponseEntity<ProblemDetail> response = CONFLICT.toResponse(null, "/api/x");
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
