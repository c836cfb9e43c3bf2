package cn.gongkai.ledger.command.ledgerimport;

import cn.gongkai.ledger.api.request.LedgerField;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.Outcome;
import cn.gongkai.ledger.api.request.RequestId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one row of a 台账 into the commands it stands for, or into the problem that stops it, naming the cell.
 * Values are read as offices write them: dates as {@code 2024-03-04}, {@code 2024/3/4}, {@code 2024.3.4} or
 * {@code 2024年3月4日}; an applicant type, channel or outcome by its official label, its key or a usual wording
 * (see docs/import-format.md). The case's tracking number is the 编号 cell, or — without one — derived from the
 * receipt date, applicant and subject, so that importing the same row again names the same case.
 */
final class RowInterpreter {
    static final String IMPORT_NOTE = "台账导入";
    static final int CORRECTION_PERIOD_DAYS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,2})");
    private static final Map<String, ApplicantType> APPLICANT_TYPES = new LinkedHashMap<>();
    private static final Map<String, Channel> CHANNELS = new LinkedHashMap<>();
    private static final Map<String, Outcome> OUTCOMES = new LinkedHashMap<>();
    private static final List<String> WITHDRAWN = List.of("撤回", "申请人撤回", "撤回申请", "主动撤回");
    private static final List<String> NO = List.of("", "否", "无", "未延期", "不延期", "0");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    static {
        for (ApplicantType type : ApplicantType.values()) {
            APPLICANT_TYPES.put(type.key(), type);
            APPLICANT_TYPES.put(type.name(), type);
        }
        APPLICANT_TYPES.put("个人", ApplicantType.NATURAL_PERSON);
        APPLICANT_TYPES.put("公民", ApplicantType.NATURAL_PERSON);
        APPLICANT_TYPES.put("企业", ApplicantType.COMMERCIAL_ENTERPRISE);
        APPLICANT_TYPES.put("公司", ApplicantType.COMMERCIAL_ENTERPRISE);
        APPLICANT_TYPES.put("律师事务所", ApplicantType.LEGAL_SERVICE_INSTITUTION);
        APPLICANT_TYPES.put("社会组织", ApplicantType.PUBLIC_WELFARE_ORGANIZATION);
        APPLICANT_TYPES.put("其他组织", ApplicantType.OTHER_ORGANIZATION);
        for (Channel channel : Channel.values()) {
            CHANNELS.put(channel.label(), channel);
            CHANNELS.put(channel.name(), channel);
        }
        CHANNELS.put("现场", Channel.IN_PERSON);
        CHANNELS.put("当面提交", Channel.IN_PERSON);
        CHANNELS.put("网上", Channel.INTERNET);
        CHANNELS.put("网络", Channel.INTERNET);
        CHANNELS.put("在线", Channel.INTERNET);
        CHANNELS.put("互联网", Channel.INTERNET);
        CHANNELS.put("挂号信", Channel.SIGNED_MAIL);
        CHANNELS.put("快递", Channel.SIGNED_MAIL);
        CHANNELS.put("邮寄", Channel.SIGNED_MAIL);
        CHANNELS.put("信函", Channel.ORDINARY_LETTER);
        CHANNELS.put("邮件", Channel.EMAIL);
        CHANNELS.put("电邮", Channel.EMAIL);
        for (Outcome outcome : Outcome.values()) {
            OUTCOMES.put(outcome.key(), outcome);
            OUTCOMES.put(outcome.name(), outcome);
            OUTCOMES.put(outcome.label().replaceFirst("^（[一二三四五六七]）|^\\d\\.", ""), outcome);
        }
        OUTCOMES.put("公开", Outcome.DISCLOSED);
        OUTCOMES.put("同意公开", Outcome.DISCLOSED);
        OUTCOMES.put("部分公开", Outcome.PARTIALLY_DISCLOSED);
        OUTCOMES.put("国家秘密", Outcome.WITHHELD_STATE_SECRET);
        OUTCOMES.put("第三方合法权益", Outcome.WITHHELD_THIRD_PARTY_RIGHTS);
        OUTCOMES.put("内部事务信息", Outcome.WITHHELD_INTERNAL_AFFAIRS);
        OUTCOMES.put("过程性信息", Outcome.WITHHELD_PROCESS_INFORMATION);
        OUTCOMES.put("行政执法案卷", Outcome.WITHHELD_ENFORCEMENT_FILE);
        OUTCOMES.put("本机关不掌握", Outcome.UNAVAILABLE_NOT_HELD);
        OUTCOMES.put("信息不存在", Outcome.UNAVAILABLE_NOT_HELD);
        OUTCOMES.put("不掌握", Outcome.UNAVAILABLE_NOT_HELD);
        OUTCOMES.put("需要另行制作", Outcome.UNAVAILABLE_WOULD_NEED_CREATION);
        OUTCOMES.put("信访举报投诉", Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT);
        OUTCOMES.put("重复申请", Outcome.NOT_PROCESSED_REPEATED);
        OUTCOMES.put("公开出版物", Outcome.NOT_PROCESSED_PUBLICATION);
        OUTCOMES.put("其他", Outcome.OTHER);
    }

    private final AgencyId agency;
    private final ColumnMapping mapping;
    private final LocalDate today;

    /** {@code today}: the business date of the import, no date of a row may lie after it. */
    RowInterpreter(AgencyId agency, ColumnMapping mapping, LocalDate today) {
        this.agency = agency;
        this.mapping = mapping;
        this.today = today;
    }

    /** The row read: a planned case, or the first problem found in it. */
    sealed interface Reading permits Planned, Refused {
    }

    record Planned(PlannedCase plannedCase) implements Reading {
    }

    record Refused(RowProblem problem) implements Reading {
    }

    private static final class Problem extends RuntimeException {
        private final RowProblem problem;

        Problem(RowProblem problem) {
            super(problem.reasonEn(), null, false, false);
            this.problem = problem;
        }
    }

    Reading read(Sheet.Row row) {
        try {
            return new Planned(plan(row));
        } catch (Problem p) {
            return new Refused(p.problem);
        }
    }

    private PlannedCase plan(Sheet.Row row) {
        LocalDate receivedOn = date(row, LedgerField.RECEIVED_ON, true);
        String applicant = text(row, LedgerField.APPLICANT);
        ApplicantType type = lookup(row, LedgerField.APPLICANT_TYPE, APPLICANT_TYPES, "申请人类型",
                "an applicant type (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他)");
        Channel channel = lookup(row, LedgerField.CHANNEL, CHANNELS, "申请方式",
                "a channel (当面, 挂号/快递, 平信, 互联网平台, 传真, 电子邮件)");
        String subject = text(row, LedgerField.SUBJECT);
        String tracking = row.cell(mapping.header(LedgerField.TRACKING_NUMBER));
        if (tracking.isEmpty()) {
            tracking = derivedTrackingNumber(receivedOn, applicant, subject);
        } else if (!tracking.matches("[A-Za-z0-9〔〕()（）_.\\-\\u4e00-\\u9fa5]{1,64}")) {
            throw problem(row, LedgerField.TRACKING_NUMBER, "编号只能含字母、数字、汉字和 -_.()〔〕，最长 64 个字符",
                    "a tracking number has letters, digits, 汉字 and -_.()〔〕 only, at most 64 characters");
        }
        String requestId = RequestId.of(agency, tracking).value();
        notBefore(row, LedgerField.CORRECTION_REQUESTED_ON, receivedOn, LedgerField.RECEIVED_ON);
        notBefore(row, LedgerField.CORRECTION_SUPPLIED_ON, date(row, LedgerField.CORRECTION_REQUESTED_ON, false),
                LedgerField.CORRECTION_REQUESTED_ON);
        notBefore(row, LedgerField.EXTENSION_ON, receivedOn, LedgerField.RECEIVED_ON);
        notBefore(row, LedgerField.REPLIED_ON, receivedOn, LedgerField.RECEIVED_ON);
        notBefore(row, LedgerField.REPLIED_ON, date(row, LedgerField.CORRECTION_SUPPLIED_ON, false),
                LedgerField.CORRECTION_SUPPLIED_ON);
        notBefore(row, LedgerField.REPLIED_ON, date(row, LedgerField.EXTENSION_ON, false), LedgerField.EXTENSION_ON);
        List<ObjectNode> commands = new ArrayList<>();
        ObjectNode receive = command("ReceiveRequest").put("agencyId", agency.value()).put("trackingNumber", tracking)
                .put("channel", channel.name()).put("receivedOn", receivedOn.toString()).put("subject", subject);
        receive.putObject("applicant").put("type", type.name()).put("name", applicant);
        commands.add(receive);

        LocalDate correctionOn = date(row, LedgerField.CORRECTION_REQUESTED_ON, false);
        LocalDate suppliedOn = date(row, LedgerField.CORRECTION_SUPPLIED_ON, false);
        if (suppliedOn != null && correctionOn == null) {
            throw problem(row, LedgerField.CORRECTION_SUPPLIED_ON, "有补正提交日期却没有补正日期",
                    "a correction was supplied but none was asked for (no 补正 date)");
        }
        if (correctionOn != null) {
            commands.add(command("RequestCorrection").put("requestId", requestId).put("requestedOn", correctionOn.toString())
                    .put("supplyBy", supplyBy(correctionOn, suppliedOn).toString())
                    .put("missing", IMPORT_NOTE));
            if (suppliedOn != null) {
                commands.add(command("SupplyCorrection").put("requestId", requestId).put("suppliedOn", suppliedOn.toString()));
            }
        }

        String extension = row.cell(mapping.header(LedgerField.EXTENSION_DAYS));
        if (!NO.contains(extension)) {
            Matcher days = WORKING_DAYS.matcher(extension);
            int workingDays = extension.equals("是") || extension.equals("延期") ? 20
                    : days.find() ? Integer.parseInt(days.group(1)) : -1;
            if (workingDays < 1 || workingDays > 20) {
                throw problem(row, LedgerField.EXTENSION_DAYS, "延期须为“是”或 1 至 20 个工作日",
                        "an extension is 是 or 1 to 20 working days");
            }
            LocalDate extendedOn = date(row, LedgerField.EXTENSION_ON, false);
            if (extendedOn == null) {
                throw problem(row, LedgerField.EXTENSION_ON, "有延期却没有延期日期",
                        "an extension needs the date it was approved (延期日期)");
            }
            commands.add(command("ApproveExtension").put("requestId", requestId).put("approvedOn", extendedOn.toString())
                    .put("workingDays", workingDays).put("approver", IMPORT_NOTE));
        }

        String outcomeText = row.cell(mapping.header(LedgerField.OUTCOME));
        LocalDate repliedOn = date(row, LedgerField.REPLIED_ON, false);
        if (!outcomeText.isEmpty() && repliedOn == null) {
            throw problem(row, LedgerField.REPLIED_ON, "有办理结果却没有答复日期", "an outcome needs its reply date (答复日期)");
        }
        if (outcomeText.isEmpty() && repliedOn != null) {
            throw problem(row, LedgerField.OUTCOME, "有答复日期却没有办理结果", "a reply date needs its outcome (办理结果)");
        }
        if (!outcomeText.isEmpty()) {
            if (WITHDRAWN.contains(outcomeText)) {
                commands.add(command("WithdrawRequest").put("requestId", requestId).put("withdrawnOn", repliedOn.toString()));
            } else {
                Outcome outcome = lookup(row, LedgerField.OUTCOME, OUTCOMES, "办理结果",
                        "an outcome of table 三 (予以公开, 部分公开, 属于国家秘密, 本机关不掌握相关政府信息, …) or 撤回");
                if (outcome == Outcome.OTHER_CORRECTION_NOT_SUPPLIED) {
                    commands.add(command("CloseForMissingCorrection").put("requestId", requestId)
                            .put("closedOn", repliedOn.toString()));
                } else if (outcome == Outcome.OTHER_FEE_NOT_PAID) {
                    throw problem(row, LedgerField.OUTCOME, "逾期未缴费的申请须连同收费通知登记，台账导入不支持",
                            "a closing for an unpaid fee needs the fee notice; the register import does not take it");
                } else {
                    commands.add(command("ReplyToRequest").put("requestId", requestId).put("repliedOn", repliedOn.toString())
                            .put("primaryOutcome", outcome.name()));
                }
            }
        }
        return new PlannedCase(row.number(), requestId, commands);
    }

    /**
     * The register records when 补正 was asked and supplied, not the period given: it is taken as
     * {@value #CORRECTION_PERIOD_DAYS} days, or up to the day it was supplied when that was later.
     */
    private static LocalDate supplyBy(LocalDate requestedOn, LocalDate suppliedOn) {
        LocalDate period = requestedOn.plusDays(CORRECTION_PERIOD_DAYS);
        return suppliedOn != null && suppliedOn.isAfter(period) ? suppliedOn : period;
    }

    private static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }

    private String text(Sheet.Row row, LedgerField field) {
        String value = row.cell(mapping.header(field));
        if (value.isEmpty()) {
            throw problem(row, field, "必填项为空", "required, but the cell is blank");
        }
        return value;
    }

    private <T> T lookup(Sheet.Row row, LedgerField field, Map<String, T> values, String what, String whatEn) {
        String value = text(row, field);
        T found = values.get(value.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        if (found == null) {
            found = values.get(value.replaceAll("\\s", ""));
        }
        if (found == null) {
            throw problem(row, field, "无法识别的" + what, "not " + whatEn);
        }
        return found;
    }

    private LocalDate date(Sheet.Row row, LedgerField field, boolean required) {
        String value = row.cell(mapping.header(field));
        if (value.isEmpty()) {
            if (required) {
                throw problem(row, field, "必填项为空", "required, but the cell is blank");
            }
            return null;
        }
        Matcher m = CHINESE_DATE.matcher(value);
        if (!m.matches()) {
            m = NUMERIC_DATE.matcher(value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value);
        }
        if (m.matches()) {
            LocalDate date;
            try {
                date = LocalDate.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3), ISO);
            } catch (DateTimeParseException e) {
                throw problem(row, field, "不存在的日期", "no such date");
            }
            if (date.isAfter(today)) {
                throw problem(row, field, "日期晚于今天（" + today + "）", "the date lies after today (" + today + ")");
            }
            return date;
        }
        throw problem(row, field, "无法识别的日期（可写作 2024-03-04、2024/3/4 或 2024年3月4日）",
                "not a date (write 2024-03-04, 2024/3/4 or 2024年3月4日)");
    }

    /** A date of the row that must not lie before {@code earlier} (when both are given). */
    private void notBefore(Sheet.Row row, LedgerField field, LocalDate earlier, LedgerField earlierField) {
        LocalDate date = date(row, field, false);
        if (date != null && earlier != null && date.isBefore(earlier)) {
            throw problem(row, field, "早于" + earlierField.label() + "（" + earlier + "）",
                    "before " + earlierField.name() + " (" + earlier + ")");
        }
    }

    private Problem problem(Sheet.Row row, LedgerField field, String zh, String en) {
        String header = mapping.header(field);
        return new Problem(new RowProblem(row.number(), header == null ? field.label() : header, row.cell(header),
                field.label() + "：" + zh, field.name() + ": " + en));
    }

    /** The tracking number of a row without 编号: stable over re-imports of the same row. */
    static String derivedTrackingNumber(LocalDate receivedOn, String applicant, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((receivedOn + "\n" + applicant + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return "TZ-" + receivedOn.getYear() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
