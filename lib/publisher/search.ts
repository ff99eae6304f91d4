import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { now } from '@/lib/clock';
import { prune, swapLink } from './state';

/**
 * Rebuilds the Pagefind index of the published content in the background, into a new folder,
 * then swaps the link the servers read (SEARCH_LIVE_DIR): the old index serves until then.
 * Requests during a build are folded into one more build after it.
 */
export class SearchIndexer {
  private building = false;
  private again = false;
  private last: { at: string; seconds: number; error?: string } | undefined;

  constructor(
    private readonly root: string,
    private readonly link: string,
    private readonly contentLink: string,
  ) {}

  rebuild(): void {
    if (this.building) {
      this.again = true;
      return;
    }
    this.building = true;
    void this.build().finally(() => {
      this.building = false;
      if (this.again) {
        this.again = false;
        this.rebuild();
      }
    });
  }

  private async build(): Promise<void> {
    const started = performance.now();
    const folder = path.join(path.dirname(this.link), `index-${now().getTime()}`);
    // At a low priority (nice): the build reads every story and runs for seconds to minutes, and
    // must not slow the servers rendering the pages the same publish just revalidated.
    const command = [process.execPath, 'scripts/run-bundled.mjs', 'scripts/search-index.ts'];
    const child = spawn('nice', ['-n', '15', ...command], {
      cwd: this.root,
      env: { ...process.env, CONTENT_DIR: this.contentLink, SEARCH_INDEX_DIR: folder },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    if (code !== 0) {
      this.last = { at: now().toISOString(), seconds, error: output.trim().slice(-1000) };
      console.error(`publisher: search index build failed; the old index keeps serving\n${output}`);
      fs.rmSync(folder, { recursive: true, force: true });
      return;
    }
    swapLink(this.link, folder);
    prune(path.dirname(this.link), 2, [path.basename(folder), path.basename(this.link)]);
    this.last = { at: now().toISOString(), seconds };
    console.log(`publisher: search index rebuilt in ${seconds} s`);
  }

  status() {
    return { building: this.building, last: this.last ?? null };
  }
}
