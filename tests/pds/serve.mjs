// The Bluesky test network without an AppView: a PLC directory and one PDS on SQLite.
// Prints one JSON line {"pds": url, "plc": url} when ready; stops when stdin closes.
import { TestNetworkNoAppView } from '@atproto/dev-env';

const network = await TestNetworkNoAppView.create({});
const local = (url) => url.replace('//localhost:', '//127.0.0.1:');
process.stdout.write(
  JSON.stringify({ pds: local(network.pds.url), plc: local(network.plc.url) }) + '\n',
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
process.stdin.on('end', stop);
process.stdin.resume();
