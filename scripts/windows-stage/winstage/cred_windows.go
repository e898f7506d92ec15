package main

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/danieljoos/wincred"
)

// checkCred stores a credential with gomirrorctl cred set (the secret on
// stdin), reads it back through the GOAUTH helper and the git credential
// helper, finds it in Credential Manager (CredReadW, through wincred) and in
// none of Go Mirror's files, then removes it.
func checkCred() error {
	const secret = "winstage-s3cret-token"
	dir := filepath.Join(*root, "cred")
	_ = os.RemoveAll(dir)
	work := filepath.Join(dir, "work")
	mkdir(work)
	env := append(baseEnv(), "APPDATA="+filepath.Join(dir, "appdata"), "USERPROFILE="+filepath.Join(dir, "profile"),
		"LOCALAPPDATA="+filepath.Join(dir, "localappdata"))
	var errs []error
	check := func(what string, ok bool, format string, args ...any) {
		if ok {
			fmt.Printf("  ok: %s\n", what)
			return
		}
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{what}, args...)...))
	}
	ctl := func(stdin string, args ...string) result { return run(work, env, stdin, *ctlExe, args...) }

	r := ctl(secret+"\n", "cred", "set", "git.example.test/org", "--user", "alice")
	check("cred set git.example.test/org --user alice (secret on stdin)", r.err == nil, "%v: %s", r.err, r.stderr)
	r = ctl("", "cred", "list", "--json")
	check("cred list names it, without the secret", r.err == nil && strings.Contains(r.stdout, `"git.example.test/org"`) &&
		strings.Contains(r.stdout, `"alice"`) && !strings.Contains(r.stdout, secret), "%v: %s %s", r.err, r.stdout, r.stderr)

	var inManager bool
	if creds, err := wincred.List(); err == nil {
		for _, c := range creds {
			if string(c.CredentialBlob) == secret || strings.Contains(string(c.CredentialBlob), secret) {
				inManager = true
			}
		}
	}
	check("the secret is in Credential Manager (CredEnumerate/CredRead)", inManager, "not found")

	basic := base64.StdEncoding.EncodeToString([]byte("alice:" + secret))
	r = ctl("", "goauth")
	check("GOAUTH helper, first call: an Authorization header for https://git.example.test/org", r.err == nil &&
		strings.Contains(r.stdout, "https://git.example.test/org") && strings.Contains(r.stdout, "Authorization: Basic "+basic),
		"%v: %q %s", r.err, r.stdout, r.stderr)
	r = ctl("HTTP/1.1 401 Unauthorized\n\n", "goauth", "https://git.example.test/org/repo/@v/list")
	check("GOAUTH helper, retry for a URL under the prefix", r.err == nil && strings.Contains(r.stdout, "Authorization: Basic "+basic),
		"%v: %q %s", r.err, r.stdout, r.stderr)
	r = ctl("HTTP/1.1 401 Unauthorized\n\n", "goauth", "https://other.example.test/org/repo")
	check("GOAUTH helper, nothing for another host", r.err == nil && !strings.Contains(r.stdout, "Authorization"), "%v: %q", r.err, r.stdout)
	r = ctl("protocol=https\nhost=git.example.test\npath=org/repo.git\n\n", "git-credential", "get")
	check("git credential helper: get returns the user and secret", r.err == nil && strings.Contains(r.stdout, "username=alice") &&
		strings.Contains(r.stdout, "password="+secret), "%v: %q %s", r.err, r.stdout, r.stderr)
	r = ctl("protocol=http\nhost=git.example.test\npath=org/repo.git\n\n", "git-credential", "get")
	check("git credential helper: nothing over http", r.err == nil && !strings.Contains(r.stdout, "password"), "%v: %q", r.err, r.stdout)

	var leaked []string
	nfiles := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		nfiles++
		if data, err := os.ReadFile(p); err == nil && strings.Contains(string(data), secret) {
			leaked = append(leaked, p)
		}
		return nil
	})
	check(fmt.Sprintf("the secret is in none of Go Mirror's %d files", nfiles), nfiles > 0 && len(leaked) == 0, "files %d, secret in %q", nfiles, leaked)

	r = ctl("", "cred", "rm", "git.example.test/org")
	check("cred rm", r.err == nil, "%v: %s", r.err, r.stderr)
	r = ctl("", "cred", "list", "--json")
	check("cred list is empty again", r.err == nil && !strings.Contains(r.stdout, "git.example.test"), "%v: %s", r.err, r.stdout)
	r = ctl("protocol=https\nhost=git.example.test\npath=org/repo.git\n\n", "git-credential", "get")
	check("git credential helper: nothing after rm", r.err == nil && !strings.Contains(r.stdout, "password"), "%v: %q", r.err, r.stdout)
	inManager = false
	if creds, err := wincred.List(); err == nil {
		for _, c := range creds {
			inManager = inManager || strings.Contains(string(c.CredentialBlob), secret)
		}
	}
	check("Credential Manager no longer holds it", !inManager, "still there")
	return errors.Join(errs...)
}
