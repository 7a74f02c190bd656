import { parseClientMessage, parseClientText } from '@marksim/ws-server/protocol';

describe('parseClientText', () => {
  it('parses a subscribe with every option', () => {
    const result = parseClientText(
      '{"op":"subscribe","channels":["ticker","trades","book","candles"],"symbols":["BTC/USD"],"depth":10,"intervals":["1m"],"req_id":7}',
    );
    expect(result).toEqual({
      ok: true,
      message: {
        op: 'subscribe',
        channels: ['ticker', 'trades', 'book', 'candles'],
        symbols: ['BTC/USD'],
        depth: 10,
        intervals: ['1m'],
        req_id: 7,
      },
    });
  });

  it('refuses invalid JSON with INVALID_JSON', () => {
    const result = parseClientText('{"op":');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('INVALID_JSON');
      expect(result.message).toMatch(/^message must be valid JSON/);
    }
  });

  it('names the index, the allowed values and the value of an unknown channel', () => {
    expect(parseClientText('{"op":"subscribe","channels":["ticker","foo"],"req_id":"a"}')).toEqual({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
      message: 'channels[1] must be one of ticker, trades, book, candles, status (got "foo")',
      reqId: 'a',
    });
  });

  it('refuses an unknown op with UNKNOWN_OP', () => {
    expect(parseClientText('{"op":"buy"}')).toEqual({
      ok: false,
      code: 'UNKNOWN_OP',
      message: 'op must be one of subscribe, unsubscribe, ping, snapshot, control (got "buy")',
    });
  });
});

describe('parseClientMessage', () => {
  it.each([
    [[1, 2], 'message must be a JSON object (got an array)'],
    ['ping', 'message must be a JSON object (got "ping")'],
    [null, 'message must be a JSON object (got null)'],
    [{}, 'op must be a string (got nothing)'],
    [{ op: 'subscribe' }, 'channels must be an array (got nothing)'],
    [{ op: 'subscribe', channels: [] }, 'channels must not be empty'],
    [{ op: 'subscribe', channels: ['book'], depth: 0 }, 'depth must be an integer from 1 to 100 (got 0)'],
    [{ op: 'subscribe', channels: ['book'], depth: 2.5 }, 'depth must be an integer from 1 to 100 (got 2.5)'],
    [{ op: 'subscribe', channels: ['candles'], intervals: ['5m'] }, 'intervals[0] must be one of 1s, 1m (got "5m")'],
    [{ op: 'subscribe', channels: ['ticker'], symbols: [''] }, 'symbols[0] must be a symbol string of 1 to 32 characters (got "")'],
    [{ op: 'snapshot' }, 'symbol must be a symbol string of 1 to 32 characters (got nothing)'],
    [{ op: 'control', action: 'halt', token: 't' }, 'action must be one of pause, resume, set_speed, reset (got "halt")'],
    [{ op: 'control', action: 'pause' }, 'token must be a string (got nothing)'],
    [{ op: 'control', action: 'set_speed', token: 't', speed: -2 }, 'speed must be a number > 0 for set_speed (got -2)'],
    [{ op: 'ping', req_id: { a: 1 } }, 'req_id must be a finite number or a string of at most 64 characters (got an object)'],
  ])('refuses %j: %s', (value, message) => {
    const result = parseClientMessage(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(message);
  });

  it('removes duplicate channels and symbols', () => {
    expect(parseClientMessage({ op: 'unsubscribe', channels: ['book', 'book'], symbols: ['A', 'A'] })).toEqual({
      ok: true,
      message: { op: 'unsubscribe', channels: ['book'], symbols: ['A'] },
    });
  });

  it('ignores unknown extra keys', () => {
    expect(parseClientMessage({ op: 'ping', client: 'v2' })).toEqual({ ok: true, message: { op: 'ping' } });
  });

  it('reads speed only for set_speed', () => {
    expect(parseClientMessage({ op: 'control', action: 'set_speed', token: 't', speed: 20 })).toEqual({
      ok: true,
      message: { op: 'control', action: 'set_speed', token: 't', speed: 20 },
    });
    expect(parseClientMessage({ op: 'control', action: 'pause', token: 't', speed: 'x' })).toEqual({
      ok: true,
      message: { op: 'control', action: 'pause', token: 't' },
    });
  });

  it('parses a snapshot request with an optional depth', () => {
    expect(parseClientMessage({ op: 'snapshot', symbol: 'BTC/USD', depth: 5, req_id: 'r' })).toEqual({
      ok: true,
      message: { op: 'snapshot', symbol: 'BTC/USD', depth: 5, req_id: 'r' },
    });
  });
});
