package gongxin.exchange;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread entries are queued on: one of its own, so that a large ingest does not wait for its items to be queued
 * (and their order is the order of the changes); the committing thread itself when {@code gongxin.exchange.queue-async}
 * is off (tests).
 */
@Configuration
@EnableAsync
class ExchangeConfiguration {

    static final String QUEUEING = "exchangeQueueing";

    @Bean(QUEUEING)
    TaskExecutor exchangeQueueing(ExchangeProperties properties) {
        if (!properties.queueAsync()) {
            return new SyncTaskExecutor();
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("exchange-queue-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }
}
