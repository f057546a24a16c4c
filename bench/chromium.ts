/**
 * PDF export against Chromium printing the same content (`npm run bench`, issue 10): whole processes, launch
 * included, side by side in one run. A is the command line a user runs (`phaen pdf` on the shipped sample plan);
 * B is headless Chromium printing the same document as HTML (bench/docHtml.ts) with the same fonts, launched
 * and driven by its own process (bench/chromiumPrint.ts); C is `phaen pdf` started without the build's startup
 * snapshot (README, Command line), to keep the snapshot's worth measured. Runs alternate A B C A B C after one
 * warm-up round, so a machine that drifts affects all; the figure to quote is the median of the pair-by-pair
 * ratios A/B (below 1.0: our export is the faster). The warm-up round also leaves each side's caches as a
 * user's second run finds them (ours: Node's compile cache, bin/phaen.mjs).
 * Beside the wall times, the CPU time each side's processes used (Linux: the children's times in
 * /proc/self/stat), which a busy shared machine disturbs less; Chromium spreads its work over processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDocument } from '../main/core/pdf/index.ts';
import { CHAPTERS } from '../main/core/pdf/options.ts';
import { translator } from '../main/services/locales.ts';
import { planSourceFromFile } from '../main/services/pdf/source.ts';
import { parsePlanFile } from '../main/services/planFile.ts';
import { documentHtml } from './docHtml.ts';

const ROOT = join(import.meta.dirname, '..');
const RESOURCES = join(ROOT, 'resources');
const SAMPLE = join(RESOURCES, 'sample', 'bma-pr-2566-2570.plan.json');
const PAIRS = Number(process.env.PHAEN_BENCH_PAIRS ?? 5);

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** CPU time (user + system) of this process's finished children, in ms; NaN where /proc is missing. */
function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name in parentheses: cutime and cstime are the 16th and 17th of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
/** USER_HZ, 100 on every Linux Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

const dir = mkdtempSync(join(tmpdir(), 'phaen-bench-chromium-'));
try {
  const source = planSourceFromFile(parsePlanFile(readFileSync(SAMPLE, 'utf8')), RESOURCES);
  const built = buildDocument('plan', {
    source,
    options: { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2022-10-01' },
    t: translator(RESOURCES, 'th'),
  });
  const html = join(dir, 'plan.html');
  writeFileSync(html, documentHtml(built.doc, RESOURCES));

  // `phaen pdf` as built (from the startup snapshot when npm run build made one), and started the ordinary way
  // (PHAEN_NO_SNAPSHOT, bin/phaen.mjs): the snapshot must keep earning its build step.
  const phaen = (env: NodeJS.ProcessEnv) => () =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'phaen.mjs'), 'pdf', SAMPLE, join(dir, 'a.pdf')], {
      stdio: 'ignore',
      env: { ...process.env, ...env },
    });
  const ours = phaen({});
  const ordinary = phaen({ PHAEN_NO_SNAPSHOT: '1' });
  const theirs = () =>
    spawnSync(
      process.execPath,
      ['--experimental-strip-types', join(import.meta.dirname, 'chromiumPrint.ts'), html, join(dir, 'b.pdf')],
      { stdio: 'ignore' },
    );
  const time = (run: () => ReturnType<typeof spawnSync>): { ms: number; cpuMs: number } => {
    const [t0, c0] = [performance.now(), childrenCpuMs()];
    const result = run();
    const ms = performance.now() - t0;
    if (result.status !== 0) throw new Error(`bench/chromium: a run exited with ${result.status ?? result.signal}`);
    return { ms, cpuMs: childrenCpuMs() - c0 };
  };

  time(ours);
  time(theirs);
  time(ordinary);
  const a: { ms: number; cpuMs: number }[] = [];
  const b: { ms: number; cpuMs: number }[] = [];
  const c: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    a.push(time(ours));
    b.push(time(theirs));
    c.push(time(ordinary));
  }
  const ratios = (key: 'ms' | 'cpuMs') => a.map((x, i) => x[key] / (b[i]?.[key] ?? NaN));
  const cpu = (runs: typeof a) =>
    Number.isNaN(runs[0]?.cpuMs) ? '' : ` (cpu ${median(runs.map((r) => r.cpuMs)).toFixed(0)} ms)`;
  line('PDF vs Chromium: sample plan, phaen pdf (median)', `${median(a.map((r) => r.ms)).toFixed(0)} ms${cpu(a)}`);
  line('PDF vs Chromium: Chromium printing the same (median)', `${median(b.map((r) => r.ms)).toFixed(0)} ms${cpu(b)}`);
  line(
    'PDF vs Chromium: ratio phaen / Chromium (median of pairs)',
    `${median(ratios('ms')).toFixed(2)}× (${statSync(join(dir, 'a.pdf')).size} vs ${statSync(join(dir, 'b.pdf')).size} bytes)`,
  );
  if (!Number.isNaN(a[0]?.cpuMs)) {
    line('PDF vs Chromium: CPU time ratio (median of pairs)', `${median(ratios('cpuMs')).toFixed(2)}×`);
  }
  const fromSnapshot = (key: 'ms' | 'cpuMs') => median(a.map((x, i) => x[key] / (c[i]?.[key] ?? NaN))).toFixed(2);
  line(
    'PDF vs Chromium: phaen pdf started without snapshot (median)',
    `${median(c.map((r) => r.ms)).toFixed(0)} ms${cpu(c)}`,
  );
  line(
    'PDF vs Chromium: ratio snapshot / without (median of pairs)',
    `${fromSnapshot('ms')}×${Number.isNaN(a[0]?.cpuMs) ? '' : ` (cpu ${fromSnapshot('cpuMs')}×)`}`,
  );
} finally {
  if (!process.env.PHAEN_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
