// Times each step of the generation and keeps the figures for the final report.
export interface Step {
  label: string;
  ms: number;
  rows?: number;
}

export function createTimer(log: (line: string) => void) {
  const steps: Step[] = [];
  return {
    steps,
    time<T>(label: string, work: () => T, rows?: (result: T) => number): T {
      const started = performance.now();
      const result = work();
      const step: Step = { label, ms: Math.round(performance.now() - started) };
      if (rows) step.rows = rows(result);
      steps.push(step);
      log(
        `${label.padEnd(44)} ${String(step.ms).padStart(8)} ms${step.rows === undefined ? '' : `  ${step.rows.toLocaleString('en')} rows`}`,
      );
      return result;
    },
  };
}
export type Timer = ReturnType<typeof createTimer>;
