// Marksim ticker consumer: the seed's Go snippet with its missing imports added, a URL
// argument and a message limit.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run ./examples/go/ticker [-count N] [ws://localhost:8765]
//
// Needs github.com/gorilla/websocket (Debian: golang-github-gorilla-websocket-dev).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/gorilla/websocket"
)

func main() {
	count := flag.Int("count", 0, "exit after N tickers (0: run until interrupted)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: ticker [-count N] [URL]   (URL default ws://localhost:8765)")
		flag.PrintDefaults()
	}
	flag.Parse()
	url := "ws://localhost:8765"
	if flag.NArg() > 0 {
		url = flag.Arg(0)
	}
	log.SetFlags(0)

	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		log.Fatalf("cannot connect to %s: %v", url, err)
	}
	defer conn.Close()
	fmt.Fprintf(os.Stderr, "connected to %s\n", url)

	received := 0
	for *count == 0 || received < *count {
		_, message, err := conn.ReadMessage()
		if err != nil {
			log.Println(err)
			os.Exit(1)
		}

		var data map[string]interface{}
		if err := json.Unmarshal(message, &data); err != nil {
			log.Printf("not JSON: %v", err)
			continue
		}
		// The seed printed exactly this; symbol, bid and ask follow for context.
		fmt.Printf("Price: $%.2f  %v  bid %.2f  ask %.2f\n", data["last_price"], data["symbol"], data["bid_price"], data["ask_price"])
		received++
	}
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "done"))
	fmt.Fprintf(os.Stderr, "received %d tickers\n", received)
}
