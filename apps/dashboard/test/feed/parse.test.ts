import { classifyServerMessage, parseServerFrame } from '../../src/feed/parse.js';
import { snapshot, ticker, trade, ladder, T0_US } from '../helpers/messages.js';

describe('parsing server frames', () => {
  it('reads the seed ticker and the typed messages', () => {
    const { type: _type, ...seed } = ticker(T0_US, 100);
    expect(parseServerFrame(JSON.stringify(seed))).toEqual(seed);
    expect(parseServerFrame(JSON.stringify(trade(1, 100)))).toEqual(trade(1, 100));
    expect(classifyServerMessage(snapshot(1, ladder('101 1\n--\n100 1')))).not.toBeNull();
  });

  it('drops invalid JSON and shapes it does not know', () => {
    expect(parseServerFrame('{nope')).toBeNull();
    expect(parseServerFrame('[1,2]')).toBeNull();
    expect(classifyServerMessage({ type: 'trade', symbol: 'X', price: '1' })).toBeNull();
    expect(classifyServerMessage({ type: 'book_delta', symbol: 'X', seq: 2, prev_seq: 1, checksum: 0, bids: [[1]], asks: [] })).toBeNull();
    expect(classifyServerMessage({ type: 'surprise' })).toBeNull();
  });
});
