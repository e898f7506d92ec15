package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/mod/sumdb"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/route"
	"github.com/gomirror/gomirror/core/resolve"
)

// database is the checksum database as the go command reaches it.
type database struct {
	Name string
	Key  string // the verifier key name+hash+key
	Base string // URL the lookups go to
	Via  string // the proxy it is reached through, if any
}

// findDatabase returns the checksum database for rt, reached the way the
// go command reaches it: GOSUMDB's explicit URL, else the first GOPROXY
// entry answering 200 to /sumdb/<name>/supported, else https://<name>.
func findDatabase(ctx context.Context, c *http.Client, r *resolve.Resolution, rt route.Route) (database, error) {
	ck := rt.Checksum
	if ck.Error != "" {
		return database{}, errors.New(ck.Error)
	}
	db := database{Name: ck.DB}
	key, err := verifierKey(r, ck.DB)
	if err != nil {
		return db, err
	}
	db.Key = key
	if ck.URL != "" {
		db.Base = strings.TrimSuffix(ck.URL, "/")
		return db, nil
	}
	return db, db.walk(ctx, c, ck.Via)
}

// walk asks each proxy in via whether it proxies the database.
func (db *database) walk(ctx context.Context, c *http.Client, via []route.Source) error {
	for _, s := range via {
		if s.Kind != route.KindProxy {
			db.Base = s.URL
			return nil
		}
		status, _, err := get(ctx, c, s.URL+"/supported")
		switch {
		case err == nil && status == http.StatusOK:
			db.Base, db.Via = s.URL, strings.TrimSuffix(s.URL, "/sumdb/"+db.Name)
			return nil
		case err == nil && (status == 404 || status == 410), s.Fallback == route.FallbackAnyError:
			continue
		case err != nil:
			return core.NewError("verify.ask-sumdb", map[string]string{"URL": s.URL}, err)
		default:
			return core.NewError("verify.ask-sumdb-status", map[string]string{"URL": s.URL, "Status": fmt.Sprint(status)}, nil)
		}
	}
	return core.NewError("verify.no-sumdb-route", map[string]string{"DB": db.Name}, nil)
}

// verifierKey returns the key for GOSUMDB: its own name+hash+key, or the
// go command's built-in key for a known name, read from $GOROOT's source.
func verifierKey(r *resolve.Resolution, name string) (string, error) {
	v := r.Value("GOSUMDB")
	if f := strings.Fields(v); len(f) > 0 && strings.Contains(f[0], "+") {
		return f[0], nil
	}
	data, err := os.ReadFile(filepath.Join(r.Goroot.Path, "src/cmd/go/internal/modfetch/key.go"))
	if err != nil {
		return "", core.NewError("verify.key-unreadable", map[string]string{"DB": name}, err)
	}
	re := regexp.MustCompile(`"` + regexp.QuoteMeta(name) + `":\s*"([^"]+)"`)
	if m := re.FindSubmatch(data); m != nil {
		return string(m[1]), nil
	}
	return "", core.NewError("verify.no-key", map[string]string{"DB": name}, nil)
}

// lookup asks the database for the go.sum lines of mod@version, checking
// the signed tree head and the inclusion proof with the verifier key.
func (db database) lookup(ctx context.Context, c *http.Client, mod, version string) ([]string, error) {
	ops := &clientOps{ctx: ctx, c: c, db: db, config: map[string][]byte{}, cache: map[string][]byte{}}
	cl := sumdb.NewClient(ops)
	var out []string
	for _, v := range []string{version, version + "/go.mod"} {
		lines, err := cl.Lookup(mod, v)
		switch {
		case ops.security != "":
			return nil, core.NewError("verify.sumdb-inconsistent", map[string]string{"Detail": ops.security}, nil)
		case err != nil && ops.notFound != nil:
			return nil, core.NewError("verify.not-found", map[string]string{"Module": mod, "Version": version}, ops.notFound)
		case err != nil:
			return nil, err
		}
		out = append(out, lines...)
	}
	return out, nil
}

// clientOps serves sumdb.Client from memory and HTTP.
type clientOps struct {
	ctx      context.Context
	c        *http.Client
	db       database
	mu       sync.Mutex
	config   map[string][]byte
	cache    map[string][]byte
	security string
	notFound error // a 404 or 410 answer
}

func (o *clientOps) ReadRemote(path string) ([]byte, error) {
	status, body, err := get(o.ctx, o.c, o.db.Base+path)
	switch {
	case err != nil:
		return nil, err
	case status == 404 || status == 410:
		err := &statusError{o.db.Base + path, status, fs.ErrNotExist}
		o.mu.Lock()
		o.notFound = err
		o.mu.Unlock()
		return nil, err
	case status != 200:
		return nil, &statusError{o.db.Base + path, status, nil}
	}
	return body, nil
}

func (o *clientOps) ReadConfig(file string) ([]byte, error) {
	if file == "key" {
		return []byte(o.db.Key), nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.config[file], nil
}

func (o *clientOps) WriteConfig(file string, old, new []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if string(o.config[file]) != string(old) {
		return sumdb.ErrWriteConflict
	}
	o.config[file] = new
	return nil
}

func (o *clientOps) ReadCache(file string) ([]byte, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if b, ok := o.cache[file]; ok {
		return b, nil
	}
	return nil, fs.ErrNotExist
}

func (o *clientOps) WriteCache(file string, data []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.cache[file] = data
}

func (o *clientOps) Log(string) {}

func (o *clientOps) SecurityError(msg string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.security = msg
}

// statusError is an HTTP error status; 404 and 410 unwrap to
// fs.ErrNotExist.
type statusError struct {
	URL    string
	Status int
	err    error
}

func (e *statusError) Error() string { return e.Localize(core.English) }

// Localize returns e in l.
func (e *statusError) Localize(l *core.Lang) string {
	args := map[string]string{"URL": e.URL, "Status": fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))}
	return core.NewError("verify.status", args, nil).Localize(l)
}

func (e *statusError) Unwrap() error { return e.err }

// maxBody bounds a downloaded file.
const maxBody = 500 << 20

// get fetches u and returns its status and body.
func get(ctx context.Context, c *http.Client, u string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	return resp.StatusCode, body, err
}
