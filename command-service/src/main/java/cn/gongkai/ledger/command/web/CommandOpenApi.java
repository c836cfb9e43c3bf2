package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.api.common.InputLimits;
import cn.gongkai.ledger.api.common.Labelled;
import cn.gongkai.ledger.api.common.LedgerCommand;
import cn.gongkai.ledger.api.common.TypedId;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileLawsuit;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.FileReconsideration;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.api.request.RequestId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The command endpoints in the OpenAPI document as they really are: each body's schema built from its command
 * record ({@link CommandBody}) with the limits of {@link InputLimits} (lengths, the id alphabet, the amount and
 * count ranges, the date range, enums with their Chinese labels, required fields, no other fields), every answer
 * (201/200 and each problem status with the RFC 9457 problem schema), and the import body.
 */
@Component
public class CommandOpenApi implements OpenApiCustomizer {
    public static final String PROBLEM = "Problem";
    public static final String ACCEPTED = "CommandAccepted";
    public static final String ID_PATTERN = "^" + InputLimits.ID_ALPHABET + "$";
    public static final String REQUEST_ID_PATTERN = "^" + InputLimits.ID_ALPHABET + ":" + InputLimits.ID_ALPHABET + "$";
    public static final String EARLIEST = "x-earliest";
    public static final String LATEST = "x-latest";
    public static final String LABELS = "x-enum-labels";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Map<Class<?>, Set<String>> NESTED_OPTIONAL = Map.of(Applicant.class,
            Set.of("idDocumentNumber", "contact"));
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "请求无效：JSON、UTF-8、字段、类型或输入限制不符（Bad request: malformed, missing, unknown or out-of-limit)");
        PROBLEMS.put("404", "案件或机关不存在（No such case or agency）");
        PROBLEMS.put("406", "客户端不接受 JSON（The client does not accept JSON）");
        PROBLEMS.put("409", "与已登记的记录冲突（Conflicts with the recorded state）");
        PROBLEMS.put("413", "请求内容或事件过大（Body or event too large）");
        PROBLEMS.put("415", "内容类型不是 application/json（Not application/json）");
        PROBLEMS.put("422", "不符合业务规则，或所指编号未登记（A rule refuses it, or a named id is not recorded）");
        PROBLEMS.put("431", "请求头过大（Headers too large）");
    }

    private final RequestMappingHandlerMapping mappings;

    public CommandOpenApi(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(ACCEPTED, acceptedSchema());
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            CommandBody body = entry.getValue().getMethodAnnotation(CommandBody.class);
            if (body == null) {
                continue;
            }
            for (String path : entry.getKey().getPatternValues()) {
                PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
                if (item != null && item.getPost() != null) {
                    describe(item.getPost(), body.value(), pathVariables(path));
                }
            }
        }
        PathItem importing = openApi.getPaths() == null ? null : openApi.getPaths().get(BodyLimit.IMPORT_PATH);
        if (importing != null && importing.getPost() != null) {
            describeImport(importing.getPost());
        }
    }

    private static void describe(Operation operation, Class<? extends LedgerCommand> type, Set<String> fromUrl) {
        operation.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(bodySchema(type, fromUrl)))));
        boolean creates = fromUrl.isEmpty();
        operation.setSummary(type.getSimpleName());
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(creates ? "201" : "200", new ApiResponse()
                .description(creates ? "已登记；Location 为新案件或机关（Registered; Location names it）" : "已记录（Recorded）")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ACCEPTED)))));
        PROBLEMS.forEach((status, description) -> responses.addApiResponse(status, problemResponse(description)));
        operation.setResponses(responses);
    }

    private static void describeImport(Operation operation) {
        StringSchema lines = new StringSchema();
        lines.setDescription("JSON Lines (UTF-8, 可带 BOM): 每行一个命令，\"command\" 为命令名，其余字段同 REST 请求体加网址中的编号。"
                + "最多 " + InputLimits.IMPORT_MAX_LINES + " 行、" + InputLimits.IMPORT_MAX_BYTES + " 字节，每行最多 "
                + InputLimits.BODY_MAX_BYTES + " 字节。See docs/import-format.md.");
        lines.setMaxLength(InputLimits.IMPORT_MAX_BYTES);
        operation.setRequestBody(new RequestBody().required(true).content(new Content()
                .addMediaType("application/x-ndjson", new MediaType().schema(lines))));
        ApiResponses responses = new ApiResponses();
        ObjectSchema report = new ObjectSchema();
        report.addProperty("accepted", new IntegerSchema());
        report.addProperty("rejected", new IntegerSchema());
        ObjectSchema line = new ObjectSchema();
        line.addProperty("line", new IntegerSchema());
        StringSchema status = new StringSchema();
        status.setEnum(List.of("accepted", "rejected"));
        line.addProperty("status", status);
        line.addProperty("command", new StringSchema());
        line.addProperty("id", new StringSchema());
        line.addProperty("recordedAt", new StringSchema().format("date-time"));
        line.addProperty("problem", new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        report.addProperty("results", new ArraySchema().items(line));
        report.setRequired(List.of("accepted", "rejected", "results"));
        responses.addApiResponse("200", new ApiResponse().description("每行的结果（Each line's result）")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(report))));
        responses.addApiResponse("400", problemResponse("不是合法的 UTF-8 或缺少登记人（Not UTF-8, or no officer）；未保存任何内容"));
        responses.addApiResponse("413", problemResponse("导入内容过大或行数过多（Too large or too many lines）；未保存任何内容"));
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** The JSON body of a command: its record's fields less {@code recorded} and the ids of the URL. */
    public static ObjectSchema bodySchema(Class<? extends LedgerCommand> type, Set<String> fromUrl) {
        ObjectSchema schema = new ObjectSchema();
        schema.setAdditionalProperties(false);
        schema.setTitle(type.getSimpleName());
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (name.equals(CommandBinder.RECORDED) || fromUrl.contains(name)) {
                continue;
            }
            if (type == ReceiveRequest.class && name.equals("requestId")) {
                schema.addProperty("agencyId", idSchema());
                schema.addProperty(CommandBinder.TRACKING_NUMBER, idSchema());
                schema.addRequiredItem("agencyId");
                schema.addRequiredItem(CommandBinder.TRACKING_NUMBER);
                continue;
            }
            schema.addProperty(name, schemaOf(component.getGenericType(), name));
            boolean generated = (type == FileReconsideration.class || type == FileLawsuit.class)
                    && component == type.getRecordComponents()[0];
            if (!generated && !CommandCatalog.isOptional(type, name)) {
                schema.addRequiredItem(name);
            }
        }
        return schema;
    }

    private static Schema<?> schemaOf(Type type, String name) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            ArraySchema array = new ArraySchema().items(schemaOf(list.getActualTypeArguments()[0], name));
            array.setMaxItems(InputLimits.LIST_MAX_SIZE);
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            InputLimits.TextKind kind = InputLimits.kindOf(name);
            if (kind == InputLimits.TextKind.ID) {
                return idSchema();
            }
            StringSchema text = new StringSchema();
            text.setMinLength(1);
            text.setMaxLength(kind.maxLength());
            text.setDescription(kind == InputLimits.TextKind.TEXT
                    ? "文字：可打印字符，可含换行，NFC（printable text, line feeds allowed）"
                    : "名称：一行可打印字符，NFC（printable, one line）");
            return text;
        }
        if (raw == RequestId.class) {
            StringSchema id = new StringSchema();
            id.setPattern(REQUEST_ID_PATTERN);
            id.setMaxLength(2 * InputLimits.ID_MAX_LENGTH + 1);
            id.setDescription("agencyId:trackingNumber");
            return id;
        }
        if (TypedId.class.isAssignableFrom(raw)) {
            return idSchema();
        }
        if (raw == LocalDate.class) {
            StringSchema date = new StringSchema();
            date.setFormat("date");
            date.setDescription("YYYY-MM-DD, " + InputLimits.DATE_MIN + " … " + InputLimits.DATE_MAX);
            date.addExtension(EARLIEST, InputLimits.DATE_MIN.toString());
            date.addExtension(LATEST, InputLimits.DATE_MAX.toString());
            return date;
        }
        if (raw == int.class || raw == Integer.class) {
            IntegerSchema number = new IntegerSchema();
            number.setMinimum(BigDecimal.ZERO);
            number.setMaximum(BigDecimal.valueOf(InputLimits.COUNT_MAX));
            return number;
        }
        if (raw == BigDecimal.class) {
            NumberSchema amount = new NumberSchema();
            amount.setMinimum(BigDecimal.ZERO);
            amount.setMaximum(InputLimits.YUAN_MAX);
            amount.setMultipleOf(new BigDecimal("0.01"));
            amount.setDescription("元，精确小数，最多两位小数，不用指数（yuan, exact, at most two decimals, no exponent）");
            return amount;
        }
        if (raw.isEnum()) {
            StringSchema choice = new StringSchema();
            Map<String, String> labels = new LinkedHashMap<>();
            for (Object constant : raw.getEnumConstants()) {
                String key = ((Enum<?>) constant).name();
                choice.addEnumItem(key);
                if (constant instanceof Labelled labelled) {
                    labels.put(key, labelled.label());
                }
            }
            if (!labels.isEmpty()) {
                choice.addExtension(LABELS, labels);
                StringBuilder description = new StringBuilder();
                labels.forEach((key, label) -> description.append(description.isEmpty() ? "" : "；")
                        .append(key).append("：").append(label));
                choice.setDescription(description.toString());
            }
            return choice;
        }
        if (raw.isRecord()) {
            ObjectSchema nested = new ObjectSchema();
            nested.setAdditionalProperties(false);
            for (RecordComponent component : raw.getRecordComponents()) {
                nested.addProperty(component.getName(), schemaOf(component.getGenericType(), component.getName()));
                if (!NESTED_OPTIONAL.getOrDefault(raw, Set.of()).contains(component.getName())) {
                    nested.addRequiredItem(component.getName());
                }
            }
            return nested;
        }
        throw new IllegalStateException("no schema for " + raw + " (" + name + ")");
    }

    private static StringSchema idSchema() {
        StringSchema id = new StringSchema();
        id.setPattern(ID_PATTERN);
        id.setMinLength(1);
        id.setMaxLength(InputLimits.ID_MAX_LENGTH);
        return id;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem detail (application/problem+json); title 与 detail 按 Accept-Language 使用中文或英文");
        problem.addProperty("type", new StringSchema().format("uri").example("urn:gongkai-ledger:problem:INVALID_FIELD"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("code", new StringSchema().description("稳定的错误代码（stable code）"));
        problem.addProperty("messageZh", new StringSchema().description("中文说明"));
        problem.addProperty("messageEn", new StringSchema().description("English explanation"));
        problem.setRequired(List.of("type", "title", "status", "detail", "code", "messageZh", "messageEn"));
        return problem;
    }

    private static Schema<?> acceptedSchema() {
        ObjectSchema accepted = new ObjectSchema();
        accepted.addProperty("command", new StringSchema());
        accepted.addProperty("id", new StringSchema());
        accepted.addProperty("recordedBy", new StringSchema());
        accepted.addProperty("recordedAt", new StringSchema().format("date-time"));
        accepted.setRequired(List.of("command", "id", "recordedBy", "recordedAt"));
        return accepted;
    }

    private static Set<String> pathVariables(String path) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher variable = PATH_VARIABLE.matcher(path);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return names;
    }
}
