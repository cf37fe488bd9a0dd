import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EventBus } from './event-bus.js';

export type SseHubOptions = {
  /** The `event:` name of every frame the hub sends. */
  event: string;
  /** Comments keep idle streams open through proxies that drop quiet connections. */
  heartbeatMs: number;
  /** The reconnection delay a browser is told to use. */
  retryMs: number;
  /**
   * Bytes a stream may have waiting in this process before it is closed: a client that stops reading must not
   * make the server hold every later event for it. The kernel's socket buffer comes on top of this.
   */
  maxBufferedBytes: number;
  /** The span (and CPU time) of each fan-out, for benchmarks: logged at debug level. */
  log?: { debug(obj: object, msg: string): void };
};

export type SseHub = {
  /**
   * Answers `res` as an event stream of `topic`. `onClose` runs once, when the stream ends for any reason
   * (the client left, it stopped reading, the hub closed).
   */
  open(topic: string, res: ServerResponse, extra: { headers: OutgoingHttpHeaders; onClose: () => void }): void;
  /** Streams of the topic open now. */
  count(topic: string): number;
  /** Ends every stream and drops the hub's subscriptions and timer. */
  close(): void;
};

type Stream = {
  res: ServerResponse;
  socket: Socket;
  chunked: boolean;
  topic: Topic;
  /** Its place in the topic's list, -1 once removed. */
  at: number;
  /** Which of the timer's ticks sends its heartbeat. */
  phase: number;
  onClose: () => void;
};
type Topic = { name: string; streams: Stream[]; unsubscribe: () => void };
/** A frame's bytes as a stream on HTTP/1.1 needs them (one chunk) and as one on HTTP/1.0 does (as they are). */
type Frame = { chunked: Buffer; plain: Buffer };

const CRLF = Buffer.from('\r\n');
/**
 * The heartbeat timer ticks this many times per interval and each tick beats for a share of the streams: one
 * tick for 10,000 streams would hold the event loop as long as an event's fan-out does, every interval.
 */
const HEARTBEAT_SLICES = 10;

function frameOf(text: string): Frame {
  const plain = Buffer.from(text);
  return { plain, chunked: Buffer.concat([Buffer.from(`${plain.length.toString(16)}\r\n`), plain, CRLF]) };
}

/**
 * Server-Sent Event streams grouped by event-bus topic, so that an event costs one serialization and then one
 * socket write per stream. A topic holds one bus subscription while it has streams; one timer sends every
 * stream's heartbeat. After its headers a stream is written on its socket directly, framed as its response
 * framed the headers (chunked or not): the response's own write corks the socket, frames the chunk anew and
 * uncorks on the next tick, for every stream; at 10,000 streams that was about 40 % of the fan-out's CPU time
 * (bench/fanout.ts). What is left is mostly the kernel's cost of one send per socket.
 */
export function createSseHub(bus: Pick<EventBus, 'subscribe'>, options: SseHubOptions): SseHub {
  const topics = new Map<string, Topic>();
  const heartbeat = frameOf(': heartbeat\n\n');
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let opened = 0;
  let tick = 0;

  /** Writes `frame` to every stream, or with `phase` only to the streams whose heartbeat is due. */
  function writeAll(streams: Stream[], frame: Frame, phase?: number) {
    let clogged: Stream[] | undefined;
    for (const stream of streams) {
      if (phase !== undefined && stream.phase !== phase) continue;
      if (stream.socket.writableLength > options.maxBufferedBytes) (clogged ??= []).push(stream);
      else stream.socket.write(stream.chunked ? frame.chunked : frame.plain);
    }
    // Dropped after the loop, since dropping reorders the list; the browser reconnects and reads afresh.
    clogged?.forEach((stream) => {
      remove(stream);
      stream.socket.destroy();
    });
  }

  function publish(topic: Topic, payload: unknown) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const streams = topic.streams.length;
    writeAll(topic.streams, frameOf(`event: ${options.event}\ndata: ${JSON.stringify(payload)}\n\n`));
    const { user, system } = process.cpuUsage(cpu);
    const spent = { writeMs: performance.now() - started, cpuMs: (user + system) / 1000 };
    options.log?.debug({ topic: topic.name, streams, ...spent }, 'sse fan-out');
  }

  function remove(stream: Stream) {
    const { topic, at } = stream;
    if (at < 0) return;
    // Swapping the last stream into the gap keeps removal constant-time and the list dense for the write loop.
    const last = topic.streams.pop()!;
    if (last !== stream) {
      topic.streams[at] = last;
      last.at = at;
    }
    stream.at = -1;
    stream.onClose();
    if (topic.streams.length > 0) return;
    topic.unsubscribe();
    topics.delete(topic.name);
    if (topics.size === 0) {
      clearInterval(heartbeatTimer);
      heartbeatTimer = undefined;
    }
  }

  function topicOf(name: string) {
    let topic = topics.get(name);
    if (!topic) {
      const created: Topic = { name, streams: [], unsubscribe: () => {} };
      created.unsubscribe = bus.subscribe(name, (payload) => publish(created, payload));
      topics.set(name, (topic = created));
    }
    heartbeatTimer ??= setInterval(() => {
      const phase = tick++ % HEARTBEAT_SLICES;
      for (const t of [...topics.values()]) writeAll(t.streams, heartbeat, phase);
    }, options.heartbeatMs / HEARTBEAT_SLICES).unref();
    return topic;
  }

  return {
    open(name, res, { headers, onClose }) {
      const socket = res.socket;
      if (!socket || socket.destroyed) return onClose();
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8' });
      res.write(`retry: ${options.retryMs}\n: connected\n\n`);
      const topic = topicOf(name);
      const { chunkedEncoding: chunked } = res;
      const phase = opened++ % HEARTBEAT_SLICES;
      const stream: Stream = { res, socket, chunked, topic, at: topic.streams.length, phase, onClose };
      topic.streams.push(stream);
      res.once('close', () => remove(stream));
    },
    count: (name) => topics.get(name)?.streams.length ?? 0,
    close() {
      for (const topic of [...topics.values()])
        for (const stream of [...topic.streams]) {
          remove(stream);
          stream.res.end();
        }
    },
  };
}
