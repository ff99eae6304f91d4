import fs from 'node:fs';

const PAGE_SIZE = 4096;

function readProcesses(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name may contain spaces and parentheses; fields resume after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const rssPages = Number(fields[21]);
      table.set(pid, { ppid, rss: rssPages * PAGE_SIZE });
    } catch {
      // the process ended between readdir and read
    }
  }
  return table;
}

export function treeRss(root: number): number {
  const table = readProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    total += table.get(pid)?.rss ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the summed RSS of a process and all its descendants until stopped. */
export function sampleTreeRss(root: number, intervalMs = 200) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      return peak;
    },
  };
}
