// A tiny static file server for browser tests: the built site on a loopback port, nothing else.
// It can serve the site under a path prefix (as a host would under /archive/), gzip what it sends
// (as a real host would, for page-weight and Lighthouse measurements) and answers a missing
// address with the site's 404 page.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Types worth compressing; Pagefind's own files are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml))/;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder the site is served under, such as `/archive/`; `/` by default. */
  prefix?: string;
  /** Compress text responses when the client accepts gzip. */
  gzip?: boolean;
  /** The port to listen on; any free one by default. */
  port?: number;
}

/** The file for a URL path, or null when it would leave the root. */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  const path = resolve(root, normalize(`.${decodeURIComponent(urlPath)}`));
  if (path !== root && !path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return join(path, 'index.html');
  return path;
}

/** A TCP port on 127.0.0.1 that was free a moment ago, so a site can be built for the address it is served at. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = options.prefix ?? '/';
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: Buffer) => {
      const gzip = options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=3600' };
      if (gzip) headers['content-encoding'] = 'gzip';
      response.writeHead(status, headers);
      response.end(gzip ? gzipSync(body) : body);
    };
    const inside = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : null;
    (inside === null ? Promise.resolve(null) : fileFor(root, inside))
      .then(async (file) => {
        if (!file) throw new Error('outside root');
        send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      })
      .catch(async () => {
        const notFound = await readFile(join(root, '404.html')).catch(() => null);
        if (notFound) send(404, TYPES['.html']!, notFound);
        else send(404, 'text/plain', Buffer.from('not found'));
      });
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
