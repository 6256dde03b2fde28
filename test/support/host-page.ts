import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves one HTML page from its own origin (`localhost`, apart from the relay's
 * `127.0.0.1`): the site that embeds the widgets.
 */
export async function serveHostPage(
  html: string,
  headers: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a page whose test is not about the tape's motion: a loop of no length never moves. A
 * moving tape is redrawn every frame, which in a headless browser (no GPU) costs a quarter of a
 * core for as long as its page is open; held still, it sits where a moving one starts.
 */
export const STILL_TAPE = '<style>:root { --tickwire-tape-duration: 0s; }</style>';
