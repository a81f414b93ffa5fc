/**
 * Where a worker's time goes, phase by phase: `lap(phase)` charges the CPU (process.cpuUsage: every
 * thread of the process, so an isolate's thread counts for the phase that waits on it) and the wall
 * time since the previous lap to `phase`. Exact only while one job at a time runs in the process
 * (the bench's profile runs a worker with `inFlight: 1`); the worker and grade() lap it when given one.
 */

export const PHASES = ["claim", "load", "transpile", "isolate", "run", "compare", "write", "sweep"] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseTotals {
  cpuMs: number;
  wallMs: number;
}

export class PhaseClock {
  readonly totals = Object.fromEntries(PHASES.map((p) => [p, { cpuMs: 0, wallMs: 0 }])) as Record<Phase, PhaseTotals>;
  private cpu = process.cpuUsage();
  private wall = performance.now();

  /** Starts the next lap here, charging nothing (e.g. after an idle wait). */
  mark(): void {
    this.cpu = process.cpuUsage();
    this.wall = performance.now();
  }

  /** Charges the time since the previous lap (or mark) to `phase`. */
  lap(phase: Phase): void {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    this.totals[phase].cpuMs += (cpu.user - this.cpu.user + cpu.system - this.cpu.system) / 1000;
    this.totals[phase].wallMs += wall - this.wall;
    this.cpu = cpu;
    this.wall = wall;
  }
}
