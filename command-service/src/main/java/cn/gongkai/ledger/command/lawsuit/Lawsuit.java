package cn.gongkai.ledger.command.lawsuit;

import static cn.gongkai.ledger.command.rules.Rules.dated;
import static cn.gongkai.ledger.command.rules.Rules.notBefore;
import static cn.gongkai.ledger.command.rules.Rules.present;
import static cn.gongkai.ledger.command.rules.Rules.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.lawsuit.Instance;
import cn.gongkai.ledger.api.lawsuit.JudgmentResult;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.ErasePlaintiffData;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileAppeal;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileLawsuit;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.OpenRetrial;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.RecordJudgmentEffective;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.RenderJudgment;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.AppealFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentRendered;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.JudgmentTookEffect;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.LawsuitFiled;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.PlaintiffDataErased;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent.RetrialOpened;
import cn.gongkai.ledger.api.lawsuit.LawsuitEvent;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.Concluded;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.LawsuitFile;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.Pending;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle.State;
import cn.gongkai.ledger.api.lawsuit.LawsuitLifecycle;
import cn.gongkai.ledger.api.lawsuit.Route;
import cn.gongkai.ledger.command.AxonCommandTargets;
import cn.gongkai.ledger.command.rules.Field;
import cn.gongkai.ledger.command.rules.Rules;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lawsuit (行政诉讼) in which the agency is the defendant. Its instances run in order: the first-instance
 * judgment; if it is appealed before it takes effect, the second-instance judgment; once a judgment has
 * taken effect the case is concluded, and only a retrial reopens it. Its steps are sequential, so each is
 * dated on or after the previous one.
 *
 * <p>When a judgment takes effect, the case is counted under the outcome it resolves to: an affirming
 * judgment (驳回上诉，维持原判 / 驳回再审申请) takes the outcome of the judgment it reviewed, i.e. the latest
 * judgment rendered before it (the first-instance one on appeal, the effective one on retrial).
 */
@Aggregate(commandTargetResolver = AxonCommandTargets.BEAN_NAME)
class Lawsuit {
    private static final Field AGENCY_ID = new Field("agencyId", "被告（本机关）");
    private static final Field COURT = new Field("court", "法院");
    private static final Field PLAINTIFF_NAME = new Field("plaintiffName", "原告");
    private static final Field FILED_ON = new Field("filedOn", "起诉日期");
    private static final Field ROUTE = new Field("route", "起诉途径");
    private static final Field INSTANCE = new Field("instance", "审级");
    private static final Field RESULT = new Field("result", "裁判结果");
    private static final Field RENDERED_ON = new Field("renderedOn", "裁判日期");
    private static final Field APPEAL_FILED_ON = new Field("filedOn", "上诉日期");
    private static final Field APPELLANT = new Field("appellant", "上诉人");
    private static final Field EFFECTIVE_ON = new Field("effectiveOn", "生效日期");
    private static final Field OPENED_ON = new Field("openedOn", "再审立案日期");

    @AggregateIdentifier
    private String lawsuitId;
    /** Evolved by the one lifecycle the case summary and the report fold share. */
    private State state = LawsuitLifecycle.initial();
    private boolean plaintiffDataErased;

    Lawsuit() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FileLawsuit command) {
        if (lawsuitId != null) {
            throw RuleViolation.conflict("LAWSUIT_ALREADY_FILED",
                    "该行政诉讼案件（" + lawsuitId + "）已登记", "lawsuit " + lawsuitId + " is already filed");
        }
        present(command.agencyId(), AGENCY_ID);
        text(command.court(), COURT);
        text(command.plaintiffName(), PLAINTIFF_NAME);
        dated(command.filedOn(), FILED_ON, command.recorded());
        Route route = present(command.route(), ROUTE);
        if (route == Route.AFTER_RECONSIDERATION && command.linkedReconsiderationId() == null) {
            throw RuleViolation.unprocessable("LINKED_RECONSIDERATION_REQUIRED",
                    "复议后起诉的案件应关联其行政复议案件", "a lawsuit after reconsideration must link that reconsideration");
        }
        if (route == Route.DIRECT && command.linkedReconsiderationId() != null) {
            throw RuleViolation.unprocessable("LINKED_RECONSIDERATION_FORBIDDEN",
                    "未经复议直接起诉的案件不能关联行政复议案件",
                    "a lawsuit filed directly cannot link a reconsideration");
        }
        Rules.sameAgency(command.agencyId(), command.linkedRequestId());
        apply(new LawsuitFiled(command.lawsuitId(), command.agencyId(), command.court(), command.caseNumber(),
                command.plaintiffName(), command.filedOn(), route, command.linkedReconsiderationId(),
                command.linkedRequestId(), command.recorded()));
    }

    @CommandHandler
    void handle(RenderJudgment command) {
        requireOpen();
        Instance rendered = present(command.instance(), INSTANCE);
        Instance instance = instance();
        if (rendered != instance) {
            throw RuleViolation.conflict("JUDGMENT_INSTANCE_OUT_OF_ORDER",
                    "本案正在" + instance.label() + "，不能登记" + rendered.label()
                            + "裁判（二审须先上诉，再审须先立案再审）",
                    "the case is at the " + instance + " instance, not " + rendered
                            + " (a second instance needs an appeal, a retrial needs to be opened)");
        }
        if (judgmentPending()) {
            throw RuleViolation.conflict("JUDGMENT_ALREADY_RENDERED",
                    instance.label() + "裁判已作出，尚待生效或上诉",
                    "the " + instance + " instance judgment is already rendered and awaits effect or appeal");
        }
        text(command.court(), COURT);
        JudgmentResult result = present(command.result(), RESULT);
        if (result == JudgmentResult.AFFIRMED && facts().resolved() == null) {
            throw RuleViolation.unprocessable("NOTHING_TO_AFFIRM",
                    "一审没有可维持的原判决", "a first-instance judgment has no earlier judgment to affirm");
        }
        stepDate(command.renderedOn(), RENDERED_ON, command.recorded());
        apply(new JudgmentRendered(command.lawsuitId(), rendered, command.court(), result, command.renderedOn(),
                command.documentNumber(), command.recorded()));
    }

    @CommandHandler
    void handle(FileAppeal command) {
        requireOpen();
        if (instance() != Instance.FIRST || !judgmentPending()) {
            throw RuleViolation.conflict("APPEAL_NOT_ALLOWED",
                    "只能对已作出、尚未生效的一审裁判提起上诉", "only a rendered first-instance judgment not yet in "
                            + "effect can be appealed");
        }
        text(command.appellant(), APPELLANT);
        stepDate(command.filedOn(), APPEAL_FILED_ON, command.recorded());
        apply(new AppealFiled(command.lawsuitId(), command.filedOn(), command.appellant(), command.recorded()));
    }

    @CommandHandler
    void handle(RecordJudgmentEffective command) {
        requireOpen();
        Instance instance = instance();
        if (!judgmentPending()) {
            throw RuleViolation.conflict("NO_JUDGMENT_PENDING",
                    "本案" + instance.label() + "尚无待生效的裁判", "no " + instance + " instance judgment awaits effect");
        }
        stepDate(command.effectiveOn(), EFFECTIVE_ON, command.recorded());
        apply(new JudgmentTookEffect(command.lawsuitId(), instance, command.effectiveOn(), command.recorded()));
    }

    @CommandHandler
    void handle(OpenRetrial command) {
        if (!(state instanceof Concluded)) {
            throw RuleViolation.conflict("LAWSUIT_NOT_CONCLUDED",
                    "只有裁判已生效的案件才能再审", "only a case whose judgment took effect can be retried");
        }
        text(command.court(), COURT);
        stepDate(command.openedOn(), OPENED_ON, command.recorded());
        apply(new RetrialOpened(command.lawsuitId(), command.openedOn(), command.court(), command.recorded()));
    }

    private void requireOpen() {
        if (state instanceof Concluded concluded) {
            LocalDate lastStepOn = concluded.effectiveOn();
            throw RuleViolation.conflict("LAWSUIT_CONCLUDED",
                    "本案裁判已于" + lastStepOn + "生效，除再审外不能再登记", "the case was concluded on " + lastStepOn
                            + ": only a retrial can reopen it");
        }
    }

    private void stepDate(LocalDate date, Field field, Recorded recorded) {
        dated(date, field, recorded);
        notBefore(date, field, facts().lastStepOn(), stepField(facts().lastStep()));
    }

    @CommandHandler
    void handle(ErasePlaintiffData command) {
        Rules.erasable(plaintiffDataErased, command.ground(), lawsuitId);
        apply(new PlaintiffDataErased(command.lawsuitId(), command.ground(), command.recorded()));
    }

    @EventSourcingHandler
    void on(LawsuitEvent event) {
        state = LawsuitLifecycle.evolve(state, event);
        plaintiffDataErased |= event instanceof PlaintiffDataErased;
        if (lawsuitId == null && event instanceof LawsuitFiled filed) {
            lawsuitId = filed.lawsuitId().value();
        }
    }

    private LawsuitFile facts() {
        return state.file().orElseThrow();
    }

    /** The instance under way (or concluded). */
    private Instance instance() {
        return state instanceof Pending p ? p.instance() : ((Concluded) state).instance();
    }

    private boolean judgmentPending() {
        return state instanceof Pending p && p.judgmentRendered();
    }

    /** The field of the step an event dated, for "on or after the previous step". */
    private static Field stepField(LawsuitEvent step) {
        if (step instanceof JudgmentRendered) {
            return RENDERED_ON;
        } else if (step instanceof AppealFiled) {
            return APPEAL_FILED_ON;
        } else if (step instanceof JudgmentTookEffect) {
            return EFFECTIVE_ON;
        } else if (step instanceof RetrialOpened) {
            return OPENED_ON;
        }
        return FILED_ON;
    }
}
