package gongxin.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gongxin.audit.AuditLog;
import gongxin.shared.ConflictException;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApiClientService {

    private final ApiClientRepository clients;
    private final DepartmentRepository departments;
    private final AuditLog audit;
    private final Clock clock;

    ApiClientService(ApiClientRepository clients, DepartmentRepository departments, AuditLog audit, Clock clock) {
        this.clients = clients;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    /** The client a key belongs to, if the key is known and the client enabled. */
    Optional<ApiClientPrincipal> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiClient> client = clients.findByKeyHash(ApiKeys.hash(key)).filter(ApiClient::enabled);
        Instant now = clock.instant();
        // the row just read says whether the use is news: a busy client costs no statement on most of its calls
        client.filter(c -> c.lastUsedAt() == null || c.lastUsedAt().isBefore(now.minus(ApiClientRepository.TOUCH_EVERY)))
                .ifPresent(c -> clients.touch(c.id(), now));
        return client.map(ApiClient::principal);
    }

    List<ApiClient> all() {
        return clients.findAll();
    }

    ApiClient get(UUID id) {
        return clients.find(id).orElseThrow(() -> new NotFoundException("接口客户端不存在"));
    }

    @Transactional
    IssuedKey create(String name, String departmentCode, Set<String> actsFor, Set<Scope> scopes) {
        String normalizedName = Text.clean(name);
        check(normalizedName, departmentCode, actsFor, scopes);
        if (clients.findByName(normalizedName).isPresent()) {
            throw new ConflictException("name", normalizedName, "接口客户端“" + normalizedName + "”已存在");
        }
        String key = ApiKeys.generate();
        ApiClient client = new ApiClient(UUID.randomUUID(), normalizedName, departmentCode, others(departmentCode, actsFor),
                EnumSet.copyOf(scopes), ApiKeys.hash(key), ApiKeys.hint(key), true, clock.instant(), clock.instant(), null);
        clients.insert(client);
        audit.record("API_CLIENT_CREATED", "api_client", client.id().toString(), describe(client));
        return new IssuedKey(client, key);
    }

    /** Issues a new key; the old one stops working at once. */
    @Transactional
    IssuedKey rotateKey(UUID id) {
        ApiClient client = get(id);
        String key = ApiKeys.generate();
        clients.replaceKey(id, ApiKeys.hash(key), ApiKeys.hint(key), clock.instant());
        audit.record("API_CLIENT_KEY_ROTATED", "api_client", id.toString(), Map.of("name", client.name()));
        return new IssuedKey(get(id), key);
    }

    @Transactional
    void update(UUID id, String departmentCode, Set<String> actsFor, Set<Scope> scopes, boolean enabled) {
        ApiClient before = get(id);
        check(before.name(), departmentCode, actsFor, scopes);
        clients.update(id, departmentCode, others(departmentCode, actsFor), EnumSet.copyOf(scopes), enabled);
        Map<String, Object> details = describe(get(id));
        details.put("before", describe(before));
        audit.record("API_CLIENT_UPDATED", "api_client", id.toString(), details);
    }

    /**
     * Makes sure the named client exists with exactly this key (the demo client and {@code GONGXIN_DEMO_API_KEY});
     * returns the key when one had to be generated, so that it can be shown once.
     */
    @Transactional
    Optional<String> ensureClient(String name, String departmentCode, Set<String> actsFor, Set<Scope> scopes, String wantedKey) {
        Optional<ApiClient> existing = clients.findByName(name);
        if (existing.isPresent()) {
            if (wantedKey != null && !wantedKey.isBlank() && !existing.get().keyHash().equals(ApiKeys.hash(wantedKey))) {
                clients.replaceKey(existing.get().id(), ApiKeys.hash(wantedKey), ApiKeys.hint(wantedKey), clock.instant());
                audit.record("API_CLIENT_KEY_ROTATED", "api_client", existing.get().id().toString(),
                        Map.of("name", name, "source", "configuration"));
            }
            return Optional.empty();
        }
        boolean generated = wantedKey == null || wantedKey.isBlank();
        String key = generated ? ApiKeys.generate() : wantedKey;
        ApiClient client = new ApiClient(UUID.randomUUID(), name, departmentCode, others(departmentCode, actsFor), EnumSet.copyOf(scopes),
                ApiKeys.hash(key), ApiKeys.hint(key), true, clock.instant(), clock.instant(), null);
        clients.insert(client);
        audit.record("API_CLIENT_CREATED", "api_client", client.id().toString(), describe(client));
        return generated ? Optional.of(key) : Optional.empty();
    }

    private static Set<String> others(String departmentCode, Set<String> actsFor) {
        Set<String> others = new java.util.TreeSet<>(actsFor == null ? Set.of() : actsFor);
        others.remove(departmentCode);
        return others;
    }

    private void check(String name, String departmentCode, Set<String> actsFor, Set<Scope> scopes) {
        List<RuleViolation> violations = new ArrayList<>();
        if (actsFor != null) {
            actsFor.stream().filter(code -> departments.find(code).isEmpty()).findFirst().ifPresent(code ->
                    violations.add(RuleViolation.of("actsFor", code, "exists", "代理部门“" + code + "”不存在")));
        }
        if (name == null || name.isEmpty()) {
            violations.add(RuleViolation.of("name", name, "required", "请填写客户端名称"));
        }
        if (departmentCode == null || departments.find(departmentCode).isEmpty()) {
            violations.add(RuleViolation.of("departmentCode", departmentCode, "exists", "请选择所属部门"));
        }
        if (scopes == null || scopes.isEmpty()) {
            violations.add(RuleViolation.of("scopes", null, "required", "请至少选择一项权限范围"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("接口客户端信息不符合规则", violations);
        }
    }

    private static Map<String, Object> describe(ApiClient client) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", client.name());
        map.put("departmentCode", client.departmentCode());
        map.put("actsFor", List.copyOf(new java.util.TreeSet<>(client.actsFor())));
        map.put("scopes", client.scopes().stream().map(Scope::code).sorted().toList());
        map.put("enabled", client.enabled());
        return map;
    }

    /** A client with its key in clear text, which exists only in this answer. */
    record IssuedKey(ApiClient client, String key) {
    }
}
