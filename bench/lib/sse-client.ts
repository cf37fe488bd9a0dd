// One client process of bench/fanout.ts: holds its share of the slot event streams on raw sockets (cheaper than
// fetch or EventSource, so the client is not what is measured) and tells its parent when each stream saw the
// frame of a given booking. Times are `performance.timeOrigin + performance.now()`, comparable across processes.
import { connect, type Socket } from 'node:net';

type Command =
  | { type: 'open'; count: number; port: number; path: string; firstAddress: number; concurrency: number }
  | { type: 'expect'; start: string }
  | { type: 'collect'; timeoutMs: number }
  | { type: 'close' };

const sockets: Socket[] = [];
let expected: Buffer | undefined;
let arrivals: number[] = [];
let arrived = new Set<Socket>();
const now = () => performance.timeOrigin + performance.now();
const send = (message: object) => process.send!(message);

/** Visitors behind the bench's trusted proxy header, each from an address of its own (one stream per address). */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

function openStream(port: number, path: string, n: number) {
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    let head = '';
    const onHead = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes(': connected')) {
        if (head.includes('\r\n\r\n') && !head.startsWith('HTTP/1.1 200')) reject(new Error(head.split('\r\n')[0]));
        return;
      }
      socket.off('data', onHead);
      // A frame is one small write on the server, so it arrives whole in one chunk.
      socket.on('data', (data: Buffer) => {
        if (expected && !arrived.has(socket) && data.includes(expected)) {
          arrivals.push(now());
          arrived.add(socket);
        }
      });
      sockets.push(socket);
      resolve();
    };
    socket.on('data', onHead);
    socket.once('error', reject);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nX-Forwarded-For: ${address(n)}\r\n\r\n`,
    );
  });
}

process.on('message', async (command: Command) => {
  if (command.type === 'open') {
    let next = 0;
    await Promise.all(
      Array.from({ length: command.concurrency }, async () => {
        while (next < command.count) await openStream(command.port, command.path, command.firstAddress + next++);
      }),
    );
    send({ type: 'opened', open: sockets.length });
  } else if (command.type === 'expect') {
    expected = Buffer.from(`"start":"${command.start}"`);
    arrivals = [];
    arrived = new Set();
    send({ type: 'ready' });
  } else if (command.type === 'collect') {
    const deadline = now() + command.timeoutMs;
    while (arrived.size < sockets.length && now() < deadline) await new Promise((r) => setTimeout(r, 5));
    send({ type: 'arrivals', arrivals, missing: sockets.length - arrived.size });
  } else {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }
});
