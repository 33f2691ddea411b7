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
    static final String RECORDING = "exchangeRecording";
    static final String QUEUE_WRITING = "exchangeQueueWriting";

    /**
     * The thread queued chunks are written on while the queueing thread reads and builds the next; none when queueing
     * runs on the committing thread (tests).
     */
    @Bean(QUEUE_WRITING)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "gongxin.exchange.queue-async",
            havingValue = "true", matchIfMissing = true)
    TaskExecutor exchangeQueueWriting() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("exchange-writer-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    /**
     * The thread the sender records the province's answers on, while its next batch is on the way (one thread: the
     * answers are recorded in the order of the batches).
     */
    @Bean(RECORDING)
    TaskExecutor exchangeRecording() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("exchange-recording-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.initialize();
        return executor;
    }

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
