import { parseArgs } from 'node:util';
import { startServer } from './server';
import { tokenFor } from './tokens';

// `npm run server -- [--port 1234] [--host 127.0.0.1] [--data sync.sqlite]
//   [--key …] [--redis host:port] [--debounce 500]`, each also from the
// environment (PALIMPSEST_SYNC_PORT, …). `npm run server -- invite <project>
// [--read-only]` prints an invitation token instead.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.PALIMPSEST_SYNC_PORT ?? '1234' },
    host: { type: 'string', default: process.env.PALIMPSEST_SYNC_HOST ?? '127.0.0.1' },
    data: { type: 'string', default: process.env.PALIMPSEST_SYNC_DATA ?? 'palimpsest-sync.sqlite' },
    key: { type: 'string', default: process.env.PALIMPSEST_SYNC_KEY },
    redis: { type: 'string', default: process.env.PALIMPSEST_SYNC_REDIS },
    debounce: { type: 'string', default: process.env.PALIMPSEST_SYNC_DEBOUNCE ?? '500' },
    'read-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Palimpsest sync server (Hocuspocus).
  npm run server -- --key SECRET [--port 1234] [--host 127.0.0.1] [--data palimpsest-sync.sqlite] [--redis 127.0.0.1:6379] [--debounce 500]
  npm run server -- invite PROJECT --key SECRET [--read-only]
Every flag can also be set by PALIMPSEST_SYNC_<FLAG> (KEY, PORT, HOST, DATA, REDIS, DEBOUNCE).
Serve it behind a reverse proxy for TLS (see docs/sync.md).`);
  process.exit(0);
}
if (!values.key || values.key.length < 16) {
  console.error('The server needs a key of at least 16 characters to sign invitations: --key or PALIMPSEST_SYNC_KEY.');
  process.exit(2);
}
if (positionals[0] === 'invite') {
  const project = positionals[1];
  if (!project) {
    console.error('invite needs a project id.');
    process.exit(2);
  }
  console.log(tokenFor(values.key, project, values['read-only'] ? 'read' : 'edit'));
  process.exit(0);
}
const port = Number(values.port);
const debounce = Number(values.debounce);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port} is not a port number.`);
  process.exit(2);
}
let redis: { host: string; port: number } | null = null;
if (values.redis) {
  const [host, redisPort] = values.redis.split(':');
  redis = { host: host || '127.0.0.1', port: Number(redisPort ?? 6379) };
}
const server = await startServer({ port, host: values.host, data: values.data, key: values.key, redis, debounce: Number.isFinite(debounce) ? debounce : 500 });
// Tests and scripts read this line for the port actually taken.
console.log(`Palimpsest sync server listening on ws://${values.host}:${server.address.port} (data ${values.data}${redis ? `, redis ${values.redis}` : ''})`);
