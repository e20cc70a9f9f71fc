import { Redis } from '@hocuspocus/extension-redis';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { type Extension, Server } from '@hocuspocus/server';
import { roleOf } from './tokens';

/// How a sync server runs.
export interface ServerOptions {
  /// 0 picks a free port (tests).
  port: number;
  host: string;
  /// The SQLite file the projects are kept in.
  data: string;
  /// The secret invitations are signed with.
  key: string;
  /// A Redis server, to run several instances on the same projects.
  redis: { host: string; port: number } | null;
  /// Milliseconds after a change before the project is written to disk.
  debounce: number;
}

/// A Hocuspocus server for shared projects: one Y.Doc per project, kept
/// in SQLite; a connection needs an invitation token signed with the
/// server's key, and a read-only one may read but not write (Hocuspocus
/// refuses its updates). Returns it listening.
export async function startServer(options: ServerOptions): Promise<Server> {
  const extensions: Extension[] = [new SQLite({ database: options.data })];
  if (options.redis) extensions.push(new Redis({ host: options.redis.host, port: options.redis.port }));
  const server = new Server({
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: true,
    debounce: options.debounce,
    maxDebounce: Math.max(options.debounce * 5, 1000),
    extensions,
    async onAuthenticate({ documentName, token, connectionConfig }) {
      const role = roleOf(options.key, documentName, token);
      // Hocuspocus closes the connection with "permission denied" on a throw.
      if (!role) throw new Error('This invitation is not valid for this project on this server.');
      connectionConfig.readOnly = role === 'read';
      return { role };
    },
  });
  // Hocuspocus 3.4.4 passes `address` to http's listen, which reads
  // `host`: it would listen on every interface. Only the host asked for.
  const listen = server.httpServer.listen.bind(server.httpServer) as (options: object, callback: () => void) => void;
  (server.httpServer as unknown as { listen: unknown }).listen = (asked: { port: number }, callback: () => void) =>
    listen({ port: asked.port, host: options.host }, callback);
  await server.listen();
  return server;
}
