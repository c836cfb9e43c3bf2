package cn.gongkai.ledger.command.rules;

import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.common.RuleViolation.Kind;
import java.time.LocalDate;
import java.time.LocalTime;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** What the aggregate tests share: the recording of a command on a day, and matchers for refusals. */
public final class Refusals {
    private Refusals() {
    }

    /** Recorded by an officer at 10:00 Asia/Shanghai on {@code day}. */
    public static Recorded recordedOn(LocalDate day) {
        return new Recorded("officer-li", day.atTime(LocalTime.of(10, 0)).atZone(Recorded.ZONE).toInstant());
    }

    /** A 409-type refusal with {@code code} and both messages. */
    public static Matcher<RuleViolation> conflict(String code) {
        return violation(Kind.CONFLICT, code);
    }

    /** A 422-type refusal with {@code code} and both messages. */
    public static Matcher<RuleViolation> unprocessable(String code) {
        return violation(Kind.UNPROCESSABLE, code);
    }

    /** A 422-type refusal with {@code code} whose Chinese and English messages both name {@code legalFrom}. */
    public static Matcher<RuleViolation> unprocessableUntil(String code, LocalDate legalFrom) {
        Matcher<RuleViolation> refusal = unprocessable(code);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return refusal.matches(violation) && violation.messageZh().contains("自" + legalFrom + "起")
                        && violation.messageEn().contains("from " + legalFrom);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation UNPROCESSABLE " + code + " legal from " + legalFrom);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was " + violation.kind() + " " + violation.getMessage());
            }
        };
    }

    private static Matcher<RuleViolation> violation(Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind && violation.code().equals(code)
                        && !violation.messageZh().isBlank() && !violation.messageEn().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation " + kind + " " + code);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was " + violation.kind() + " " + violation.getMessage());
            }
        };
    }
}
