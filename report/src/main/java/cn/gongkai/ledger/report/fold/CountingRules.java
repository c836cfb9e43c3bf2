package cn.gongkai.ledger.report.fold;

import cn.gongkai.ledger.api.common.AppealOutcome;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationResult;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestLifecycle.Concluded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The product's documented choices where the official text is silent or open (annual-report.md, "Where the
 * official text is silent"). Each choice lives here, once, with its reason; the fold calls these and nothing
 * else decides them.
 */
public final class CountingRules {
    /**
     * Multi-item request: a request counts as one unit whatever it asks for, even when it asks for several
     * pieces of information answered differently (counting rule "each request is one unit"). The request is
     * not split; its single counted outcome is decided by {@link #countedOutcome}.
     */
    public static final int UNITS_PER_REQUEST = 1;

    /**
     * Withdrawal: a request withdrawn by the applicant counts under {@code 三.六.3 其他} in the year of the
     * withdrawal. The official form has no withdrawal row, the request did end (so it must leave 四), and 三.六.1
     * and 三.六.2 are reserved for the two closures the 条例 names.
     */
    public static final Outcome WITHDRAWAL = Outcome.OTHER;

    private CountingRules() {
    }

    /**
     * The row a concluded request counts under: its recorded outcome (the reply's primary, the closing's row, or an
     * outcome corrected in) through {@link #countedOutcome(Outcome, List)}; a withdrawal no correction gave an
     * outcome counts under {@link #WITHDRAWAL}. The events record only what happened (RequestWithdrawn carries no
     * outcome); this is the one place that decides the row.
     */
    public static Outcome countedOutcome(Concluded concluded) {
        Outcome primary = concluded.recordedOutcome().orElse(null);
        return primary == null ? WITHDRAWAL : countedOutcome(primary, concluded.secondaryReasons());
    }

    /**
     * The table-四 column of a lawsuit concluded on {@code result} (an affirmation already resolved by the
     * lifecycle to the result it affirmed): 驳回诉讼请求 is 维持; 撤销, 变更, 确认违法, 责令履行/重新答复 are 纠正;
     * 裁定驳回起诉, 不予立案, 准予撤诉, 调解, 终结诉讼 are 其他. Past cases follow this rule as it stands, since the
     * events store only the judgment.
     *
     * @throws IllegalArgumentException for {@link JudgmentResult#AFFIRMED}, which has no column of its own
     */
    public static AppealOutcome appealOutcome(JudgmentResult result) {
        return switch (result) {
            case CLAIM_DISMISSED -> AppealOutcome.UPHELD;
            case REVOKED, CHANGED, CONFIRMED_UNLAWFUL, ORDERED_TO_ACT -> AppealOutcome.CORRECTED;
            case SUIT_DISMISSED, NOT_ACCEPTED, WITHDRAWAL_PERMITTED, MEDIATED, TERMINATED -> AppealOutcome.OTHER;
            case AFFIRMED -> throw new IllegalArgumentException("an affirmation takes the column of what it affirmed");
        };
    }

    /**
     * The table-四 column of a reconsideration that ended by {@code ending}: a decision on the merits by its result
     * ({@link #appealOutcome(ReconsiderationResult)}); a rejection (不予受理) or a withdrawal is 其他. Past cases
     * follow this rule as it stands, since the events store only what happened.
     */
    public static AppealOutcome appealOutcome(ReconsiderationEvent.Conclusion ending) {
        if (ending instanceof ReconsiderationEvent.ReconsiderationDecided decided) {
            return appealOutcome(decided.result());
        }
        if (ending instanceof ReconsiderationEvent.ReconsiderationRejected
                || ending instanceof ReconsiderationEvent.ReconsiderationWithdrawn) {
            return AppealOutcome.OTHER;
        }
        throw new IllegalArgumentException("unhandled reconsideration conclusion " + ending.getClass().getName());
    }

    /**
     * The table-四 column of a reconsideration decision: 维持 is 维持; 撤销, 变更, 确认违法, 责令履行/重新答复 are 纠正;
     * 驳回复议申请, 终止, 调解, 和解 are 其他.
     */
    public static AppealOutcome appealOutcome(ReconsiderationResult result) {
        return switch (result) {
            case UPHELD -> AppealOutcome.UPHELD;
            case REVOKED, CHANGED, CONFIRMED_UNLAWFUL, ORDERED_TO_ACT -> AppealOutcome.CORRECTED;
            case APPLICATION_DISMISSED, TERMINATED, MEDIATED, SETTLED -> AppealOutcome.OTHER;
        };
    }

    /**
     * Several reasons, and partial disclosure: a request counts once, under the primary outcome the officer
     * chose; secondary reasons are detail and never counted. The single exception is the form's own rule for
     * 三.二 ("区分处理的，只计这一情形"): a reply that discloses something (primary or secondary 予以公开/部分公开)
     * and also withholds or cannot provide something (any non-disclosing reason) counts only under 三.二.
     */
    public static Outcome countedOutcome(Outcome primary, List<Outcome> secondaryReasons) {
        boolean discloses = primary.discloses();
        boolean refuses = !primary.discloses();
        for (int i = 0; i < secondaryReasons.size(); i++) {
            Outcome secondary = secondaryReasons.get(i);
            discloses |= secondary.discloses();
            refuses |= !secondary.discloses();
        }
        return discloses && refuses ? Outcome.PARTIALLY_DISCLOSED : primary;
    }

    /**
     * Applicant type: the column is the type recorded at intake as last corrected by an
     * {@code ApplicantTypeCorrected} event; the fold never re-derives it. A lawyer applying in their own name
     * was recorded as 自然人 (they apply as a citizen, not for the firm); a law firm applying is 法律服务机构.
     */
    public static ApplicantType column(ApplicantType recordedType) {
        return recordedType;
    }

    /**
     * A conclusion dated before the receipt date (possible only after a receipt-date or conclusion-date
     * correction) counts on the receipt date: a request is never concluded before it exists, so each request is
     * counted once in 一 and once in 三 and the column identity 一 + 二 = 三.七 + 四 holds in every year.
     */
    public static LocalDate countedConclusionDate(LocalDate receivedOn, LocalDate concludedOn) {
        return concludedOn.isBefore(receivedOn) ? receivedOn : concludedOn;
    }

    /**
     * Expired documents: 本年废止件数 counts only documents repealed (废止) in the year, as the column says; a
     * document that lapsed at the end of its validity period (失效) in the year is not counted there, but it is
     * no longer in force and leaves 现行有效件数 (and the 2019 对外公开总数量). So last year's 现行有效 + 制发 −
     * 废止 equals this year's 现行有效 only when nothing expired.
     */
    public static boolean inForceOn(LocalDate day, LocalDate issuedOn, LocalDate repealedOn, LocalDate expiredOn) {
        return !issuedOn.isAfter(day) && (repealedOn == null || repealedOn.isAfter(day))
                && (expiredOn == null || expiredOn.isAfter(day));
    }

    /**
     * Amounts in 万元 (行政事业性收费 本年收费金额, 2019 采购总金额): the exact sum in yuan divided by 10,000,
     * never rounded, trailing zeros stripped, plain notation: 12,345 yuan is {@code "1.2345"}, 100,000 yuan is
     * {@code "10"}, 123.45 yuan is {@code "0.012345"}, nothing is {@code "0"}.
     */
    public static BigDecimal tenThousandYuan(BigDecimal yuan) {
        BigDecimal wan = yuan.movePointLeft(4).stripTrailingZeros();
        return wan.signum() == 0 ? BigDecimal.ZERO : wan.scale() < 0 ? wan.setScale(0) : wan;
    }
}
