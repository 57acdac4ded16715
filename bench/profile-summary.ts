/**
 * Where a `--cpu-prof` profile spends its time: self time aggregated by function
 * (name + file:line) and by module (package, Node internals, our library folders).
 *
 *   node -r ts-node/register/transpile-only bench/profile-summary.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeRow {
  name: string;
  ms: number;
  /** Share of all non-idle time in the window. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byFunction: SelfTimeRow[];
  /** Native frames (V8 builtins, syscalls like writev) are charged to the JS frame that called them. */
  byModule: SelfTimeRow[];
  /**
   * Rolled up by who asked for the work: each sample goes to the nearest package or
   * repository frame on its stack (Sentry SDK, this library, Nest, Express...), else to Node core.
   */
  byArea: SelfTimeRow[];
}

export interface SummaryOptions {
  /** Keep only samples in [fromUs, toUs] (V8's monotonic clock, as `process.hrtime`): cuts start-up out. */
  fromUs?: number;
  toUs?: number;
  top?: number;
}

export function summarizeProfile(profile: CpuProfile, options: SummaryOptions = {}): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const moduleCache = new Map<number, [string, string]>();
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    // A sample stands for the time until the next one.
    const self = profile.timeDeltas[i + 1] ?? 0;
    if ((options.fromUs !== undefined && time < options.fromUs) || (options.toUs !== undefined && time > options.toUs)) continue;
    const id = profile.samples[i];
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === '(idle)') {
      idle += self;
      continue;
    }
    busy += self;
    add(byFunction, functionKey(frame), self);
    let cached = moduleCache.get(id);
    if (cached === undefined) {
      cached = [callerModule(id, nodes, parents), responsibleModule(id, nodes, parents)];
      moduleCache.set(id, cached);
    }
    add(byModule, cached[0], self);
    add(byArea, areaOf(cached[1]), self);
  }
  const top = options.top ?? 25;
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    byFunction: rows(byFunction, busy, top),
    byModule: rows(byModule, busy, top),
    byArea: rows(byArea, busy, top),
  };
}

/** The module of a frame; a native frame takes the module of its nearest JS caller. */
function callerModule(id: number, nodes: Map<number, CpuProfileNode>, parents: Map<number, number>): string {
  const own = moduleOf(nodes.get(id)!.callFrame);
  if (own !== NATIVE) return own;
  for (let parent = parents.get(id); parent !== undefined; parent = parents.get(parent)) {
    const module = moduleOf(nodes.get(parent)!.callFrame);
    if (module !== NATIVE && !module.startsWith('(')) return module;
  }
  return NATIVE;
}

/**
 * For the areas: the nearest package or repository code on the stack, so Node core and
 * V8 work done on behalf of the SDK (process.memoryUsage(), an outgoing request) counts
 * as the SDK's, and Nest's per-request AsyncResource.bind as Nest's.
 */
function responsibleModule(id: number, nodes: Map<number, CpuProfileNode>, parents: Map<number, number>): string {
  const own = moduleOf(nodes.get(id)!.callFrame);
  if (own.startsWith('(') && own !== NATIVE) return own; // GC, program
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const module = moduleOf(nodes.get(at)!.callFrame);
    if (module !== NATIVE && !module.startsWith('node:') && !module.startsWith('(')) return module;
  }
  return callerModule(id, nodes, parents);
}

const NATIVE = '(V8 builtins / native)';

/** Express and the packages it pulls in. */
const HTTP_PACKAGES = new Set(
  ('express router body-parser content-type parseurl on-finished etag mime-types send finalhandler qs type-is raw-body ' +
    'proxy-addr fresh vary cookie accepts negotiator iconv-lite debug ms encodeurl escape-html statuses http-errors ' +
    'path-to-regexp depd ee-first bytes media-typer range-parser forwarded ipaddr.js side-channel object-inspect').split(' '),
);
const NEST_PACKAGES = new Set(['rxjs', 'reflect-metadata', 'tslib', 'iterare', 'uid', 'fast-safe-stringify']);

/** Coarse areas, to say in one line where the time goes. */
export function areaOf(module: string): string {
  if (/^@sentry\/|^@opentelemetry\/|^(import|require)-in-the-middle$/.test(module)) return 'Sentry SDK (+ OpenTelemetry)';
  if (module.startsWith('libs/sentry/')) return 'this module (libs/sentry)';
  if (module.startsWith('@nestjs/') || NEST_PACKAGES.has(module)) return 'Nest + rxjs';
  if (module === 'bench/app') return 'bench app (controller)';
  if (module === '(garbage collector)') return 'GC';
  if (HTTP_PACKAGES.has(module) || /^node:(_http|net$|internal\/(streams|stream_base_commons|http|net|dns))/.test(module)) {
    return 'HTTP stack (Node http, Express)';
  }
  if (module.startsWith('node:')) return 'other Node core (events, async_hooks, util, ...)';
  return module.startsWith('(') ? module : 'other';
}

/** The package, Node internal area or repository folder a frame belongs to. */
export function moduleOf(frame: CpuProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : NATIVE;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = url.slice(inModules + '/node_modules/'.length).split('/');
    if (parts[0] === '.cache') return ourPart(url); // the bench build of this repository
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return ourPart(url);
}

function ourPart(url: string): string {
  const lib = /\/libs\/sentry\/src\/([^/]+)\//.exec(url) ?? /\/libs\/sentry\/src\/()/.exec(url);
  if (lib) return `libs/sentry/src/${lib[1]}`;
  if (url.includes('/bench/app/')) return 'bench/app';
  return url.replace(/^file:\/\//, '');
}

function functionKey(frame: CpuProfileNode['callFrame']): string {
  if (frame.url === '') return frame.functionName || '(anonymous)';
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/(?!\.cache)/, '').replace(/^.*\/bench\/\.build\//, '');
  return `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function rows(map: Map<string, number>, total: number, top: number): SelfTimeRow[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, share: total > 0 ? us / total : 0 }));
}

/** `requests` served in the window adds a µs-per-request column, comparable across modes. */
export function renderSummary(title: string, summary: ProfileSummary, requests?: number): string {
  const perRequest = requests ? (r: SelfTimeRow): string => ` ${((r.ms * 1000) / requests).toFixed(1)} |` : (): string => '';
  const table = (head: string, list: SelfTimeRow[]): string =>
    [
      `| ${head} | self ms | share |${requests ? ' µs/req |' : ''}`,
      `|---|---:|---:|${requests ? '---:|' : ''}`,
      ...list.map((r) => `| \`${r.name}\` | ${r.ms} | ${(r.share * 100).toFixed(1)}% |${perRequest(r)}`),
    ].join('\n');
  const busyPerRequest = requests ? ` (${((summary.busyMs * 1000) / requests).toFixed(0)} µs busy per request, profiler included)` : '';
  return [
    `### ${title}`,
    '',
    `${Math.round(summary.busyMs)} ms busy, ${Math.round(summary.idleMs)} ms idle in the window${busyPerRequest}.`,
    '',
    table('area (charged to the nearest package on the stack)', summary.byArea),
    '',
    table('module (native time charged to its JS caller)', summary.byModule),
    '',
    table('function', summary.byFunction),
    '',
  ].join('\n');
}

if (require.main === module) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.ts <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  const topAt = rest.indexOf('--top');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(renderSummary(file, summarizeProfile(profile, { top: topAt >= 0 ? Number(rest[topAt + 1]) : 25 })));
}
