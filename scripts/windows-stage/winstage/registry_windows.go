package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows/registry"
)

// regValue is one variable written to an Environment key.
type regValue struct {
	root          registry.Key
	name, value   string
	expand        bool
	wantScope     string
	wantExpansion string
}

const (
	userEnvKey   = `Environment`
	systemEnvKey = `SYSTEM\CurrentControlSet\Control\Session Manager\Environment`
)

// checkRegistry writes user and system Environment values (REG_SZ and
// REG_EXPAND_SZ) and checks gomirrorctl's desktop context and origins,
// then removes a user value with gomirrorctl fix user-var and restores it
// with gomirrorctl undo.
func checkRegistry() error {
	dir := filepath.Join(*root, "reg")
	vals := []regValue{
		{registry.LOCAL_MACHINE, "GOPROXY", "https://system.example.test", false, "system", ""},
		{registry.CURRENT_USER, "GOPROXY", "https://user.example.test", false, "user", ""},
		{registry.LOCAL_MACHINE, "GOSUMDB", "%WINSTAGE_SUM%.example.test", true, "system", "sysexp.example.test"},
		{registry.CURRENT_USER, "GOPRIVATE", "%WINSTAGE_PRIV%.corp.example.test", true, "user", "userexp.corp.example.test"},
	}
	var errs []error
	defer func() {
		for _, v := range vals {
			if k, err := registry.OpenKey(v.root, keyPath(v.root), registry.SET_VALUE); err == nil {
				_ = k.DeleteValue(v.name)
				k.Close()
			}
		}
	}()
	for _, v := range vals {
		if err := setReg(v); err != nil {
			return err
		}
	}
	env := append(baseEnv(), "APPDATA="+filepath.Join(dir, "appdata"), "USERPROFILE="+filepath.Join(dir, "profile"),
		"WINSTAGE_SUM=sysexp", "WINSTAGE_PRIV=userexp",
		"GOPROXY=https://process.example.test", "GOFLAGS=-mod=mod")
	mkdir(filepath.Join(dir, "work"))
	check := func(what string, ok bool, format string, args ...any) {
		if ok {
			fmt.Printf("  ok: %s\n", what)
			return
		}
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{what}, args...)...))
	}

	desk, err := ctlEnv(dir, env, "--context", "desktop")
	if err != nil {
		return err
	}
	check("desktop GOPROXY is the user value over the system value and this process's", desk.Vars["GOPROXY"].Value == "https://user.example.test", "got %q", desk.Vars["GOPROXY"].Value)
	check("desktop GOSUMDB is the system REG_EXPAND_SZ value, expanded", desk.Vars["GOSUMDB"].Value == "sysexp.example.test", "got %q", desk.Vars["GOSUMDB"].Value)
	check("desktop GOPRIVATE is the user REG_EXPAND_SZ value, expanded", desk.Vars["GOPRIVATE"].Value == "userexp.corp.example.test", "got %q", desk.Vars["GOPRIVATE"].Value)
	proc, err := ctlEnv(dir, env)
	if err != nil {
		return err
	}
	check("process context keeps the process GOPROXY", proc.Vars["GOPROXY"].Value == "https://process.example.test", "got %q", proc.Vars["GOPROXY"].Value)
	check("process context has no registry GOSUMDB (go.env's)", proc.Vars["GOSUMDB"].Value == "sum.example.test", "got %q", proc.Vars["GOSUMDB"].Value)
	check("process context has no registry GOPRIVATE", proc.Vars["GOPRIVATE"].Value == "", "got %q", proc.Vars["GOPRIVATE"].Value)

	origins, err := ctlOrigins(dir, env)
	if err != nil {
		return err
	}
	find := func(v, scope string) *originEntry {
		for i, o := range origins {
			if o.Context == "desktop" && o.Var == v && o.Scope == scope {
				return &origins[i]
			}
		}
		return nil
	}
	for _, v := range vals[1:] { // the system GOPROXY is shadowed by the user one
		o := find(v.name, v.wantScope)
		want := v.value
		if v.wantExpansion != "" {
			want = v.wantExpansion
		}
		check(fmt.Sprintf("origins lists %s from the %s Environment key", v.name, v.wantScope),
			o != nil && o.Value == want, "got %+v, want value %q", o, want)
	}
	check("origins names only the user GOPROXY, which wins over the system one",
		find("GOPROXY", "system") == nil && find("GOPROXY", "process") == nil, "got %+v", origins)

	// The fix, through gomirrorctl: remove the user value (the system one
	// has none to show through); undo puts it back with its type.
	if r := run(filepath.Join(dir, "work"), env, "", *ctlExe, "fix", "user-var", "GOPRIVATE", "--yes"); r.err != nil {
		return fmt.Errorf("gomirrorctl fix user-var GOPRIVATE --yes: %v: %s%s", r.err, r.stdout, r.stderr)
	}
	after, err := ctlEnv(dir, env, "--context", "desktop")
	if err != nil {
		return err
	}
	check("after gomirrorctl fix user-var removes the user GOPRIVATE, the desktop has none", after.Vars["GOPRIVATE"].Value == "", "got %q", after.Vars["GOPRIVATE"].Value)
	if r := run(filepath.Join(dir, "work"), env, "", *ctlExe, "undo"); r.err != nil {
		return fmt.Errorf("gomirrorctl undo: %v: %s%s", r.err, r.stdout, r.stderr)
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, userEnvKey, registry.QUERY_VALUE)
	if err != nil {
		return err
	}
	raw, typ, err := k.GetStringValue("GOPRIVATE")
	k.Close()
	check("undo restores the REG_EXPAND_SZ value unexpanded, type kept", err == nil && typ == registry.EXPAND_SZ && raw == vals[3].value,
		"got %q type %d err %v", raw, typ, err)
	again, err := ctlEnv(dir, env, "--context", "desktop")
	if err != nil {
		return err
	}
	check("after undo the desktop GOPRIVATE is back", again.Vars["GOPRIVATE"].Value == "userexp.corp.example.test", "got %q", again.Vars["GOPRIVATE"].Value)
	return errors.Join(errs...)
}

func keyPath(root registry.Key) string {
	if root == registry.CURRENT_USER {
		return userEnvKey
	}
	return systemEnvKey
}

func setReg(v regValue) error {
	k, _, err := registry.CreateKey(v.root, keyPath(v.root), registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("opening %s: %w", keyPath(v.root), err)
	}
	defer k.Close()
	if v.expand {
		return k.SetExpandStringValue(v.name, v.value)
	}
	return k.SetStringValue(v.name, v.value)
}

// ctlEnv runs gomirrorctl env --json with extra arguments.
func ctlEnv(dir string, env []string, args ...string) (ctlOutput, error) {
	var out ctlOutput
	r := run(filepath.Join(dir, "work"), env, "", *ctlExe, append([]string{"env", "--json"}, args...)...)
	if r.err != nil {
		return out, fmt.Errorf("gomirrorctl env --json %s: %v: %s", strings.Join(args, " "), r.err, r.stderr)
	}
	return out, json.Unmarshal([]byte(r.stdout), &out)
}

type originEntry struct {
	Context, Var, Value, Scope, File, Status string
}

func ctlOrigins(dir string, env []string) ([]originEntry, error) {
	r := run(filepath.Join(dir, "work"), env, "", *ctlExe, "origins", "--json", "--no-shell")
	if r.err != nil {
		return nil, fmt.Errorf("gomirrorctl origins --json --no-shell: %v: %s", r.err, r.stderr)
	}
	var out struct{ Origins []originEntry }
	err := json.Unmarshal([]byte(r.stdout), &out)
	return out.Origins, err
}

// regCmd is "winstage reg get|set|del user|system NAME [sz|expand VALUE]",
// for the stage's shell part: get prints "TYPE<tab>VALUE" (the value as
// stored, unexpanded) or "absent".
func regCmd(args []string) error {
	if len(args) < 3 {
		return errors.New("usage: winstage reg get|set|del user|system NAME [sz|expand VALUE]")
	}
	root := registry.Key(registry.CURRENT_USER)
	if args[1] == "system" {
		root = registry.LOCAL_MACHINE
	}
	name := args[2]
	switch args[0] {
	case "get":
		k, err := registry.OpenKey(root, keyPath(root), registry.QUERY_VALUE)
		if err != nil {
			return err
		}
		defer k.Close()
		v, typ, err := k.GetStringValue(name)
		switch {
		case errors.Is(err, registry.ErrNotExist):
			fmt.Println("absent")
		case err != nil:
			return err
		case typ == registry.EXPAND_SZ:
			fmt.Printf("REG_EXPAND_SZ\t%s\n", v)
		default:
			fmt.Printf("REG_SZ\t%s\n", v)
		}
		return nil
	case "set":
		if len(args) != 5 {
			return errors.New("usage: winstage reg set user|system NAME sz|expand VALUE")
		}
		return setReg(regValue{root: root, name: name, value: args[4], expand: args[3] == "expand"})
	case "del":
		k, err := registry.OpenKey(root, keyPath(root), registry.SET_VALUE)
		if err != nil {
			return err
		}
		defer k.Close()
		if err := k.DeleteValue(name); err != nil && !errors.Is(err, registry.ErrNotExist) {
			return err
		}
		return nil
	}
	return fmt.Errorf("unknown reg command %q", args[0])
}
