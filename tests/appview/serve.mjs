// The full Bluesky test network: PLC, PDS and the AppView (which counts likes and reposts),
// on PostgreSQL and Redis given by DB_POSTGRES_URL and REDIS_HOST. Prints one JSON line
// {"pds", "plc", "appview"} when ready. Each "process" line on stdin makes the AppView index
// everything the PDS has sequenced so far and answers "processed". Stops when stdin closes.
import { createInterface } from 'node:readline';
import { TestNetwork } from '@atproto/dev-env';

// A fresh PostgreSQL cluster per run: one fixed schema name (letters and _ only) will do.
const network = await TestNetwork.create({ dbPostgresSchema: 'somestudio' });
const local = (url) => url.replace('//localhost:', '//127.0.0.1:');
process.stdout.write(
  JSON.stringify({
    pds: local(network.pds.url),
    plc: local(network.plc.url),
    appview: local(network.bsky.url),
  }) + '\n',
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await network.close();
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', stop);
const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  if (line.trim() === 'process') {
    await network.processAll();
    process.stdout.write('processed\n');
  }
});
lines.on('close', stop);
