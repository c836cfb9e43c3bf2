package cn.gongkai.ledger.api.common;

/**
 * The event that an applicant's (or plaintiff's) personal data in one case was erased (crypto-shredding: the case's
 * data key is destroyed, so every copy of the data, wherever it lies, is unreadable): who and when in
 * {@link #recorded()}, which case in {@link #aggregateId()}, and the legal ground. It changes no count: a report
 * counts applicants by type, which stays in the clear.
 */
public interface PersonalDataErased extends LedgerEvent {
    /** The refusal code of an erasure of a case already erased. */
    String ALREADY_ERASED = "PERSONAL_DATA_ALREADY_ERASED";
    /** What an erased applicant's name, ID number or contact reads as, everywhere. */
    String ERASED = "已删除";

    ErasureGround ground();
}
