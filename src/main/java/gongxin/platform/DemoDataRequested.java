package gongxin.platform;

/**
 * The node is ready and the demo's data may be seeded now: its records, then what rests on them (list cases, rights
 * applications, sharing duties, a first evaluation run), each listener in its {@code @Order}. Published once per start,
 * after {@code ApplicationReadyEvent}, on a thread of its own unless {@code gongxin.demo.data-in-background=false}.
 */
public record DemoDataRequested() {
}
