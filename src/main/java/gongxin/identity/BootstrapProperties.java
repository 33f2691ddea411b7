package gongxin.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of a production installation (demo off, empty database): the credit office's department
 * and the administrator's user name. The password is generated and printed once.
 */
@ConfigurationProperties("gongxin.bootstrap")
record BootstrapProperties(String departmentCode, String departmentName, String departmentCreditCode,
                           @DefaultValue("admin") String adminUsername) {

    boolean complete() {
        return departmentCode != null && departmentName != null && departmentCreditCode != null;
    }
}
