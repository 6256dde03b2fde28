// A process of SSE clients for the capacity bench: one process holds at most a few thousand
// sockets, so several of them can load one relay past its own open-file limit. Driven over
// IPC: `{ open: n }` opens n more streams and answers what happened; `{ live: ms }` answers
// how many streams received data in the last `ms`.
import { request } from 'node:http';

const url = process.argv[2];
const lastData = [];

function open() {
  return new Promise((resolve) => {
    const req = request(url, { headers: { Accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve(`HTTP ${res.statusCode}`);
        return;
      }
      const index = lastData.push(0) - 1;
      res.on('data', () => {
        lastData[index] = Date.now();
      });
      res.once('data', () => resolve('ok'));
      res.on('error', () => {});
    });
    req.on('error', (error) => resolve(error.code ?? error.message));
    req.setTimeout(10_000, () => {
      req.destroy();
      resolve('timeout');
    });
    req.end();
  });
}

process.on('message', async (message) => {
  if (message.open) {
    const outcomes = {};
    for (let done = 0; done < message.open; done += 200) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(200, message.open - done) }, open),
      );
      for (const outcome of batch) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    process.send({ outcomes });
  } else if (message.live) {
    const since = Date.now() - message.live;
    process.send({ live: lastData.filter((at) => at >= since).length });
  }
});
process.on('disconnect', () => process.exit(0));
