import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster, stopRecorded, stopServices } from './cluster';
import { recordPublisher, startClusterPublisher } from './publisher';

const RUN_DIR = path.resolve(import.meta.dirname, '../../.cluster');

const USAGE = `npm run cluster [-- --instances 2 --port 8080 --rebuild --publisher]   start Redis, the origins and Varnish (and the publisher)
npm run cluster:stop                                          stop what npm run cluster started`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      instances: { type: 'string', default: '2' },
      port: { type: 'string', default: '8080' },
      rebuild: { type: 'boolean', default: false },
      publisher: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] === 'stop') {
    await stopRecorded(RUN_DIR);
    console.log('Cluster stopped.');
    return;
  }
  const instances = Number(values.instances);
  const edge = Number(values.port);
  if (!Number.isInteger(instances) || instances < 1 || !Number.isInteger(edge)) {
    throw new Error(`--instances needs a whole number of at least 1 and --port a port.\n${USAGE}`);
  }
  const origins: number[] = [];
  for (let i = 0; i < instances; i++) origins.push(await freePort());
  const publisher = values.publisher
    ? await startClusterPublisher(RUN_DIR, `http://127.0.0.1:${origins[0]}`, edge)
    : undefined;
  const cluster = await startCluster({
    runDir: RUN_DIR,
    ports: { edge, redis: await freePort(), origins },
    rebuild: values.rebuild,
    ...(publisher && {
      contentDir: publisher.contentDir,
      revalidateToken: publisher.revalidateToken,
    }),
  }).catch(async (error: unknown) => {
    if (publisher) await stopServices([publisher.service]);
    throw error;
  });
  if (publisher) recordPublisher(RUN_DIR, cluster, publisher);
  console.log(`
The Meridian, clustered:
  edge (Varnish)   ${cluster.edgeUrl}
  origins          ${cluster.originUrls.join('  ')}
  shared cache     ${cluster.redisUrl}
  revalidate hook  REVALIDATE_TOKEN=${cluster.revalidateToken} npm run revalidate -- --url ${cluster.originUrls[0]}${publisher ? `\n  publisher        pid ${publisher.service.pid}, publishing to ${publisher.contentDir}` : ''}
Logs and PIDs in ${path.relative(process.cwd(), RUN_DIR)}/. Ctrl-C or \`npm run cluster:stop\` stops everything.`);
  const stop = () => {
    void cluster.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
