/**
 * Merge-to-live and embargo lag through the publisher, in front of one `next start` or, with
 * --cluster, of the cluster (Varnish, two origins, Redis), where readers are played through the edge.
 *   npm run bench:publisher -- [--articles 1000] [--runs 3] [--cluster] [--reuse-build] [--port 3800]
 * Ports: the server `port`, the publisher +1, the stub +2, and with --cluster the edge +3, Redis
 * +4, the origins +5 and +6. A single server's build is made for its content and ports (--dist);
 * reuse one only with both the same. The cluster's build is shared with `npm run cluster`.
 * Merge to live: from `git push` (then the webhook) to the edited headline on the story's page,
 * split into the push, the publisher's cycle (its own record, by phase) and the rest (the edge's
 * miss, the other origin loading the release, the page's render); with --cluster, each origin's
 * loading of the release as its log says. Embargo lag: from a story's `date` to its page
 * answering 200, and to its being on the home page. The load average is printed at both ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { now } from '../../lib/clock';
import { generateCorpus } from './generate-corpus';
import { waitFor, World } from './publisher-world';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    runs: { type: 'string', default: '3' },
    cluster: { type: 'boolean', default: false },
    'reuse-build': { type: 'boolean', default: false },
    dist: { type: 'string', default: '.next-publisher-bench' },
    port: { type: 'string', default: '3800' },
  },
});
const runs = Number(values.runs);
const port = Number(values.port);
const corpusDir = values.articles
  ? generateCorpus({
      articles: Number(values.articles),
      dir: fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-publisher-corpus-')),
    }).dir
  : undefined;

const world = new World({
  ports: { server: port, publisher: port + 1, stub: port + 2 },
  ...(values.cluster
    ? { cluster: { edge: port + 3, redis: port + 4, origins: [port + 5, port + 6] } }
    : {}),
  distDir: values.dist,
  reuseBuild: values['reuse-build'],
  ...(corpusDir ? { content: corpusDir } : {}),
});
const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
// On a machine shared with builds a publish of 1,000 stories has taken minutes.
const WAIT_MS = 600_000;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(', ');
const iso = (date: Date) => date.toISOString().replace(/\.\d+Z$/, '+00:00');

function newestStory(): { file: string; slug: string } {
  const dir = path.join(world.work, 'content', 'articles');
  const newest = fs
    .readdirSync(dir)
    .map((name) => ({
      name,
      date: /^date: (.*)$/m.exec(fs.readFileSync(path.join(dir, name), 'utf8'))?.[1] ?? '',
    }))
    .filter((entry) => Date.parse(entry.date) <= now().getTime())
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
  if (!newest) throw new Error('no published story to edit');
  return { file: `articles/${newest.name}`, slug: newest.name.replace(/\.mdx$/, '') };
}

const stopAll = () => void world.stop().then(() => process.exit(130));
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

/** What each origin logged on loading `commit` (lib/content/store.ts): seconds and files parsed. */
function originLoads(commit: string): string[] {
  const runDir = path.join(world.dir, 'cluster');
  if (!fs.existsSync(runDir)) return [];
  return fs
    .readdirSync(runDir)
    .filter((name) => /^origin-\d+\.log$/.test(name))
    .sort()
    .flatMap((name) => {
      const log = fs.readFileSync(path.join(runDir, name), 'utf8');
      const line = new RegExp(`content: release ${commit} loaded in ([\\d.]+) s \\((.*)\\)`).exec(
        log,
      );
      return line ? [`${name.replace(/\.log$/, '')} ${line[1]} s (${line[2]})`] : [];
    });
}

try {
  console.log(`load average at start (1, 5, 15 min): ${loadAverage()}`);
  const settingUp = performance.now();
  // A first release of 10,000 stories is checked cold: every body parsed, many minutes here.
  await world.setUp(3_600_000);
  console.log(
    `set up (build, first release, servers) in ${seconds(performance.now() - settingUp)} s`,
  );

  const { file, slug } = newestStory();
  const live: number[] = [];
  const pushSeconds: number[] = [];
  const afterSeconds: number[] = [];
  const slowestRead: number[] = [];
  const publisherSeconds: number[] = [];
  const phases: Record<string, number[]> = {};
  // Each run starts on a settled system: the previous publish's search index build (Pagefind over
  // every story, in the background) is over.
  const settled = () =>
    waitFor(
      'the search index build',
      async () => ((await world.status())?.search?.building ? undefined : true),
      600_000,
      500,
    );
  for (let run = 1; run <= runs; run++) {
    await settled();
    // As on a site being read: the story's page is in the edge's cache (and the shared one) when
    // the edit is pushed, so the publish must purge it and an origin render it again.
    await world.get(`/articles/${slug}`);
    const headline = `Benchmark headline, edit ${run} ${now().getTime()}`;
    const text = world.read(file).replace(/^title: .*$/m, `title: "${headline}"`);
    const started = performance.now();
    const commit = world.push(`Bench edit ${run}`, { [file]: text });
    const pushed = performance.now();
    await world.webhook();
    let slowest = 0;
    await waitFor(
      'the headline',
      async () => {
        const asked = performance.now();
        const page = await world.get(`/articles/${slug}`);
        slowest = Math.max(slowest, performance.now() - asked);
        return page.text.includes(headline) || undefined;
      },
      WAIT_MS,
      50,
    );
    const total = performance.now() - started;
    live.push(total);
    const record = await waitFor("the publisher's record of the commit", async () =>
      (await world.status())?.publishes.find((entry) => entry.commit === commit),
    );
    const cycle = record.seconds * 1000;
    const after = total - (pushed - started) - cycle;
    publisherSeconds.push(cycle / 1000);
    pushSeconds.push((pushed - started) / 1000);
    afterSeconds.push(after / 1000);
    slowestRead.push(slowest / 1000);
    for (const [phase, value] of Object.entries(record.steps)) (phases[phase] ??= []).push(value);
    const loads = originLoads(commit);
    const steps = Object.entries(record.steps).map(([phase, value]) => `${phase} ${value}`);
    console.log(
      `run ${run}: ${seconds(total)} s: push ${seconds(pushed - started)} s, publisher ${seconds(cycle)} s (${steps.join(', ')}), then ${seconds(after)} s to the headline (slowest read ${seconds(slowest)} s)${loads.length ? `; ${loads.join('; ')}` : ''}`,
    );
  }

  const pageLag: number[] = [];
  const homeLag: number[] = [];
  for (let run = 1; run <= Math.min(runs, 3); run++) {
    await settled();
    // Far enough ahead that the commit is published (fetch, check, hook) before its embargo lifts,
    // in whole seconds: the story's date has none, and the publisher must report that instant.
    const ahead = Math.ceil(Math.max(15_000, 2 * Math.max(...live) + 5000) / 1000) * 1000;
    const lift = new Date(Math.ceil(now().getTime() / 1000) * 1000 + ahead);
    const embargoed = `embargo-bench-${run}-${lift.getTime()}`;
    const story = world
      .read(file)
      .replace(/^title: .*$/m, `title: "Embargoed ${run}"`)
      .replace(/^date: .*$/m, `date: ${iso(lift)}`)
      .replace(/^updated: .*$/m, '');
    const commit = world.push(`Embargoed story ${run}`, { [`articles/${embargoed}.mdx`]: story });
    await world.webhook();
    const published = await waitFor(
      'the embargoed commit',
      async () => {
        const status = await world.status();
        return status?.published === commit ? status : undefined;
      },
      ahead + WAIT_MS,
    );
    if (Date.parse(published.nextEmbargo ?? '') !== lift.getTime()) {
      console.log(
        `embargo run ${run}: the publisher's next embargo is ${published.nextEmbargo}, not ${lift.toISOString()} (published after it lifted?); not counted`,
      );
      continue;
    }
    await waitFor(
      'the page',
      async () => ((await world.get(`/articles/${embargoed}`)).status === 200 ? true : undefined),
      WAIT_MS,
      50,
    );
    pageLag.push(now().getTime() - lift.getTime());
    await waitFor(
      'the home page',
      async () => (await world.get('/')).text.includes(embargoed) || undefined,
      WAIT_MS,
      50,
    );
    homeLag.push(now().getTime() - lift.getTime());
    console.log(
      `embargo run ${run}: page ${seconds(pageLag.at(-1) ?? NaN)} s, home page ${seconds(homeLag.at(-1) ?? NaN)} s after the embargo`,
    );
  }

  const stories = values.articles ?? 'the sample content (13)';
  const where = values.cluster ? 'the cluster, through the edge' : 'one next start';
  console.log(`\npublisher bench, ${stories} stories, ${where}, ${runs} runs`);
  console.log(
    `merge to live (push to new headline on the page): median ${seconds(median(live))} s, runs ${live.map(seconds).join(', ')} s`,
  );
  console.log(
    `  push (commit and git push) median ${median(pushSeconds).toFixed(2)} s; after the publisher's hook answered, to the headline at ${values.cluster ? 'the edge' : 'the server'}: median ${median(afterSeconds).toFixed(2)} s (its slowest read, the page rendered again: median ${median(slowestRead).toFixed(2)} s)`,
  );
  console.log(
    `  of which the publisher (push webhook to hook answered): median ${median(publisherSeconds).toFixed(2)} s; by phase (medians): ${Object.entries(
      phases,
    )
      .map(([phase, list]) => `${phase} ${median(list).toFixed(2)} s`)
      .join(', ')}`,
  );
  const lag = (list: number[]) =>
    list.length
      ? `median ${seconds(median(list))} s (${list.map(seconds).join(', ')})`
      : 'no run counted';
  console.log(`embargo lag, page answers 200 ${where}: ${lag(pageLag)}`);
  console.log(`embargo lag, on the home page ${where}: ${lag(homeLag)}`);
  console.log(`load average at the end (1, 5, 15 min): ${loadAverage()}`);
} finally {
  await world.stop();
  if (corpusDir) fs.rmSync(corpusDir, { recursive: true, force: true });
}
