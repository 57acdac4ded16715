import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Linux counts /proc/stat in USER_HZ ticks of 10 ms. */
const TICK_MS = 10;

/**
 * How much of the machine something other than the bench used while a cell ran:
 * all busy CPU (from /proc/stat) minus the app's and the harness's own. On a shared
 * 2-core box this says how far the absolute figures of a run can be trusted.
 */
export class CpuMeter {
  private constructor(
    private readonly startedAt: number,
    private readonly systemBusyMs: number,
    private readonly harnessMs: number,
  ) {}

  /** Undefined where /proc/stat does not exist (not Linux). */
  static start(): CpuMeter | undefined {
    const busy = systemBusyMs();
    return busy === undefined ? undefined : new CpuMeter(Date.now(), busy, harnessCpuMs());
  }

  /** Share of all cores (0..1) used by other processes since `start`, given the app's CPU in that time. */
  othersShare(appCpuMs: number): number | undefined {
    const busy = systemBusyMs();
    const wallMs = Date.now() - this.startedAt;
    if (busy === undefined || wallMs <= 0) return undefined;
    const others = busy - this.systemBusyMs - (harnessCpuMs() - this.harnessMs) - appCpuMs;
    return Math.min(1, Math.max(0, others / (wallMs * cpus().length)));
  }
}

function harnessCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function systemBusyMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) * TICK_MS;
  } catch {
    return undefined;
  }
}
