package gongxin.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo city (示例市) on an empty database: its departments from {@code demo/departments.csv}, one staff
 * user per role and the demo API client. With the demo switched off, an empty database gets one administrator
 * instead (see {@link BootstrapProperties}).
 */
@Component
@Order(10)
class DemoCity implements ApplicationRunner {

    static final String DEMO_PASSWORD = "xinyong2026";
    static final String DEMO_CLIENT = "示例市数据归集系统";

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    private final DemoProperties demo;
    private final BootstrapProperties bootstrap;
    private final DepartmentService departments;
    private final DepartmentRepository departmentRepository;
    private final StaffUserService users;
    private final StaffUserRepository userRepository;
    private final ApiClientService clients;
    private final ClusterLock lock;

    DemoCity(DemoProperties demo, BootstrapProperties bootstrap, DepartmentService departments,
             DepartmentRepository departmentRepository, StaffUserService users, StaffUserRepository userRepository,
             ApiClientService clients, ClusterLock lock) {
        this.demo = demo;
        this.bootstrap = bootstrap;
        this.departments = departments;
        this.departmentRepository = departmentRepository;
        this.users = users;
        this.userRepository = userRepository;
        this.clients = clients;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        lock.runExclusively("seed-identity", () -> {
            if (demo.enabled()) {
                seedDemo();
            } else if (userRepository.isEmpty()) {
                bootstrapAdministrator();
            }
            return null;
        });
    }

    private void seedDemo() {
        if (departmentRepository.isEmpty()) {
            List<DepartmentService.DepartmentForm> rows = readDepartments();
            Set<String> created = new HashSet<>();
            // parents first, whatever the order of the file
            while (created.size() < rows.size()) {
                int before = created.size();
                for (DepartmentService.DepartmentForm row : rows) {
                    if (!created.contains(row.code()) && (row.parentCode().isEmpty() || created.contains(row.parentCode()))) {
                        departments.create(row);
                        created.add(row.code());
                    }
                }
                if (created.size() == before) {
                    throw new IllegalStateException("demo/departments.csv names a parent that does not exist");
                }
            }
            log.info("Seeded the demo city: {} departments", created.size());
        }
        if (userRepository.isEmpty()) {
            demoUser("admin", "王信用", "CITY-NDRC", Role.ADMIN);
            demoUser("operator", "李报送", "CITY-SAMR", Role.OPERATOR);
            demoUser("reviewer", "赵审核", "CITY-SAMR", Role.REVIEWER);
            demoUser("auditor", "陈审计", "CITY-NDRC", Role.AUDITOR);
            demoUser("county-operator", "刘县报", "CNTY-SAMR", Role.OPERATOR);
            log.info("Seeded the demo staff accounts (password {} for each; see README)", DEMO_PASSWORD);
        }
        // registered for every demo department, so it may do through the API what those departments may
        Set<String> every = new HashSet<>();
        departmentRepository.findAll().forEach(d -> every.add(d.code()));
        clients.ensureClient(DEMO_CLIENT, "CITY-NDRC", every, EnumSet.of(Scope.SUBMIT, Scope.CHECK, Scope.SHARE), demo.apiKey())
                .ifPresent(key -> log.warn("""

                        ==========================================================================
                         演示接口客户端“{}”的接口密钥（仅显示这一次）：
                         {}
                         用法：Authorization: Bearer <接口密钥>；或启动前设置 GONGXIN_DEMO_API_KEY
                        ==========================================================================""", DEMO_CLIENT, key));
    }

    private void demoUser(String username, String displayName, String department, Role role) {
        // demo accounts are meant to be used as they are, without a forced password change
        users.create(new StaffUserService.NewUser(username, displayName, department, EnumSet.of(role), DEMO_PASSWORD), false);
    }

    private void bootstrapAdministrator() {
        if (!bootstrap.complete()) {
            log.warn("No staff account exists and the demo is off: set gongxin.bootstrap.department-code, "
                    + "department-name and department-credit-code to create the first administrator");
            return;
        }
        if (departmentRepository.find(bootstrap.departmentCode()).isEmpty()) {
            departments.create(new DepartmentService.DepartmentForm(bootstrap.departmentCode(), bootstrap.departmentName(),
                    bootstrap.departmentCreditCode(), "CITY", "", "信用办", true, ""));
        }
        String password = ApiKeys.generate().substring(3, 19) + "7a";
        users.create(new StaffUserService.NewUser(bootstrap.adminUsername(), "信用办管理员", bootstrap.departmentCode(),
                EnumSet.of(Role.ADMIN), password), true);
        log.warn("""

                ==========================================================================
                 已创建首个管理员账户 {}，临时密码（仅显示这一次，首次登录须修改）：
                 {}
                ==========================================================================""", bootstrap.adminUsername(), password);
    }

    private static List<DepartmentService.DepartmentForm> readDepartments() {
        List<DepartmentService.DepartmentForm> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/departments.csv").getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("key,name,parent,level,credit_code,duties")) {
                throw new IllegalStateException("unexpected header in demo/departments.csv: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                // the demo file has no sector column; the sector shows in the name
                String sector = f[1].contains("市场监督管理") ? "MARKET_REGULATION" : f[1].contains("税务") ? "TAX"
                        : f[1].contains("人民法院") ? "COURT" : f[1].contains("应急管理") ? "WORK_SAFETY"
                        : f[1].contains("消防") ? "FIRE_PROTECTION" : "";
                rows.add(new DepartmentService.DepartmentForm(f[0], f[1], f[4], f[3], f[2], f[5], true, sector));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
