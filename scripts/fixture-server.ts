import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITES, type Site } from '../tests/fixtures/sites';

const FIXTURES = resolve(fileURLToPath(new URL('../tests/fixtures', import.meta.url)));

/** Every fixture is served as strictly as a careful conference host would. */
export const FIXTURE_CSP = "default-src 'self'; style-src 'self'; script-src 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** A throw-away self-signed certificate: the test hosts are served over https like the real ones. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'konferenzlotse-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=konferenzlotse-fixtures',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Maps a request to a file under tests/fixtures, never outside it. */
export function resolveFixture(site: Site, pathname: string, search = ''): string | null {
  const route = site.routes[pathname + search] ?? site.routes[pathname];
  if (route) return join(FIXTURES, route);
  for (const root of site.roots) {
    const base = join(FIXTURES, root);
    const file = normalize(join(base, decodeURIComponent(pathname)));
    if (file.startsWith(base + sep) && isFile(file)) return file;
  }
  return null;
}

export interface FixtureServer {
  port: number;
  /** Chromium flag value that sends every host name to this server and nowhere else. */
  hostResolverRules: string;
  close(): Promise<void>;
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const server = createServer(makeCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const site = SITES.find((s) => s.host === host);
    const { pathname, search } = new URL(req.url ?? '/', 'https://fixture.invalid');
    let file: string | null = null;
    try {
      file = site ? resolveFixture(site, pathname, search) : null;
    } catch {
      file = null;
    }
    const csp = site?.frames ? `${FIXTURE_CSP}; frame-src ${site.frames.join(' ')}` : FIXTURE_CSP;
    const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' };
    if (pathname === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    port: address.port,
    hostResolverRules: `MAP * 127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
