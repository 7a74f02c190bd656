#!/usr/bin/env python3
"""Marksim ticker consumer: the seed's Python snippet, made complete.

Connects, sends nothing, and prints each 9-field ticker the server sends.

    python3 ticker_client.py [ws://localhost:8765] [--count N]

Needs the `websockets` package (Debian: python3-websockets; pip: websockets).
"""
import argparse
import asyncio
import json
import sys

import websockets


async def consume(url: str, count: int) -> int:
    received = 0
    async with websockets.connect(url) as websocket:
        print(f"connected to {url}", file=sys.stderr)
        async for message in websocket:
            data = json.loads(message)
            # The seed printed exactly this; symbol, bid and ask follow for context.
            print(
                f"Price: ${data['last_price']}  {data['symbol']}  "
                f"bid {data['bid_price']:,.2f}  ask {data['ask_price']:,.2f}  "
                f"volume_24h {data['volume_24h']}  trades {data['trade_count']}",
                flush=True,
            )
            received += 1
            if count and received >= count:
                break
    print(f"received {received} tickers", file=sys.stderr)
    return received


def main() -> int:
    parser = argparse.ArgumentParser(description="Print Marksim tickers.")
    parser.add_argument("url", nargs="?", default="ws://localhost:8765", help="feed URL (default %(default)s)")
    parser.add_argument("--count", "-n", type=int, default=0, help="exit after N tickers (default: run until interrupted)")
    args = parser.parse_args()
    if args.count < 0:
        parser.error(f"--count must be >= 0 (got {args.count})")
    try:
        received = asyncio.run(consume(args.url, args.count))
    except KeyboardInterrupt:
        return 130
    except (OSError, websockets.exceptions.WebSocketException) as error:
        print(f"cannot read from {args.url}: {error}", file=sys.stderr)
        return 1
    return 0 if received >= args.count else 1


if __name__ == "__main__":
    sys.exit(main())
