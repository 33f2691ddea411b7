package gongxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gongxin (公信): public credit information platform for a city and its counties.
 * A modular monolith: each top-level package below this one is a business capability (see docs/architecture.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Gongxin", sharedModules = {"shared", "platform"})
public class GongxinApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongxinApplication.class, args);
    }
}
