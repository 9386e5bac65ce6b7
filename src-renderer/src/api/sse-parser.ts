/**
 * Incremental parser for a text/event-stream body (the subset the web host sends: `event:`, `data:`, comments).
 * Fed with decoded text chunks as they arrive; returns the messages completed by each chunk.
 */
export interface SseMessage {
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    // Lines end with \n, \r\n or \r. A trailing \r may be the first half of \r\n, so it waits for the next chunk.
    let match: RegExpExecArray | null;
    const lineEnd = /\r\n|\n|\r(?=[^\n])/g;
    let consumed = 0;
    while ((match = lineEnd.exec(this.buffer)) !== null) {
      const line = this.buffer.slice(consumed, match.index);
      consumed = match.index + match[0].length;
      const message = this.line(line);
      if (message) out.push(message);
    }
    this.buffer = this.buffer.slice(consumed);
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      // A blank line dispatches the message gathered so far (none if it had no data).
      const message = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}
