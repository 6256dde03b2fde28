import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../packages/relay/test/support/free-port.js';

/** Debian's nginx (`apt-get install nginx-light`). */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** How big an nginx: its worker processes and the connections each may hold (two a stream). */
export interface NginxSize {
  workers?: number;
  connectionsPerWorker?: number;
}

/**
 * A real nginx on loopback in front of `upstreams` (one relay, or a fleet it balances round
 * robin), configured as docs/behind-a-proxy.md's recipe says for an SSE relay (buffering off,
 * long reads, the client's address forwarded), and, as a TLS terminator would, telling the
 * relay its readers came over https.
 */
export async function startNginx(
  upstreams: string | readonly string[],
  { workers = 1, connectionsPerWorker = 2048 }: NginxSize = {},
): Promise<{ url: string; pids(): number[]; close(): Promise<void> }> {
  if (!existsSync(NGINX)) {
    throw new Error(`no nginx at ${NGINX}: apt-get install nginx-light, or set NGINX_PATH`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tickwire-nginx-'));
  const port = await freePort();
  const servers = [upstreams].flat().map((upstream) => `server ${new URL(upstream).host};`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes ${workers};
worker_rlimit_nofile ${connectionsPerWorker + 64};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${connectionsPerWorker}; }
http {
  upstream relays { ${servers.join(' ')} }
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://relays;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
    }
  }
}
`,
  );
  const nginx: ChildProcess = spawn(
    NGINX,
    ['-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  nginx.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  // Ready once it accepts a connection.
  for (let tries = 0; ; tries++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) break;
    if (nginx.exitCode !== null || tries > 200) {
      nginx.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    /** The master's and its workers' process ids. */
    pids() {
      const master = nginx.pid!;
      const children = readFileSync(`/proc/${master}/task/${master}/children`, 'utf8');
      return [master, ...children.trim().split(/\s+/).filter(Boolean).map(Number)];
    },
    async close() {
      if (nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once('exit', resolve));
        nginx.kill('SIGTERM'); // fast shutdown: a graceful one would wait for open streams
        const timer = setTimeout(() => nginx.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
