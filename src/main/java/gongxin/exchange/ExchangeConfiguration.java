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
     * The thread queued chunks are written on while the queueing thread reads and builds the next (used only when
     * queueing has a thread of its own).
     */
    @Bean(QUEUE_WRITING)
    TaskExecutor exchangeQueueWriting() {
        return oneThread("exchange-writer-", false);
    }

    /**
     * The thread the sender records the province's answers on, while its next batch is on the way (one thread: the
     * answers are recorded in the order of the batches).
     */
    @Bean(RECORDING)
    TaskExecutor exchangeRecording() {
        return oneThread("exchange-recording-", true);
    }

    @Bean(QUEUEING)
    TaskExecutor exchangeQueueing(ExchangeProperties properties) {
        return properties.queueAsync() ? oneThread("exchange-queue-", false) : new SyncTaskExecutor();
    }

    /** One thread, so that what it runs runs in the order it was handed over. */
    private static TaskExecutor oneThread(String namePrefix, boolean finishOnShutdown) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix(namePrefix);
        executor.setWaitForTasksToCompleteOnShutdown(finishOnShutdown);
        executor.initialize();
        return executor;
    }
}
