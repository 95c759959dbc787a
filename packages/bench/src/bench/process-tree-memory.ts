import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a whole process tree on Linux, read from /proc. The build is several processes (the build script, Astro
 * with Vite and its workers, Pagefind's native indexer), so the figure that matters is the sum of their resident
 * memory at the same moment, sampled often, and its maximum over the build.
 *
 * The sum of VmRSS counts pages shared between processes (shared libraries, the Node binary) once per process, so it
 * slightly overstates what the machine needs; it is what a container memory limit sees as an upper bound.
 */

/**
 * Parent pid from the text of /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself hold
 * spaces and parentheses, so fields are counted from the last `)`.
 *
 * @example
 * parseStatParent('4242 (node (worker)) S 4200 4242 …') // 4200
 */
export function parseStatParent(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close === -1) return undefined;
  const fields = stat.slice(close + 2).split(' ');
  const parent = Number(fields[1]);
  return Number.isInteger(parent) ? parent : undefined;
}

/**
 * Resident memory in bytes from the text of /proc/<pid>/status (`VmRSS: 123456 kB`); undefined for a zombie or a
 * kernel thread, which have none.
 *
 * @example
 * parseVmRssBytes('Name:\tnode\nVmRSS:\t  204800 kB\n') // 209715200
 */
export function parseVmRssBytes(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/**
 * `root` and all its descendants, given each process's parent.
 *
 * @example
 * processTree(10, new Map([[11, 10], [12, 11], [13, 1]])) // [10, 11, 12]
 */
export function processTree(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentOf) {
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const tree: number[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Sum of VmRSS of `root` and its descendants right now, in bytes (0 once they have all exited). */
export function treeRssBytes(root: number): number {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = parseStatParent(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (parent !== undefined) parentOf.set(Number(name), parent);
    } catch {
      // The process exited between listing and reading: it no longer uses memory.
    }
  }
  let total = 0;
  for (const pid of processTree(root, parentOf)) {
    try {
      total += parseVmRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8')) ?? 0;
    } catch {
      // Exited meanwhile.
    }
  }
  return total;
}

/** A running sampler of a process tree's memory. */
export interface TreeMemorySampler {
  /** The last sample, in bytes. */
  current(): number;
  /** The largest sample so far, in bytes. */
  peak(): number;
  /** Stops sampling; returns the peak and how many samples were taken. */
  stop(): { peakBytes: number; samples: number };
}

/**
 * Samples the tree under `root` every `intervalMs` (100 ms by default: a peak shorter than that can be missed, which
 * the README says). Reading /proc costs about a millisecond per sample.
 */
export function sampleTreeMemory(root: number, intervalMs = 100): TreeMemorySampler {
  let current = 0;
  let peak = 0;
  let samples = 0;
  const sample = () => {
    current = treeRssBytes(root);
    peak = Math.max(peak, current);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    current: () => current,
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return { peakBytes: peak, samples };
    },
  };
}
