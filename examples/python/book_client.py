#!/usr/bin/env python3
"""Marksim order book consumer with sequence and checksum verification.

Subscribes to one symbol's L2 book, keeps a local copy from the snapshot and deltas, checks
every delta's prev_seq against the seq it holds, and verifies the server's CRC32 checksum
(zlib.crc32, rule in packages/ws-server/PROTOCOL.md) after every message. On a gap or a
mismatch it asks for a fresh snapshot.

    python3 book_client.py [ws://localhost:8765] [--symbol BTC/USD] [--depth 10] [--count N] [--simulate-gap K]
"""
import argparse
import asyncio
import json
import sys
import zlib

import websockets


def digits(value: float, decimals: int) -> str:
    """The number with exactly `decimals` digits, the point and leading zeros removed."""
    return f"{value:.{decimals}f}".replace(".", "").lstrip("0")


def checksum(book: dict) -> int:
    """CRC32 of the top 10 asks then the top 10 bids (best first), price digits then size digits."""
    text = ""
    for price, size in book["asks"][:10]:
        text += digits(price, book["price_decimals"]) + digits(size, book["size_decimals"])
    for price, size in book["bids"][:10]:
        text += digits(price, book["price_decimals"]) + digits(size, book["size_decimals"])
    return zlib.crc32(text.encode("ascii"))


# The worked example of PROTOCOL.md, checked at start.
_EXAMPLE = {"bids": [[49999, 1.5], [49998.5, 0.25]], "asks": [[50001, 2], [50001.5, 0.5]], "price_decimals": 2, "size_decimals": 4}
assert checksum(_EXAMPLE) == 1644703439, "checksum implementation does not match PROTOCOL.md"


def apply_side(levels: list, changes: list, descending: bool, depth: int) -> list:
    """Sets each [price, size] (size 0 removes) on a best-first side, then keeps `depth` levels."""
    by_price = {price: size for price, size in levels}
    for price, size in changes:
        if size == 0:
            by_price.pop(price, None)
        else:
            by_price[price] = size
    return sorted(([p, s] for p, s in by_price.items()), key=lambda level: level[0], reverse=descending)[:depth]


class BookFollower:
    """The local book and its counters."""

    def __init__(self, websocket, symbol: str, count: int, simulate_gap: int):
        self.websocket = websocket
        self.symbol = symbol
        self.count = count
        self.simulate_gap = simulate_gap
        self.book = None
        self.awaiting_snapshot = True
        self.stats = {"messages": 0, "ok": 0, "gaps": 0, "mismatches": 0, "snapshots": 0, "deltas": 0}

    async def resync(self, reason: str) -> None:
        print(f"{reason}; requesting a snapshot", flush=True)
        self.awaiting_snapshot = True
        await self.websocket.send(json.dumps({"op": "snapshot", "symbol": self.symbol}))

    async def verify(self, message: dict, what: str) -> None:
        ours = checksum(self.book)
        if ours == message["checksum"]:
            self.stats["ok"] += 1
            bids, asks, decimals = self.book["bids"], self.book["asks"], self.book["price_decimals"]
            if bids and asks:
                top = (f"best bid {bids[0][0]:,.{decimals}f} × {bids[0][1]} | best ask {asks[0][0]:,.{decimals}f} × {asks[0][1]}"
                       f" · spread {asks[0][0] - bids[0][0]:,.{decimals}f}")
            else:
                top = f"{len(bids)} bids, {len(asks)} asks"
            print(f"{what} {self.symbol} seq {message['seq']}: {top} · checksum {message['checksum']} OK", flush=True)
        else:
            self.stats["mismatches"] += 1
            await self.resync(f"checksum MISMATCH at seq {message['seq']} (ours {ours}, server {message['checksum']})")

    async def on_book_message(self, message: dict) -> bool:
        """Applies one book message; returns True when the count is reached."""
        self.stats["messages"] += 1
        await self.apply(message)
        # Whatever the message did (applied, dropped, or found a gap), the count decides when to stop.
        return bool(self.count) and self.stats["messages"] >= self.count

    async def apply(self, message: dict) -> None:
        """Applies a snapshot or delta to the local book, or resynchronises after a gap."""
        if message["type"] == "book_snapshot":
            self.stats["snapshots"] += 1
            self.book = {key: message[key] for key in ("seq", "bids", "asks", "depth", "price_decimals", "size_decimals")}
            self.awaiting_snapshot = False
            await self.verify(message, "snapshot")
        elif not self.awaiting_snapshot:
            self.stats["deltas"] += 1
            if self.simulate_gap and self.stats["deltas"] % self.simulate_gap == 0:
                print(f"(dropping delta seq {message['seq']} on purpose)", flush=True)
                return
            if message["prev_seq"] != self.book["seq"]:
                self.stats["gaps"] += 1
                await self.resync(f"gap: delta prev_seq {message['prev_seq']} does not follow held seq {self.book['seq']}")
                return
            self.book["bids"] = apply_side(self.book["bids"], message["bids"], True, self.book["depth"])
            self.book["asks"] = apply_side(self.book["asks"], message["asks"], False, self.book["depth"])
            self.book["seq"] = message["seq"]
            await self.verify(message, "delta")


async def follow(url: str, symbol: str, depth: int, count: int, simulate_gap: int) -> dict:
    async with websockets.connect(url) as websocket:
        print(f"connected to {url}", file=sys.stderr)
        if symbol is None:
            # Learn the symbols from the ack of a cheap subscription, then follow the first.
            await websocket.send(json.dumps({"op": "subscribe", "channels": ["status"], "req_id": "probe"}))
            async for raw in websocket:
                message = json.loads(raw)
                if message.get("type") == "subscribed" and message.get("req_id") == "probe":
                    symbol = message["symbols"][0]
                    break
            await websocket.send(json.dumps({"op": "unsubscribe", "channels": ["status"]}))
        await websocket.send(json.dumps({"op": "subscribe", "channels": ["book"], "symbols": [symbol], "depth": depth, "req_id": "book"}))
        follower = BookFollower(websocket, symbol, count, simulate_gap)
        async for raw in websocket:
            message = json.loads(raw)
            kind = message.get("type")
            if kind in ("book_snapshot", "book_delta") and message.get("symbol") == symbol:
                if await follower.on_book_message(message):
                    break
            elif kind == "error":
                print(f"server error {message['code']}: {message['message']}", file=sys.stderr)
        return follower.stats


def main() -> int:
    parser = argparse.ArgumentParser(description="Follow a Marksim order book and verify it.")
    parser.add_argument("url", nargs="?", default="ws://localhost:8765", help="feed URL (default %(default)s)")
    parser.add_argument("--symbol", help="book to follow (default: the first symbol the server lists)")
    parser.add_argument("--depth", type=int, default=10, help="levels per side, 1-100 (default %(default)s)")
    parser.add_argument("--count", "-n", type=int, default=0, help="exit after N book messages")
    parser.add_argument("--simulate-gap", type=int, default=0, metavar="K", help="drop every K-th delta on purpose, to show resync")
    args = parser.parse_args()
    if not 1 <= args.depth <= 100:
        parser.error(f"--depth must be in 1..100 (got {args.depth})")
    try:
        stats = asyncio.run(follow(args.url, args.symbol, args.depth, args.count, args.simulate_gap))
    except KeyboardInterrupt:
        return 130
    except (OSError, websockets.exceptions.WebSocketException) as error:
        print(f"cannot read from {args.url}: {error}", file=sys.stderr)
        return 1
    print(f"verified {stats['ok']} of {stats['messages']} book messages ({stats['snapshots']} snapshots, {stats['deltas']} deltas): "
          f"{stats['gaps']} gaps, {stats['mismatches']} checksum mismatches", flush=True)
    return 0 if stats["mismatches"] == 0 and stats["ok"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
