import path from 'node:path';
import type { Reporter } from 'vitest/node';

type RunEnd = NonNullable<Reporter['onTestRunEnd']>;
type ReportedError = Parameters<RunEnd>[1][number];

const MAX_LINES = 8;

/**
 * CI keeps only the last lines of a run, and the default reporter prints the details of every
 * failure before its summary, where such a tail cuts them off. This reporter repeats each
 * failed test, broken file and unhandled error in one line after the summary, so the cause of
 * a red run can be read from the tail.
 */
export default class FailureSummaryReporter implements Reporter {
  onTestRunEnd: RunEnd = (testModules, unhandledErrors) => {
    const lines: string[] = [];
    for (const module of testModules) {
      const file = module.relativeModuleId;
      for (const error of module.errors()) lines.push(`file ${file}: ${describe(error)}`);
      for (const suite of module.children.allSuites()) {
        for (const error of suite.errors())
          lines.push(`suite ${file} > ${suite.fullName}: ${describe(error)}`);
      }
      for (const test of module.children.allTests('failed')) {
        const result = test.result();
        const error = result.state === 'failed' ? result.errors[0] : undefined;
        lines.push(`test ${file} > ${test.fullName}: ${error ? describe(error) : 'failed'}`);
      }
    }
    for (const error of unhandledErrors) {
      const during =
        typeof error.VITEST_TEST_PATH === 'string'
          ? path.relative(process.cwd(), error.VITEST_TEST_PATH)
          : '?';
      lines.push(`unhandled (while ${during} ran): ${describe(error)}`);
    }
    if (lines.length === 0) return;
    const shown = lines.slice(0, MAX_LINES);
    if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more above`);
    process.stderr.write(`\nFailures in brief:\n${shown.map((line) => `  ${line}`).join('\n')}\n`);
  };
}

/** Name, the message's first line, and where in our own code it was thrown. */
function describe(error: ReportedError): string {
  const message =
    String(error.message ?? '')
      .split('\n')[0]
      ?.slice(0, 200) ?? '';
  const frame = error.stacks?.find((entry) => !entry.file.includes('node_modules'));
  const where = frame ? ` at ${path.relative(process.cwd(), frame.file)}:${frame.line}` : '';
  return `${error.name ?? 'Error'}: ${message}${where}`;
}
