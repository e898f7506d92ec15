// Command fakemirrors serves a few module mirrors on loopback with
// realistic latencies, for screenshots of the Mirrors screen while it
// probes (scripts/screenshots.sh): it prints the user mirror list Go
// Mirror reads (mirrors.json) on stdout and serves until killed. Nothing
// leaves the machine.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// fake is one mirror: its name and how it answers.
type fake struct {
	name string
	b    mirrortest.Behavior
	dead bool // nothing listens: the connection is refused
}

var fakes = []fake{
	{name: "Campus mirror", b: mirrortest.Behavior{Delay: 4 * time.Millisecond, Jitter: 3 * time.Millisecond}},
	{name: "Office proxy", b: mirrortest.Behavior{Delay: 30 * time.Millisecond, Jitter: 12 * time.Millisecond}},
	{name: "Regional CDN", b: mirrortest.Behavior{Delay: 140 * time.Millisecond, Jitter: 60 * time.Millisecond}},
	{name: "Overseas mirror", b: mirrortest.Behavior{Delay: 520 * time.Millisecond, Jitter: 200 * time.Millisecond}},
	{name: "Overloaded mirror", b: mirrortest.Behavior{Status: 502}},
	{name: "Retired mirror", dead: true},
}

func main() {
	mod := mirrortest.Module{Path: probe.DefaultModule, Versions: []string{"v0.20.0", "v0.21.0"}}
	type entry struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	var list []entry
	for i, f := range fakes {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		url := "http://" + l.Addr().String()
		if f.dead {
			l.Close()
		} else {
			f.b.SumDB = os.Getenv("SUMDB")
			go http.Serve(l, mirrortest.New(f.b, mod))
		}
		list = append(list, entry{ID: fmt.Sprintf("fake%d", i), Name: f.name, URL: url})
	}
	out, _ := json.MarshalIndent(map[string]any{"version": 1, "mirrors": list}, "", "  ")
	fmt.Println(string(out))
	os.Stdout.Close()
	select {}
}
