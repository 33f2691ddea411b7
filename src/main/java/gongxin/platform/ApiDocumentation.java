package gongxin.platform;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document a business system generates its client from, and the access test is driven by: a real title
 * and version, the two ways to authenticate, on every operation the security it needs and the rule that decides
 * (extension {@code x-access}: the endpoint's {@code @PreAuthorize} expression), and its problem responses.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String SESSION = "session";
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI gongxinApi() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("value", new StringSchema())
                .addProperty("rule", new StringSchema().description("规则名，见 docs/api.md")).addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:gongxin:problem:validation"))
                .addProperty("title", new StringSchema().description("中文标题")).addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(violation));
        // RFC 9457 §3.2: a problem type may carry members of its own (earliestDate, missing…)
        problem.setAdditionalProperties(true);
        return new OpenAPI()
                .info(new Info().title("公信 Gongxin 公共信用信息平台 API").version("1.0.0")
                        .description("归集、公示、核查与共享公共信用信息的接口。系统以 Authorization: Bearer <接口密钥> 调用，"
                                + "工作人员以登录会话调用（写请求带 X-CSRF-TOKEN）。读取非公开信息须以 X-Purpose 说明查询目的"
                                + "（中文按 UTF-8 百分号编码）。错误为 RFC 9457 problem details。")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Gongxin-Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("gx_…").description("接口客户端的密钥，由信用办签发，按权限范围（submit、check、share、exchange）授权"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("GONGXIN_SESSION").description("工作人员登录会话"))
                        .addSchemas("Problem", problem));
    }

    /**
     * Every property the document describes may be null unless the schema lists it as required: answers are Java
     * records whose absent values are written as null (the API fuzz test found the document said otherwise).
     */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer nullableUnlessRequired() {
        return api -> {
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(ApiDocumentation::nullable);
            }
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullable(Schema<?> schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        java.util.List<String> required = schema.getRequired() == null ? java.util.List.of() : schema.getRequired();
        ((java.util.Map<String, Schema>) (java.util.Map) schema.getProperties()).forEach((name, property) -> {
            if (!required.contains(name) && property.get$ref() == null) {
                property.setNullable(true);
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    property.getEnum().add(null); // OpenAPI 3.0: a nullable enum lists null among its values
                }
            }
            nullable(property);
            if (property.getItems() != null) {
                nullable(property.getItems());
            }
        });
    }

    @Bean
    OperationCustomizer securityAndProblemsOfEachOperation() {
        return (operation, handler) -> {
            String access = AccessRules.of(handler);
            operation.addExtension("x-access", access);
            boolean open = access.equals(AccessRules.OPEN);
            boolean systems = access.contains("SCOPE_") || access.equals("isAuthenticated()");
            boolean staff = access.contains("Role") || access.equals("isAuthenticated()");
            if (open) {
                operation.setSecurity(List.of(new SecurityRequirement()));
            } else {
                java.util.List<SecurityRequirement> ways = new java.util.ArrayList<>();
                if (systems) {
                    ways.add(new SecurityRequirement().addList(BEARER));
                }
                if (staff) {
                    ways.add(new SecurityRequirement().addList(SESSION));
                }
                operation.setSecurity(ways);
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            // a file written to the response (an export, a template) is documented as a body of any type, not as none
            ApiResponse ok = responses.get("200");
            if (ok != null && (ok.getContent() == null || ok.getContent().isEmpty())) {
                ok.setContent(new Content().addMediaType("*/*", new MediaType().schema(new Schema<>().type("string").format("binary"))));
            }
            problem(responses, "400", "请求格式有误");
            if (!open) {
                problem(responses, "401", "需要登录或有效的接口密钥");
                problem(responses, "403", "无权执行此操作（角色、权限范围或所属部门）");
            }
            problem(responses, "404", "对象不存在");
            if (operation.getRequestBody() != null) {
                problem(responses, "413", "请求体超过该接口的上限，未读取、未处理");
                problem(responses, "415", "请求体的类型不被接受");
            }
            if (open) {
                problem(responses, "429", "同一地址的公开请求过于频繁（Retry-After 给出等待秒数）");
                if (operation.getRequestBody() != null) {
                    problem(responses, "411", "公开接口的请求体须注明 Content-Length");
                }
            }
            problem(responses, "422", "违反规则，errors 列出字段、值、规则与说明；未作任何改动");
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
        }
    }
}
