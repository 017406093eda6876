import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { SITES } from '../tests/fixtures/sites';

/**
 * A local HTTP proxy for a browser that has no host-resolver rules (Firefox): CONNECT to a fixture
 * host is piped to the fixture server, everything else is refused. Every request the browser
 * makes passes here, so the proxy also proves that nothing was asked of any other host.
 */
export interface ConnectProxy {
  port: number;
  /** Every host the browser asked for, fixture host or not, in order (`host:port`). */
  readonly requested: readonly string[];
  /** Requests that were refused because they named a host other than the fixture hosts. */
  readonly refused: readonly string[];
  close(): Promise<void>;
}

const FIXTURE_HOSTS = new Set(SITES.map((s) => s.host));

export async function startConnectProxy(fixturePort: number): Promise<ConnectProxy> {
  const requested: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // A plain-http request through the proxy (absolute URI): no fixture is served that way.
    requested.push(req.url ?? '');
    refused.push(req.url ?? '');
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    res.end('refused by the test proxy');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    requested.push(target);
    const host = target.replace(/:\d+$/, '');
    if (!FIXTURE_HOSTS.has(host) || !target.endsWith(':443')) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    requested,
    refused,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
