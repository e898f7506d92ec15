package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestExitIfStuck runs this test binary again as a process whose quit
// hangs (it blocks for ever after exitIfStuck) and checks that it still
// ends, with status 0 and a line that says why.
func TestExitIfStuck(t *testing.T) {
	if os.Getenv("GOMIRROR_STUCK_QUIT") == "1" {
		exitIfStuck()
		select {}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestExitIfStuck$")
	cmd.Env = append(os.Environ(), "GOMIRROR_STUCK_QUIT=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the stuck process ended with %v, want status 0; stderr:\n%s", err, &stderr)
		}
		if !strings.Contains(stderr.String(), "still running") {
			t.Errorf("stderr = %q, want the reason it exits", &stderr)
		}
	case <-time.After(quitGrace + time.Minute):
		cmd.Process.Kill()
		t.Fatal("the stuck process did not end")
	}
}
