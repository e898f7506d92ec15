// Command mirrors serves fake module mirrors on loopback for
// scripts/perf-gui.sh, so that Go Mirror can be measured while it probes
// without any traffic leaving the machine. Each mirror serves the module
// the probe asks for by default, with a few milliseconds of latency and
// jitter, and proxies a made-up checksum database. It prints one URL per
// line once all are listening, then serves until it is killed; with
// -count FILE it keeps the number of requests served so far in FILE,
// rewritten every second, so that the script can see the probing.
//
// Usage: go run ./packaging/perf/mirrors [-n 12] [-count FILE]
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/mirrors/probe"
)

func main() {
	n := flag.Int("n", 12, "how many mirrors to serve")
	countFile := flag.String("count", "", "keep the number of requests served in this file")
	flag.Parse()
	var served atomic.Int64
	mod := mirrortest.Module{Path: probe.DefaultModule, Versions: []string{"v0.20.0", "v0.21.0"}}
	for i := range *n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		b := mirrortest.Behavior{
			Delay:  time.Duration(2+i) * time.Millisecond,
			Jitter: time.Duration(i%3) * time.Millisecond,
			SumDB:  "sum.example.test",
		}
		p := mirrortest.New(b, mod)
		count := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			served.Add(1)
			p.ServeHTTP(w, r)
		})
		go func() { log.Fatal(http.Serve(l, count)) }()
		fmt.Printf("http://%s\n", l.Addr())
	}
	for range time.Tick(time.Second) {
		if *countFile != "" {
			if err := os.WriteFile(*countFile, fmt.Appendf(nil, "%d\n", served.Load()), 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
}
