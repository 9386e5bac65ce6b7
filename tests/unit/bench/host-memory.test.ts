import { describe, expect, it } from 'vitest';
import { HostMemorySampler } from '../../bench/host-memory-sampler';
import { parentPid, processTree, statusKb, treeMemory, type ProcReader, type TreeMemory } from '../../bench/process-memory';

/** A made-up /proc: pid → [parent pid, command name, VmRSS kB, VmHWM kB] (no Vm figures: a zombie). */
function fakeProc(processes: Record<number, [number, string, number?, number?]>): ProcReader {
  return {
    pids: () => Object.keys(processes).map(Number),
    read(pid, file) {
      const p = processes[pid];
      if (!p) return null;
      const [ppid, name, rss, hwm] = p;
      if (file === 'stat') return `${pid} (${name}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 12 0`;
      const vm = rss === undefined ? '' : `VmHWM:\t  ${hwm} kB\nVmRSS:\t  ${rss} kB\n`;
      return `Name:\t${name}\nState:\tS (sleeping)\nPPid:\t${ppid}\n${vm}Threads:\t12\n`;
    },
  };
}

describe('process memory from /proc (bench)', () => {
  it('reads kB fields of /proc/<pid>/status, NaN when absent', () => {
    const status = 'Name:\tnode\nVmHWM:\t  409600 kB\nVmRSS:\t  204800 kB\n';
    expect(statusKb(status, 'VmRSS')).toBe(204800);
    expect(statusKb(status, 'VmHWM')).toBe(409600);
    expect(statusKb('Name:\tzombie\n', 'VmRSS')).toBeNaN();
  });

  it('reads the parent id after a command name holding spaces and parentheses', () => {
    expect(parentPid('42 (node (mqp) serve) S 7 42 42 0 -1')).toBe(7);
  });

  it('sums the process and its descendants, and leaves out its parent, siblings and zombies', () => {
    const proc = fakeProc({
      1: [0, 'init', 1000, 1000],
      10: [1, 'bench', 512_000, 600_000],
      20: [10, 'mqp serve', 204_800, 409_600],
      21: [20, 'helper', 102_400, 102_400],
      22: [21, 'grandchild', 51_200, 51_200],
      23: [20, 'exited'],
      30: [10, 'sibling', 999_999, 999_999],
    });
    expect(processTree(20, proc).sort()).toEqual([20, 21, 22, 23]);
    expect(treeMemory(20, proc)).toEqual<TreeMemory>({ rssMb: 350, hwmMb: 550, processes: 3 });
  });

  it('answers null for a process that is not running', () => {
    expect(treeMemory(99, fakeProc({ 1: [0, 'init', 1, 1] }))).toBeNull();
  });
});

describe('host memory sampler (bench)', () => {
  /** A sampler over scripted RSS readings (MB) and a clock moved by hand. */
  function scripted(rssMb: (number | null)[]) {
    let i = 0;
    let t = 0;
    const sampler = new HostMemorySampler(
      () => {
        const rss = rssMb[Math.min(i++, rssMb.length - 1)];
        return rss === null ? null : { rssMb: rss, hwmMb: rss, processes: rss > 250 ? 2 : 1 };
      },
      () => t,
    );
    return { sampler, advance: (ms: number) => (t += ms) };
  }

  it('keeps the peak and the time of each phase, and the most processes seen', () => {
    // Readings in order: upload 120, and 130 as it leaves; validating 200, and 180 as it leaves; importing 310, 260 in report().
    const { sampler, advance } = scripted([120, 130, 200, 180, 310, 260]);
    sampler.sample();
    advance(1000);
    sampler.enter('validating');
    advance(500);
    sampler.sample();
    sampler.enter('importing');
    advance(1500);
    sampler.sample();
    const report = sampler.report();

    expect(report.phases).toEqual({
      upload: { seconds: 1, peakMb: 130 },
      validating: { seconds: 0.5, peakMb: 200 },
      importing: { seconds: 1.5, peakMb: 310 },
    });
    expect(report.peakMb).toBe(310);
    expect(report.seconds).toBe(3);
    expect(report.samples).toBe(6);
    expect(report.maxProcesses).toBe(2);
    // A point every 2 s: the first reading, then the first one past 2 s (report()'s reading falls in the same tenth).
    expect(report.curve).toEqual([
      [0, 'upload', 120],
      [3, 'importing', 310],
    ]);
  });

  it('ends the curve with the last reading when it falls between points', () => {
    const { sampler, advance } = scripted([100, 140]);
    sampler.sample();
    advance(700);
    expect(sampler.report().curve).toEqual([
      [0, 'upload', 100],
      [0.7, 'upload', 140],
    ]);
  });

  it('skips readings of a host that has gone', () => {
    const { sampler } = scripted([100, null, null]);
    sampler.sample();
    sampler.sample();
    const report = sampler.report();
    expect(report.samples).toBe(1);
    expect(report.peakMb).toBe(100);
  });

  it('entering the phase it is already in changes nothing', () => {
    const { sampler, advance } = scripted([100]);
    advance(200);
    sampler.enter('upload');
    const report = sampler.report();
    expect(report.phases.upload.seconds).toBe(0.2);
    expect(report.phases.validating.seconds).toBe(0);
  });
});
