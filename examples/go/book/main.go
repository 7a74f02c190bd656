// Marksim order book consumer: subscribes to one symbol's L2 book, keeps a local copy from the
// snapshot and deltas, checks each delta's prev_seq against the seq it holds, and verifies the
// server's CRC32 checksum (crc32.ChecksumIEEE; rule in packages/ws-server/PROTOCOL.md) after
// every message. On a gap or a mismatch it asks for a fresh snapshot.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run ./examples/go/book [-symbol S] [-depth 10] [-count N] [-simulate-gap K] [URL]
package main

import (
	"flag"
	"fmt"
	"hash/crc32"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/gorilla/websocket"
)

// Level is [price, size] as on the wire.
type Level [2]float64

// BookMessage is a book_snapshot or book_delta (only the fields this client reads).
type BookMessage struct {
	Type          string  `json:"type"`
	Symbol        string  `json:"symbol"`
	Seq           int64   `json:"seq"`
	PrevSeq       int64   `json:"prev_seq"`
	Depth         int     `json:"depth"`
	Bids          []Level `json:"bids"`
	Asks          []Level `json:"asks"`
	Checksum      uint32  `json:"checksum"`
	PriceDecimals int     `json:"price_decimals"`
	SizeDecimals  int     `json:"size_decimals"`
	// Replies and errors share the envelope.
	Symbols []string    `json:"symbols"`
	ReqID   interface{} `json:"req_id"` // a string or a number
	Code    string      `json:"code"`
	Message string      `json:"message"`
}

// Book is the local copy.
type Book struct {
	Seq           int64
	Depth         int
	Bids, Asks    []Level
	PriceDecimals int
	SizeDecimals  int
}

// digits writes a number with exactly `decimals` digits, the point and leading zeros removed.
func digits(value float64, decimals int) string {
	text := strings.Replace(strconv.FormatFloat(value, 'f', decimals, 64), ".", "", 1)
	return strings.TrimLeft(text, "0")
}

// Checksum is CRC32 of the top 10 asks then the top 10 bids (best first), price then size digits.
func (b *Book) Checksum() uint32 {
	var text strings.Builder
	for _, side := range [][]Level{b.Asks, b.Bids} {
		for i, level := range side {
			if i == 10 {
				break
			}
			text.WriteString(digits(level[0], b.PriceDecimals))
			text.WriteString(digits(level[1], b.SizeDecimals))
		}
	}
	return crc32.ChecksumIEEE([]byte(text.String()))
}

// applySide sets each [price, size] (size 0 removes) on a best-first side, then keeps depth levels.
func applySide(levels, changes []Level, descending bool, depth int) []Level {
	byPrice := make(map[float64]float64, len(levels)+len(changes))
	for _, level := range levels {
		byPrice[level[0]] = level[1]
	}
	for _, change := range changes {
		if change[1] == 0 {
			delete(byPrice, change[0])
		} else {
			byPrice[change[0]] = change[1]
		}
	}
	out := make([]Level, 0, len(byPrice))
	for price, size := range byPrice {
		out = append(out, Level{price, size})
	}
	sort.Slice(out, func(i, j int) bool {
		if descending {
			return out[i][0] > out[j][0]
		}
		return out[i][0] < out[j][0]
	})
	if len(out) > depth {
		out = out[:depth]
	}
	return out
}

func main() {
	symbol := flag.String("symbol", "", "book to follow (default: the first symbol the server lists)")
	depth := flag.Int("depth", 10, "levels per side, 1-100")
	count := flag.Int("count", 0, "exit after N book messages (0: run until interrupted)")
	simulateGap := flag.Int("simulate-gap", 0, "drop every K-th delta on purpose, to show resync")
	flag.Parse()
	url := "ws://localhost:8765"
	if flag.NArg() > 0 {
		url = flag.Arg(0)
	}
	log.SetFlags(0)
	if *depth < 1 || *depth > 100 {
		log.Fatalf("-depth must be in 1..100 (got %d)", *depth)
	}

	// The worked example of PROTOCOL.md, checked at start.
	example := Book{Bids: []Level{{49999, 1.5}, {49998.5, 0.25}}, Asks: []Level{{50001, 2}, {50001.5, 0.5}}, PriceDecimals: 2, SizeDecimals: 4}
	if example.Checksum() != 1644703439 {
		log.Fatal("checksum implementation does not match PROTOCOL.md")
	}

	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		log.Fatalf("cannot connect to %s: %v", url, err)
	}
	defer conn.Close()
	fmt.Fprintf(os.Stderr, "connected to %s\n", url)

	send := func(message map[string]interface{}) {
		if err := conn.WriteJSON(message); err != nil {
			log.Fatalf("send: %v", err)
		}
	}
	read := func() BookMessage {
		var message BookMessage
		if err := conn.ReadJSON(&message); err != nil {
			log.Fatalf("read: %v", err)
		}
		return message
	}

	if *symbol == "" {
		// Learn the symbols from the ack of a cheap subscription, then follow the first.
		send(map[string]interface{}{"op": "subscribe", "channels": []string{"status"}, "req_id": "probe"})
		for *symbol == "" {
			message := read()
			if message.Type == "subscribed" && message.ReqID == "probe" && len(message.Symbols) > 0 {
				*symbol = message.Symbols[0]
			}
		}
		send(map[string]interface{}{"op": "unsubscribe", "channels": []string{"status"}})
	}
	send(map[string]interface{}{"op": "subscribe", "channels": []string{"book"}, "symbols": []string{*symbol}, "depth": *depth, "req_id": "book"})

	var book *Book
	awaitingSnapshot := true
	messages, ok, gaps, mismatches, snapshots, deltas := 0, 0, 0, 0, 0, 0
	resync := func(reason string) {
		fmt.Printf("%s; requesting a snapshot\n", reason)
		awaitingSnapshot = true
		send(map[string]interface{}{"op": "snapshot", "symbol": *symbol})
	}
	verify := func(message BookMessage, what string) {
		ours := book.Checksum()
		if ours != message.Checksum {
			mismatches++
			resync(fmt.Sprintf("checksum MISMATCH at seq %d (ours %d, server %d)", message.Seq, ours, message.Checksum))
			return
		}
		ok++
		top := fmt.Sprintf("%d bids, %d asks", len(book.Bids), len(book.Asks))
		if len(book.Bids) > 0 && len(book.Asks) > 0 {
			bid, ask := book.Bids[0], book.Asks[0]
			top = fmt.Sprintf("best bid %.*f × %v | best ask %.*f × %v · spread %.*f",
				book.PriceDecimals, bid[0], bid[1], book.PriceDecimals, ask[0], ask[1], book.PriceDecimals, ask[0]-bid[0])
		}
		fmt.Printf("%s %s seq %d: %s · checksum %d OK\n", what, *symbol, message.Seq, top, message.Checksum)
	}

	for *count == 0 || messages < *count {
		message := read()
		switch {
		case message.Type == "error":
			fmt.Fprintf(os.Stderr, "server error %s: %s\n", message.Code, message.Message)
		case message.Symbol != *symbol:
		case message.Type == "book_snapshot":
			messages++
			snapshots++
			book = &Book{Seq: message.Seq, Depth: message.Depth, Bids: message.Bids, Asks: message.Asks, PriceDecimals: message.PriceDecimals, SizeDecimals: message.SizeDecimals}
			awaitingSnapshot = false
			verify(message, "snapshot")
		case message.Type == "book_delta":
			messages++
			if awaitingSnapshot {
				continue
			}
			deltas++
			if *simulateGap > 0 && deltas%*simulateGap == 0 {
				fmt.Printf("(dropping delta seq %d on purpose)\n", message.Seq)
				continue
			}
			if message.PrevSeq != book.Seq {
				gaps++
				resync(fmt.Sprintf("gap: delta prev_seq %d does not follow held seq %d", message.PrevSeq, book.Seq))
				continue
			}
			book.Bids = applySide(book.Bids, message.Bids, true, book.Depth)
			book.Asks = applySide(book.Asks, message.Asks, false, book.Depth)
			book.Seq = message.Seq
			verify(message, "delta")
		}
	}
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "done"))
	fmt.Printf("verified %d of %d book messages (%d snapshots, %d deltas): %d gaps, %d checksum mismatches\n", ok, messages, snapshots, deltas, gaps, mismatches)
	if mismatches > 0 || ok == 0 {
		os.Exit(1)
	}
}
