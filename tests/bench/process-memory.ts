/**
 * Memory of another process (the `mqp serve` the bench started) and of any processes it started, read from Linux's
 * /proc: VmRSS (resident now) and VmHWM (the kernel's resident high-water mark, which no sampling gap can miss).
 * Threads — the backend's import worker among them — share their process's memory, so they are in its figures.
 * Children are found by their parent id in /proc/<pid>/stat: /proc/<pid>/task/<tid>/children does not exist on
 * every kernel (it needs CONFIG_PROC_CHILDREN).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { round } from './measure';

export interface TreeMemory {
  /** VmRSS of the process and its descendants, summed. */
  rssMb: number;
  /** VmHWM of the process and of its living descendants, summed (a child that has exited took its peak with it). */
  hwmMb: number;
  /** The process and its living descendants. */
  processes: number;
}

/** What is read from /proc; the unit tests pass a made-up one. */
export interface ProcReader {
  /** The text of /proc/<pid>/<file>, or null when the process (or /proc) is not there. */
  read(pid: number, file: 'status' | 'stat'): string | null;
  /** The ids of every process. */
  pids(): number[];
}

export const linuxProc: ProcReader = {
  read(pid, file) {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return null; // gone since it was listed, or not Linux
    }
  },
  pids() {
    try {
      return readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .map(Number);
    } catch {
      return [];
    }
  },
};

/** A field of /proc/<pid>/status in kB ("VmRSS:	  123456 kB"); NaN when missing. */
export function statusKb(status: string, field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
}

/** The parent id in /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function parentPid(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]);
}

/** `pid` and its descendants that are alive now, `pid` first. */
export function processTree(pid: number, proc: ProcReader = linuxProc): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const other of proc.pids()) {
    const stat = other === pid ? null : proc.read(other, 'stat');
    if (stat === null) continue;
    const parent = parentPid(stat);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), other]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(childrenOf.get(tree[i]) ?? []));
  return tree;
}

/** The tree's memory now; null when `pid` is not running (or this is not Linux). */
export function treeMemory(pid: number, proc: ProcReader = linuxProc): TreeMemory | null {
  if (proc.read(pid, 'status') === null) return null;
  let rssKb = 0;
  let hwmKb = 0;
  let processes = 0;
  for (const member of processTree(pid, proc)) {
    const status = proc.read(member, 'status');
    const rss = status === null ? NaN : statusKb(status, 'VmRSS');
    // Gone since it was listed, or a zombie (exited, not yet reaped: no Vm lines, no memory).
    if (Number.isNaN(rss)) continue;
    rssKb += rss;
    hwmKb += statusKb(status!, 'VmHWM') || 0;
    processes += 1;
  }
  return { rssMb: round(rssKb / 1024, 1), hwmMb: round(hwmKb / 1024, 1), processes };
}
