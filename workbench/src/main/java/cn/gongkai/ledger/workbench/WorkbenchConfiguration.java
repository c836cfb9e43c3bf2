package cn.gongkai.ledger.workbench;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The workbench's controllers: imported by the query service (which also serves the pages under
 * {@code static/}), and found by the one-process run's scan of {@code cn.gongkai.ledger}.
 */
@Configuration
@ComponentScan
public class WorkbenchConfiguration {
}
