/** Reads Server-Sent Event frames from a live HTTP stream until one satisfies `match`. */
export async function nextEvent(body: ReadableStream<Uint8Array>, match: (event: string, data: unknown) => boolean) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data && match(event, JSON.parse(data))) return { event, data: JSON.parse(data) as unknown };
      }
    }
  } finally {
    reader.releaseLock();
  }
}
