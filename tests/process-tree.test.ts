import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { treeRss } from '@/scripts/bench/process-tree';

describe('treeRss', () => {
  it('adds the memory of child processes to their parent', async () => {
    const alone = treeRss(process.pid);
    expect(alone).toBeGreaterThan(10 * 1024 * 1024);
    const child = spawn(process.execPath, [
      '-e',
      'const keep = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => keep, 10000)',
    ]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const childOnly = treeRss(child.pid as number);
      expect(childOnly).toBeGreaterThan(64 * 1024 * 1024);
      expect(treeRss(process.pid)).toBeGreaterThanOrEqual(childOnly + alone * 0.5);
    } finally {
      child.kill();
    }
  });

  it('is zero for a process that does not exist', () => {
    expect(treeRss(2 ** 22 + 12345)).toBe(0);
  });
});
