// The footer: the health of the local book (sync, sequence, checksum), the message rate, and
// the newest notice from the server.
import { memo } from 'react';
import { formatClockUs, formatCompact, formatFixed } from '../model/format.js';
import type { DashboardState } from '../model/state.js';

function bookText(book: DashboardState['book']): string {
  switch (book.sync) {
    case 'waiting':
      return 'Book: waiting for snapshot';
    case 'resyncing':
      return 'Book: resynchronising';
    case 'live':
      return `Book: in sync · seq ${formatFixed(book.seq, 0)}`;
  }
}

/** The status footer. */
export const StatusBar = memo(function StatusBar({ state }: { state: DashboardState }) {
  const { book, throughput, notices } = state;
  const notice = notices[notices.length - 1];
  const checksum = book.checksumOk === null ? 'checksum —' : book.checksumOk ? 'checksum OK' : 'checksum MISMATCH';
  return (
    <footer className="status-bar">
      <span
        className={`book-status ${book.sync} ${book.checksumOk === false ? 'bad' : ''}`}
        data-testid="book-status"
        data-sync={book.sync}
        data-checksum-ok={book.checksumOk === null ? '' : String(book.checksumOk)}
        data-seq={book.seq}
        title={book.lastProblem ?? ''}
      >
        <span className="dot" />
        {bookText(book)} · <b>{checksum}</b>
      </span>
      <span title="book snapshots, sequence gaps and checksum failures since the page opened">
        snapshots {book.snapshots} · gaps {book.gaps} · checksum failures {book.checksumFailures}
      </span>
      <span data-testid="messages-rate" data-total={throughput.totalMessages}>{formatCompact(throughput.messagesPerS)} msg/s · {formatCompact(throughput.totalMessages)} total</span>
      {throughput.ignored > 0 && <span className="warn">{throughput.ignored} unreadable</span>}
      <span>connections {state.connections}</span>
      {notice !== undefined && (
        <span className="notice" data-testid="notice" title={notice.text}>
          {formatClockUs(notice.atMs * 1000)} {notice.code}: {notice.text}
        </span>
      )}
    </footer>
  );
});
