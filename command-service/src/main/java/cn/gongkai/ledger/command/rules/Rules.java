package cn.gongkai.ledger.command.rules;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ErasureGround;
import cn.gongkai.ledger.api.common.PersonalDataErased;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.request.RequestId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value checks every aggregate applies to its commands, each refusing with a stable code. State rules
 * (what may happen in which state) live in the aggregates themselves.
 */
public final class Rules {
    /** A required value is absent, or a required text is blank. */
    public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
    /** A business date lies after the date the command is recorded on (Asia/Shanghai). */
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    /** A business date lies before a date it must follow. */
    public static final String DATE_OUT_OF_ORDER = "DATE_OUT_OF_ORDER";
    public static final String NUMBER_NOT_POSITIVE = "NUMBER_NOT_POSITIVE";
    public static final String NUMBER_NEGATIVE = "NUMBER_NEGATIVE";
    /** An amount in yuan has more than two decimals (fen is the smallest unit). */
    public static final String AMOUNT_TOO_PRECISE = "AMOUNT_TOO_PRECISE";
    /** A case links a disclosure request of another agency. */
    public static final String LINKED_REQUEST_OF_OTHER_AGENCY = "LINKED_REQUEST_OF_OTHER_AGENCY";

    private static final Field RECORDED = new Field("recorded", "登记信息");
    private static final Field ERASURE_GROUND = new Field("ground", "删除个人信息的法定情形");

    private Rules() {
    }

    public static <T> T present(T value, Field field) {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** A required text: present and not blank. */
    public static String text(String value, Field field) {
        if (value == null || value.isBlank()) {
            throw missing(field);
        }
        return value;
    }

    /** A business date: present, and not after the day the command is recorded on. */
    public static LocalDate dated(LocalDate date, Field field, Recorded recorded) {
        present(date, field);
        LocalDate today = present(recorded, RECORDED).businessDate();
        if (date.isAfter(today)) {
            throw RuleViolation.unprocessable(DATE_IN_FUTURE,
                    field.label() + "（" + date + "）晚于登记当日（" + today + "），业务日期不能是将来的日期",
                    field.name() + " " + date + " is after the recording date " + today
                            + ": a business date cannot lie in the future");
        }
        return date;
    }

    /** {@code date} must be on or after {@code earliest}. */
    public static void notBefore(LocalDate date, Field field, LocalDate earliest, Field earliestField) {
        if (date.isBefore(earliest)) {
            throw RuleViolation.unprocessable(DATE_OUT_OF_ORDER,
                    field.label() + "（" + date + "）早于" + earliestField.label() + "（" + earliest + "）",
                    field.name() + " " + date + " is before " + earliestField.name() + " " + earliest);
        }
    }

    /** {@code date} must be strictly after {@code bound}. */
    public static void after(LocalDate date, Field field, LocalDate bound, Field boundField) {
        if (!date.isAfter(bound)) {
            throw RuleViolation.unprocessable(DATE_OUT_OF_ORDER,
                    field.label() + "（" + date + "）应晚于" + boundField.label() + "（" + bound + "）",
                    field.name() + " " + date + " must be after " + boundField.name() + " " + bound);
        }
    }

    public static int positive(int value, Field field) {
        if (value <= 0) {
            throw notPositive(field, String.valueOf(value));
        }
        return value;
    }

    public static int nonNegative(int value, Field field) {
        if (value < 0) {
            throw negative(field, String.valueOf(value));
        }
        return value;
    }

    /** An amount in yuan: present, not negative, at most two decimals. */
    public static BigDecimal yuan(BigDecimal amount, Field field) {
        present(amount, field);
        if (amount.signum() < 0) {
            throw negative(field, amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.unprocessable(AMOUNT_TOO_PRECISE,
                    field.label() + "（" + amount.toPlainString() + "）最多保留两位小数（分）",
                    field.name() + " " + amount.toPlainString() + " has more than two decimals (fen)");
        }
        return amount;
    }

    /** An amount in yuan that must be more than zero. */
    public static BigDecimal positiveYuan(BigDecimal amount, Field field) {
        if (yuan(amount, field).signum() == 0) {
            throw notPositive(field, amount.toPlainString());
        }
        return amount;
    }

    /** A case of {@code agency} may only link a disclosure request handled by that same agency. */
    public static void sameAgency(AgencyId agency, RequestId linkedRequest) {
        if (linkedRequest != null && !linkedRequest.agencyId().equals(agency)) {
            throw RuleViolation.unprocessable(LINKED_REQUEST_OF_OTHER_AGENCY,
                    "关联的政府信息公开申请（" + linkedRequest + "）不属于本机关（" + agency + "）",
                    "linked request " + linkedRequest + " belongs to another agency than " + agency);
        }
    }

    private static RuleViolation missing(Field field) {
        return RuleViolation.unprocessable(REQUIRED_FIELD_MISSING,
                "缺少必填项：" + field.label() + "（" + field.name() + "）",
                field.name() + " is required");
    }

    private static RuleViolation notPositive(Field field, String value) {
        return RuleViolation.unprocessable(NUMBER_NOT_POSITIVE,
                field.label() + "（" + value + "）应大于零",
                field.name() + " " + value + " must be greater than zero");
    }

    private static RuleViolation negative(Field field, String value) {
        return RuleViolation.unprocessable(NUMBER_NEGATIVE,
                field.label() + "（" + value + "）不能为负数",
                field.name() + " " + value + " must not be negative");
    }

    /**
     * An erasure of personal data: the legal ground is given, and the case's data was not erased before (an erasure
     * happens once; its data key is gone).
     */
    public static void erasable(boolean alreadyErased, ErasureGround ground, String caseId) {
        present(ground, ERASURE_GROUND);
        if (alreadyErased) {
            throw RuleViolation.conflict(PersonalDataErased.ALREADY_ERASED, "该案件（" + caseId + "）的个人信息已删除",
                    "the personal data of " + caseId + " was already erased");
        }
    }
}
