package desktop

import (
	"errors"

	"golang.org/x/sys/windows/registry"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// The registry keys Explorer builds a new app's environment from.
const (
	SystemKey = `HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment`
	UserKey   = `HKCU\Environment`
)

// lookupOS reads the Go variables from the system key and then the user
// key, so that a user variable comes after (and wins over) a system one.
func lookupOS(names []string) ([]origin.OSVar, error) {
	sys, err1 := readKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Control\Session Manager\Environment`, SystemKey, origin.ScopeSystem, names)
	usr, err2 := readKey(registry.CURRENT_USER, `Environment`, UserKey, origin.ScopeUser, names)
	return append(sys, usr...), errors.Join(err1, err2)
}

// readKey returns the named values found under root\path, expanding
// REG_EXPAND_SZ values as Explorer does.
func readKey(root registry.Key, path, location, scope string, names []string) ([]origin.OSVar, error) {
	k, err := registry.OpenKey(root, path, registry.QUERY_VALUE)
	if err != nil {
		return nil, core.NewError("desktop.registry-read", map[string]string{"Scope": scope, "Location": location}, err)
	}
	defer k.Close()
	var out []origin.OSVar
	for _, name := range names {
		v, typ, err := k.GetStringValue(name)
		if err != nil {
			continue // absent, or not a string
		}
		ov := origin.OSVar{Var: name, Value: v, Scope: scope, Location: location, Type: "REG_SZ"}
		if typ == registry.EXPAND_SZ {
			ov.Type = "REG_EXPAND_SZ"
			if x, err := registry.ExpandString(v); err == nil && x != v {
				ov.Value, ov.Raw = x, v
			}
		}
		out = append(out, ov)
	}
	return out, nil
}
