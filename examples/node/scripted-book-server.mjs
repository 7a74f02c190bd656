// A tiny scripted feed for the examples' own tests: it answers a book client's subscriptions
// with an empty-book snapshot and then the same delta every 50 ms, so a test can choose what a
// client's last counted message is (e.g. a delta the client drops on purpose).
import { WebSocketServer } from 'ws';

const SYMBOL = 'TEST/USD';

/** Starts the scripted feed on a free local port; resolves with { url, close }. */
export function startScriptedBookServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    let seq = 1;
    let timer = null;
    const send = (message) => socket.send(JSON.stringify(message));
    const snapshot = () => send({ type: 'book_snapshot', symbol: SYMBOL, seq, depth: 10, bids: [], asks: [], checksum: 0, timestamp: 0, price_decimals: 2, size_decimals: 4 });
    socket.on('message', (data) => {
      const request = JSON.parse(data.toString());
      if (request.op === 'subscribe' && request.channels.includes('status')) {
        send({ type: 'subscribed', channels: ['status'], symbols: [SYMBOL], req_id: request.req_id });
      } else if (request.op === 'subscribe' && request.channels.includes('book')) {
        send({ type: 'subscribed', channels: ['book'], symbols: [SYMBOL], req_id: request.req_id });
        snapshot();
        timer ??= setInterval(() => {
          seq += 1;
          // An empty book's checksum is CRC32 of the empty string: 0.
          send({ type: 'book_delta', symbol: SYMBOL, seq, prev_seq: seq - 1, bids: [], asks: [], checksum: 0, timestamp: 0 });
        }, 50);
      } else if (request.op === 'snapshot') {
        snapshot();
      }
    });
    socket.on('close', () => clearInterval(timer));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address();
      resolve({
        url: `ws://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      });
    });
  });
}
